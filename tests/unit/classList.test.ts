import { findHeaderRow, headerField, normaliseHeader, normalisePhone, parseDate, parseSex } from '../../src/domain/classList'

describe('class list columns', () => {
  it('reads headers regardless of case, accents, punctuation and "(e)"', () => {
    expect(normaliseHeader('  Né(e) LE ')).toBe('ne le')
    expect(headerField('Post-nom')).toBe('postName')
    expect(headerField('PRÉNOM')).toBe('firstName')
    expect(headerField('Né(e) à')).toBe('birthPlace')
    expect(headerField('Tél. tuteur')).toBe('guardianPhone')
    expect(headerField('E-mail tuteur')).toBe('guardianEmail')
    expect(headerField('N° permanent')).toBe('matricule')
    expect(headerField('Observations')).toBeNull()
    expect(headerField(42)).toBeNull()
  })

  it('finds the header row below a title block, whatever the order and extra columns', () => {
    const rows = [
      ['École primaire Les Palmiers — Kinshasa/Ngaliema'],
      ['Classe : 3e primaire B', null, 'Année scolaire : 2026-2027'],
      [],
      ['N°', 'Prénom', 'Nom', 'Observations', 'Matricule', 'Sexe'],
      [1, 'Ruth', 'LUMBALA', '', 'PAL-3B-001', 'F'],
    ]
    const header = findHeaderRow(rows)!
    expect(header.index).toBe(3)
    expect([...header.columns.entries()]).toEqual([
      [1, 'firstName'],
      [2, 'lastName'],
      [4, 'matricule'],
      [5, 'sex'],
    ])
  })

  it('finds no header in a sheet that has none', () => {
    expect(findHeaderRow([['a', 'b', 'c'], [1, 2, 3]])).toBeNull()
    expect(findHeaderRow([])).toBeNull()
  })
})

describe('values as schools write them', () => {
  it('normalises Congolese phone numbers to +243', () => {
    expect(normalisePhone('0815550101')).toBe('+243815550101')
    expect(normalisePhone('+243 99 555 0102')).toBe('+243995550102')
    expect(normalisePhone('243825550104')).toBe('+243825550104')
    expect(normalisePhone('00243 81 555 0101')).toBe('+243815550101')
    expect(normalisePhone(815550101)).toBe('+243815550101')
    expect(normalisePhone('081-555-01')).toBeNull()
    expect(normalisePhone('')).toBeNull()
  })

  it('reads dates as Excel dates, jj/mm/aaaa or aaaa-mm-jj, and refuses impossible ones', () => {
    expect(parseDate('07/11/2018')).toBe('2018-11-07')
    expect(parseDate('7.11.2018')).toBe('2018-11-07')
    expect(parseDate('2018-05-30')).toBe('2018-05-30')
    expect(parseDate(43405)).toBe('2018-11-01')
    expect(parseDate(new Date(Date.UTC(2018, 4, 30)))).toBe('2018-05-30')
    expect(parseDate('12/13/2018')).toBeNull()
    expect(parseDate('31/02/2019')).toBeNull()
    expect(parseDate('29/02/2020')).toBe('2020-02-29')
    expect(parseDate('hier')).toBeNull()
    expect(parseDate(null)).toBeNull()
  })

  it('reads the sex as written', () => {
    expect(parseSex('Masculin')).toBe('M')
    expect(parseSex(' m ')).toBe('M')
    expect(parseSex('Féminin')).toBe('F')
    expect(parseSex('fille')).toBe('F')
    expect(parseSex('X')).toBeNull()
    expect(parseSex(undefined)).toBeNull()
  })
})
