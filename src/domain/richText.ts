/**
 * Plain text to and from the Lexical editor's saved state, for what is written without the editor
 * (a teacher's announcement in the workspace, the benches): one paragraph a line.
 */

type TextNode = { type: 'text'; text: string }
type Node = { type: string; text?: string; children?: Node[] }
export type RichText = { root: { type: 'root'; children: Node[] } & Record<string, unknown> }

const text = (value: string) => ({ type: 'text', text: value, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const paragraph = (line: string) => ({ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: line ? [text(line)] : [] })

export const richTextOf = (plain: string): RichText => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: plain.replace(/\r\n?/g, '\n').split('\n').map(paragraph) },
})

const textOf = (node: Node): string => (node.type === 'text' ? (node as TextNode).text : node.type === 'linebreak' ? '\n' : (node.children ?? []).map(textOf).join(''))

/** The words of a rich text, a line a paragraph (or heading, list item, quote). */
export const plainTextOf = (state: unknown): string => {
  const root = (state as RichText | null | undefined)?.root
  if (!root?.children) return ''
  const blocks = (nodes: Node[]): string[] => nodes.flatMap((node) => (node.type === 'list' ? blocks(node.children ?? []) : [textOf(node)]))
  return blocks(root.children).join('\n')
}
