import { plainText, paragraphs } from '../../src/domain/richText'

describe('plain text and the editor’s rich text', () => {
  it('a block a paragraph, a single line break kept inside it, and back to the same words', () => {
    const written = 'Chers parents,\n\nLa réunion a lieu samedi à 9 h.\nMerci.'
    const state = paragraphs(written)
    expect(state.root.children.map((p) => p.type)).toEqual(['paragraph', 'paragraph'])
    expect(state.root.children[1].children).toMatchObject([{ type: 'text', text: 'La réunion a lieu samedi à 9 h.' }, { type: 'linebreak' }, { type: 'text', text: 'Merci.' }])
    expect(plainText(state)).toBe(written)
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
    expect(plainText(state)).toBe('Calendrier\n\nExamens du 2 au 6 juin\n\nFrançais\nMathématiques')
  })

  it('nothing written reads as nothing', () => {
    expect(plainText(null)).toBe('')
    expect(plainText({})).toBe('')
  })
})
