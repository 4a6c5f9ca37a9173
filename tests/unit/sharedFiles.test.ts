import { sharedFileProblem } from '../../src/domain/sharedFiles'

const limit = 10 * 1024 * 1024
const bytes = (...values: (number | string)[]) => new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])))
const file = (name: string, head: Uint8Array, size = 1_000) => ({ name, head, size })

describe('a file a teacher shares', () => {
  it('is accepted when its bytes are what its name says', () => {
    expect(sharedFileProblem(file('Fiche.pdf', bytes('%PDF-1.7')), limit)).toBeNull()
    expect(sharedFileProblem(file('carte.JPG', bytes(0xff, 0xd8, 0xff, 0xe0)), limit)).toBeNull()
    expect(sharedFileProblem(file('schéma.png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a)), limit)).toBeNull()
    expect(sharedFileProblem(file('photo.webp', bytes('RIFF', 0, 0, 0, 0, 'WEBP')), limit)).toBeNull()
    expect(sharedFileProblem(file('leçon.mp4', bytes(0, 0, 0, 0x20, 'ftypisom')), limit)).toBeNull()
    expect(sharedFileProblem(file('leçon.webm', bytes(0x1a, 0x45, 0xdf, 0xa3)), limit)).toBeNull()
    expect(sharedFileProblem(file('exercices.docx', bytes('PK', 3, 4)), limit)).toBeNull()
  })

  it('is refused when its bytes are something else (a text file renamed .pdf)', () => {
    expect(sharedFileProblem(file('devoir.pdf', bytes('Bonjour la classe')), limit)).toEqual({ code: 'notWhatItSays', extension: 'pdf' })
    expect(sharedFileProblem(file('photo.png', bytes('%PDF-1.7')), limit)).toEqual({ code: 'notWhatItSays', extension: 'png' })
  })

  it('is refused when its kind is not one a class receives (pages, scripts, old Office files, no extension)', () => {
    for (const [name, extension] of [['page.html', 'html'], ['image.svg', 'svg'], ['outil.exe', 'exe'], ['ancien.doc', 'doc'], ['sans-nom', '']])
      expect(sharedFileProblem(file(name, bytes('PK', 3, 4)), limit)).toEqual({ code: 'notAllowed', extension })
  })

  it('is refused beyond the upload limit, sizes in megabytes', () => {
    expect(sharedFileProblem(file('film.mp4', bytes(0, 0, 0, 0x20, 'ftyp'), 25 * 1024 * 1024), limit)).toEqual({ code: 'tooLarge', size: 25, max: 10 })
    expect(sharedFileProblem(file('film.mp4', bytes(0, 0, 0, 0x20, 'ftyp'), limit), limit)).toBeNull()
  })
})
