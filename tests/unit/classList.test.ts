import {
  findHeaderRow,
  headerField,
  normaliseHeader,
  normalisePhone,
  parseClassList,
  parseDate,
  parseSex,
  type SheetRow,
} from '../../src/domain/classList'

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
    // A list exported in English reads back.
    expect(['Surname', 'Post-name', 'First name', 'Sex', 'Date of birth', 'Place of birth', 'Guardian', 'Guardian phone', 'Guardian e-mail'].map(headerField)).toEqual([
      'lastName', 'postName', 'firstName', 'sex', 'birthDate', 'birthPlace', 'guardianName', 'guardianPhone', 'guardianEmail',
    ])
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
    expect(parseDate(20180530)).toBeNull() // aaaammjj typed as a number, not an Excel date
    expect(parseDate(new Date(Date.UTC(218, 4, 30)))).toBeNull()
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

/** Rows as the reader gives them, numbered from 1 like the sheet. */
const sheet = (...rows: unknown[][]): SheetRow[] => rows.map((cells, index) => ({ number: index + 1, cells }))
const header = ['Matricule', 'Nom', 'Post-nom', 'Prénom', 'Sexe', 'Né(e) le', 'Tuteur', 'Tél. tuteur', 'E-mail tuteur', 'Classe']

describe('a class list as a whole', () => {
  it('tidies names as people type them and keeps the guardian as written', () => {
    const list = parseClassList(
      sheet(header, [' PAL-001 ', '  mukendi   wa\u00a0kasongo ', ' ilunga ', ' Grâce  Divine ', 'fille', '01/02/2017', '  MUKENDI Véronique ', '081 555 0101', ' V.Mukendi@Example.CD ', 6]),
    )
    expect(list.errors).toEqual([])
    expect(list.records).toEqual([
      {
        row: 2,
        matricule: 'PAL-001',
        lastName: 'MUKENDI WA KASONGO',
        postName: 'ilunga',
        firstName: 'Grâce Divine',
        sex: 'F',
        birthDate: '2017-02-01',
        class: '6',
        guardian: { name: 'MUKENDI Véronique', phone: '+243815550101', email: 'v.mukendi@example.cd' },
      },
    ])
  })

  it('skips empty rows and the numbered lines of an unfilled template', () => {
    const list = parseClassList(sheet(['N°', ...header], [1, 'A-1', 'KABILA', '', '', 'M'], [], [2, null, '  ', null], [3]))
    expect(list.errors).toEqual([])
    expect(list.records.map((record) => [record.row, record.matricule])).toEqual([[2, 'A-1']])
    expect(list.records[0]).not.toHaveProperty('guardian')
  })

  it('reports every problem of a row, one per field, with the header as the sheet writes it, and leaves the row out', () => {
    const list = parseClassList(sheet(header, ['', '', '', 'Ruth', 'X', '31/02/2018', '', '12345', 'pas-un-email']))
    expect(list.records).toEqual([])
    expect(list.errors).toEqual([
      { row: 2, column: 'Matricule', field: 'matricule', code: 'required' },
      { row: 2, column: 'Nom', field: 'lastName', code: 'required' },
      { row: 2, column: 'Sexe', field: 'sex', code: 'invalidSex', params: { value: 'X' } },
      { row: 2, column: 'Né(e) le', field: 'birthDate', code: 'invalidDate', params: { value: '31/02/2018' } },
      { row: 2, column: 'Tél. tuteur', field: 'guardianPhone', code: 'invalidPhone', params: { value: '12345' } },
      { row: 2, column: 'E-mail tuteur', field: 'guardianEmail', code: 'invalidEmail', params: { value: 'pas-un-email' } },
    ])
  })

  it('asks for a missing sex, and shows a date typed as a number as it was typed', () => {
    const list = parseClassList(sheet(header, ['A-1', 'KABILA', '', '', '', 20180530]))
    expect(list.errors).toEqual([
      { row: 2, column: 'Sexe', field: 'sex', code: 'required' },
      { row: 2, column: 'Né(e) le', field: 'birthDate', code: 'invalidDate', params: { value: 20180530 } },
    ])
  })

  it('keeps the first row with a matricule and refuses the later ones, naming the first', () => {
    const list = parseClassList(sheet(['Élèves de 3e B'], header, ['A-1', 'KABILA', '', '', 'M'], ['A-2', 'ILUNGA', '', '', 'F'], ['A-1', 'MBUYI', '', '', 'F']))
    expect(list.headerRow).toBe(2)
    expect(list.records.map((record) => record.row)).toEqual([3, 4])
    expect(list.errors).toEqual([{ row: 5, column: 'Matricule', field: 'matricule', code: 'duplicateMatricule', params: { matricule: 'A-1', firstRow: 3 } }])
  })

  it('refuses a formula instead of taking its result', () => {
    const list = parseClassList(sheet(header, ['A-1', 'KABILA', '', '', { formula: 'IF(1,"M","F")', result: 'M' }]))
    expect(list.records).toEqual([])
    expect(list.errors).toEqual([{ row: 2, column: 'Sexe', field: 'sex', code: 'formula', params: { formula: 'IF(1,"M","F")' } }])
  })

  it('says when there is no header row, or when a required column is missing', () => {
    expect(parseClassList(sheet(['a', 'b'], [1, 2]))).toEqual({ headerRow: 0, columns: [], records: [], errors: [{ row: 0, code: 'noHeader' }] })
    const list = parseClassList(sheet(['Liste'], ['Nom', 'Prénom', 'Classe'], ['KABILA', 'Joseph', '6e']))
    expect(list.headerRow).toBe(2)
    expect(list.records).toEqual([])
    expect(list.errors).toEqual([
      { row: 2, field: 'matricule', code: 'missingColumn' },
      { row: 2, field: 'sex', code: 'missingColumn' },
    ])
  })
})
