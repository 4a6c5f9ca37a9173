import { plainTextOf, richTextOf } from '../../src/domain/richText'

describe('plain text and the editor’s rich text', () => {
  it('a line a paragraph, and back to the same words', () => {
    const written = 'Chers parents,\n\nLa réunion a lieu samedi à 9 h.\nMerci.'
    const state = richTextOf(written)
    expect(state.root.children.map((p) => p.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph'])
    expect(state.root.children[2].children).toMatchObject([{ type: 'text', text: 'La réunion a lieu samedi à 9 h.' }])
    expect(plainTextOf(state)).toBe(written)
  })

  it('what the editor wrote (headings, bold runs, lists) reads as its words', () => {
    const state = {
      root: {
        type: 'root',
        children: [
          { type: 'heading', children: [{ type: 'text', text: 'Calendrier' }] },
          { type: 'paragraph', children: [{ type: 'text', text: 'Examens ' }, { type: 'text', text: 'du 2 au 6 juin' }] },
          { type: 'list', children: [{ type: 'listitem', children: [{ type: 'text', text: 'Français' }] }, { type: 'listitem', children: [{ type: 'text', text: 'Mathématiques' }] }] },
        ],
      },
    }
    expect(plainTextOf(state)).toBe('Calendrier\nExamens du 2 au 6 juin\nFrançais\nMathématiques')
  })

  it('nothing written reads as nothing', () => {
    expect(plainTextOf(null)).toBe('')
    expect(plainTextOf({})).toBe('')
  })
})
