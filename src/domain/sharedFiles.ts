/**
 * The kinds of file a teacher may share with a class, each known by its name's extension and by
 * the first bytes every such file starts with. A file whose bytes are not what its name says (a
 * text file renamed `.pdf`) is refused before it is stored.
 */
type Kind = { mimeType: string; extensions: string[]; starts: (head: Uint8Array) => boolean }

const bytesAt = (head: Uint8Array, offset: number, expected: number[]) => expected.every((byte, i) => head[offset + i] === byte)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))
const zip = (head: Uint8Array) => bytesAt(head, 0, [0x50, 0x4b, 0x03, 0x04])

export const sharedFileKinds: Kind[] = [
  { mimeType: 'application/pdf', extensions: ['pdf'], starts: (h) => bytesAt(h, 0, ascii('%PDF-')) },
  { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'], starts: (h) => bytesAt(h, 0, [0xff, 0xd8, 0xff]) },
  { mimeType: 'image/png', extensions: ['png'], starts: (h) => bytesAt(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mimeType: 'image/webp', extensions: ['webp'], starts: (h) => bytesAt(h, 0, ascii('RIFF')) && bytesAt(h, 8, ascii('WEBP')) },
  { mimeType: 'image/gif', extensions: ['gif'], starts: (h) => bytesAt(h, 0, ascii('GIF8')) },
  { mimeType: 'video/mp4', extensions: ['mp4', 'm4v'], starts: (h) => bytesAt(h, 4, ascii('ftyp')) },
  { mimeType: 'video/webm', extensions: ['webm'], starts: (h) => bytesAt(h, 0, [0x1a, 0x45, 0xdf, 0xa3]) },
  // Office documents are zip archives; which document the archive holds, Payload checks after.
  { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], starts: zip },
  { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], starts: zip },
  { mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], starts: zip },
  { mimeType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], starts: zip },
  { mimeType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], starts: zip },
  { mimeType: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'], starts: zip },
]

export const sharedMimeTypes = sharedFileKinds.map((kind) => kind.mimeType)
export const sharedExtensions = sharedFileKinds.flatMap((kind) => kind.extensions)

export type SharedFileProblem = { code: 'notAllowed'; extension: string } | { code: 'notWhatItSays'; extension: string } | { code: 'tooLarge'; size: number; max: number }

const megabytes = (bytes: number) => Math.round(bytes / 104_857.6) / 10

/** What is wrong with a file a teacher shares (its name, first bytes and size), or null. */
export const sharedFileProblem = (file: { name: string; size: number; head: Uint8Array }, maxBytes: number): SharedFileProblem | null => {
  const extension = (file.name.match(/\.([^./\\]+)$/)?.[1] ?? '').toLowerCase()
  const kind = sharedFileKinds.find((k) => k.extensions.includes(extension))
  if (!kind) return { code: 'notAllowed', extension }
  if (file.size > maxBytes) return { code: 'tooLarge', size: megabytes(file.size), max: megabytes(maxBytes) }
  return kind.starts(file.head) ? null : { code: 'notWhatItSays', extension }
}
