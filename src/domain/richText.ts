/**
 * Plain text typed in a light form (the portal's textarea on a slow phone) as the Lexical editor's
 * JSON state: one paragraph per blank-line-separated block, line breaks kept within a paragraph.
 */
type TextNode = { type: 'text'; text: string; format: 0; style: ''; mode: 'normal'; detail: 0; version: 1 }
type LineBreak = { type: 'linebreak'; version: 1 }
type Paragraph = { type: 'paragraph'; children: (TextNode | LineBreak)[]; direction: 'ltr'; format: ''; indent: 0; textFormat: 0; version: 1 }
export type RichText = { root: { type: 'root'; children: Paragraph[]; direction: 'ltr'; format: ''; indent: 0; version: 1 } }

const textNode = (text: string): TextNode => ({ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })

export const paragraphs = (plain: string): RichText => {
  const blocks = plain
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
  const children = blocks.map(
    (block): Paragraph => ({
      type: 'paragraph',
      children: block.split('\n').flatMap((line, i) => [...(i ? [{ type: 'linebreak', version: 1 } as LineBreak] : []), textNode(line)]),
      direction: 'ltr',
      format: '',
      indent: 0,
      textFormat: 0,
      version: 1,
    }),
  )
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } }
}

type AnyNode = { type?: string; text?: string; children?: AnyNode[] }

/** The words of a Lexical state, for a notification's preview and to tell an empty message. */
export const plainText = (state: unknown): string => {
  const walk = (node: AnyNode): string =>
    node.type === 'text' ? (node.text ?? '') : node.type === 'linebreak' ? '\n' : (node.children ?? []).map(walk).join(node.type === 'root' ? '\n\n' : '')
  const root = (state as { root?: AnyNode } | null)?.root
  return root ? walk(root).trim() : ''
}

/** The first words of a text, cut at a word boundary, for a preview line. */
export const preview = (text: string, max = 120) => {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max)}…`
}
