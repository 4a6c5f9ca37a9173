import { fullName, splitName } from '../../src/domain/names'

describe('Congolese names', () => {
  it('writes the full name NOM POST-NOM Prénom, whatever is missing', () => {
    expect(fullName({ lastName: 'Lumbala', postName: 'kayembe', firstName: 'Ruth' })).toBe('LUMBALA KAYEMBE Ruth')
    expect(fullName({ lastName: 'TSHOMBA', firstName: 'Amani' })).toBe('TSHOMBA Amani')
    expect(fullName({ lastName: 'EKOFO', postName: null, firstName: undefined })).toBe('EKOFO')
  })

  it('splits a name written in one cell: the words in capitals are the NOM and post-nom, the rest the prénom', () => {
    expect(splitName('LUMBALA Jean')).toEqual({ lastName: 'LUMBALA', firstName: 'Jean' })
    expect(splitName('  KABILA  KABANGE Joseph-Désiré ')).toEqual({ lastName: 'KABILA', postName: 'KABANGE', firstName: 'Joseph-Désiré' })
    expect(splitName('WA MUKENDI ÉLODIE')).toEqual({ lastName: 'WA', postName: 'MUKENDI ÉLODIE' })
    expect(splitName('MASIALA')).toEqual({ lastName: 'MASIALA' })
  })

  it('takes the first word for the NOM when nothing is in capitals', () => {
    expect(splitName('Masiala Odette')).toEqual({ lastName: 'MASIALA', firstName: 'Odette' })
    expect(splitName('Ekofo Marie Claire')).toEqual({ lastName: 'EKOFO', firstName: 'Marie Claire' })
    expect(splitName('')).toEqual({})
  })
})
