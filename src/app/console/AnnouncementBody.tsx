import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { useRecordContext } from 'react-admin'

/** The announcement's text as written in the editor (Payload's converter escapes the words and checks the links). */
export const AnnouncementBody = () => {
  const record = useRecordContext<{ body?: SerializedEditorState | null }>()
  if (!record?.body) return null
  return <div className="announcement-body" dangerouslySetInnerHTML={{ __html: convertLexicalToHTML({ data: record.body }) }} />
}
