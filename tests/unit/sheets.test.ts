import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { parseClassList } from '../../src/domain/classList'
import { SheetError } from '../../src/sheets/errors'
import { readSheet, type ReadOptions } from '../../src/sheets/read'
import { writeWorkbook } from '../../src/sheets/write'

// The sample class list from shared/samples, kept with the tests so a clean checkout has it.
const samplePath = fileURLToPath(new URL('../fixtures/liste-classe-exemple.xlsx', import.meta.url))

/** A workbook written by exceljs, one tab per entry, each row as given from column A. */
const book = async (...sheets: { name: string; rows: unknown[][]; state?: 'hidden' }[]) => {
  const workbook = new ExcelJS.Workbook()
  for (const sheet of sheets) workbook.addWorksheet(sheet.name, { state: sheet.state ?? 'visible' }).addRows(sheet.rows)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The same zip with some members replaced and the members in the given order (the rest after). */
const rezip = async (bytes: Buffer, change: (zip: JSZip) => void, order: string[] = []) => {
  const original = await JSZip.loadAsync(bytes)
  change(original)
  const names = Object.keys(original.files).filter((name) => !original.files[name].dir)
  const zip = new JSZip()
  for (const name of [...order, ...names.filter((name) => !order.includes(name))]) zip.file(name, await original.file(name)!.async('uint8array'))
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

const failure = async (input: Buffer | string, options?: ReadOptions) => {
  try {
    await readSheet(input, options)
  } catch (error) {
    if (error instanceof SheetError) return { code: error.code, params: error.params }
    throw error
  }
  throw new Error('read without error')
}

describe('reading the class list a school sends', () => {
  it('reads the sample sheet and keeps each row number for the messages', async () => {
    const { sheetName, rows } = await readSheet(samplePath)
    expect(sheetName).toBe('Élèves')
    expect(rows.map((row) => row.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(rows[3].cells[6]).toEqual(new Date(Date.UTC(2018, 2, 14)))
    expect(rows[4].cells[6]).toBe('07/11/2018')
  })

  it('imports five pupils from the sample and rejects its last row, saying which row and why', async () => {
    const list = parseClassList((await readSheet(await readFile(samplePath))).rows)
    expect(list.headerRow).toBe(3)
    expect(list.records.map((record) => [record.row, record.matricule, record.lastName, record.firstName])).toEqual([
      [4, 'PAL-3B-001', 'LUMBALA', 'Ruth'],
      [5, 'PAL-3B-002', 'MASIALA', 'Dan'],
      [6, 'PAL-3B-003', 'MASIALA', 'Divine'],
      [7, 'PAL-3B-004', 'EKOFO', 'Patient'],
      [8, 'PAL-3B-005', 'TSHOMBA', 'Amani'],
    ])
    expect(list.records[0]).toEqual({
      row: 4,
      matricule: 'PAL-3B-001',
      lastName: 'LUMBALA',
      postName: 'KAYEMBE',
      firstName: 'Ruth',
      sex: 'F',
      birthDate: '2018-03-14',
      birthPlace: 'Kinshasa',
      guardian: { name: 'LUMBALA Jean', phone: '+243815550101', email: 'jean.lumbala@example.cd' },
    })
    expect(list.records[4]).toMatchObject({ sex: 'M', birthDate: '2018-05-30', guardian: { phone: '+243975550105' } })
    expect(list.records[4].postName).toBeUndefined()
    expect(list.errors).toEqual([
      { row: 9, column: 'Matricule', field: 'matricule', code: 'required' },
      { row: 9, column: 'Né(e) le', field: 'birthDate', code: 'invalidDate', params: { value: '12/13/2018' } },
    ])
  })

  it('reads a file whose members come in another order (LibreOffice puts the workbook last), dates still dates', async () => {
    const sample = await readFile(samplePath)
    const reordered = await rezip(sample, () => {}, ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml'])
    expect((await readSheet(reordered)).rows).toEqual((await readSheet(sample)).rows)
  })

  it('names the tab right when the workbook points at its sheets by absolute path (openpyxl)', async () => {
    const absolute = await rezip(await book({ name: 'Élèves', rows: [['a']] }), (zip) =>
      zip.file('xl/_rels/workbook.xml.rels', zip.file('xl/_rels/workbook.xml.rels')!.async('string').then((xml) => xml.replace(/Target="worksheets\//g, 'Target="/xl/worksheets/'))),
    )
    expect(await readSheet(absolute)).toEqual({ sheetName: 'Élèves', rows: [{ number: 1, cells: ['a'] }] })
  })

  it('takes the first visible tab, or the one asked for by name (any case) or position', async () => {
    const bytes = await book(
      { name: 'Paramètres', rows: [['caché']], state: 'hidden' },
      { name: '3e B', rows: [['élèves']] },
      { name: 'Notes', rows: [['notes']] },
    )
    expect((await readSheet(bytes)).sheetName).toBe('3e B')
    expect((await readSheet(bytes, { sheet: 'notes' })).rows[0].cells).toEqual(['notes'])
    expect((await readSheet(bytes, { sheet: 0 })).rows[0].cells).toEqual(['caché'])
    expect(await failure(bytes, { sheet: 'Bulletins' })).toEqual({ code: 'noSuchSheet', params: { sheet: 'Bulletins', sheets: 'Paramètres, 3e B, Notes' } })
  })
})

describe('cells as plain values', () => {
  it('gives text for rich text and links, null for error cells, and keeps numbers, booleans and dates', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Feuille').addRow([
      { richText: [{ text: 'MUKENDI ', font: { bold: true } }, { text: 'Véronique' }] },
      { text: 'parent@example.cd', hyperlink: 'mailto:parent@example.cd' },
      { error: '#N/A' },
      12.5,
      true,
      new Date(Date.UTC(2019, 0, 31)),
    ])
    const { rows } = await readSheet(Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(rows[0].cells).toEqual(['MUKENDI Véronique', 'parent@example.cd', null, 12.5, true, new Date(Date.UTC(2019, 0, 31))])
  })

  it('hands over a formula as a formula, never its cached result, and the import refuses it', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Élèves')
    sheet.addRows([
      ['Matricule', 'Nom', 'Sexe', 'Points'],
      ['A-1', { formula: 'HYPERLINK("http://evil","x")', result: 'x' }, 'F', 1],
      ['A-2', 'KABILA', 'M', 2],
      ['A-3', 'ILUNGA', 'M', 3],
    ])
    sheet.fillFormula('D2:D4', 'ROW()*2', [4, 6, 8]) // one formula shared down the column
    const { rows } = await readSheet(Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(rows[1].cells[1]).toEqual({ formula: 'HYPERLINK("http://evil","x")', result: 'x' })
    expect(rows.slice(1).map((row) => row.cells[3])).toEqual([
      { formula: 'ROW()*2', result: 4 },
      { formula: '', result: 6 },
      { formula: '', result: 8 },
    ])
    const list = parseClassList(rows)
    expect(list.errors).toEqual([
      { row: 2, column: 'Nom', field: 'lastName', code: 'formula', params: { formula: 'HYPERLINK("http://evil","x")' } },
    ])
    expect(list.records.map((record) => record.row)).toEqual([3, 4])
  })
})

describe('files that cannot be read', () => {
  it('refuses a CSV, an old .xls or a Word file renamed .xlsx as not a workbook', async () => {
    expect(await failure(Buffer.from('Matricule;Nom;Sexe\nA-1;KABILA;M\n'))).toEqual({ code: 'notXlsx', params: {} })
    expect((await failure(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).code).toBe('notXlsx')
    const word = new JSZip().file('word/document.xml', '<w:document/>')
    expect((await failure(await word.generateAsync({ type: 'nodebuffer' }))).code).toBe('notXlsx')
    expect((await failure(Buffer.alloc(0))).code).toBe('notXlsx')
  })

  it('reports a cut-off upload or a sheet of random bytes as corrupt', async () => {
    const sample = await readFile(samplePath)
    expect((await failure(sample.subarray(0, Math.floor(sample.length / 2)))).code).toBe('corrupt')
    const random = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 251))
    expect((await failure(await rezip(sample, (zip) => zip.file('xl/worksheets/sheet1.xml', random)))).code).toBe('corrupt')
    expect((await failure(await rezip(sample, (zip) => zip.file('xl/workbook.xml', random)))).code).toBe('corrupt')
    const directoryOutside = Buffer.alloc(22)
    directoryOutside.writeUInt32LE(0x06054b50, 0)
    directoryOutside.writeUInt16LE(1, 10)
    directoryOutside.writeUInt32LE(999_999, 16)
    expect((await failure(Buffer.concat([sample.subarray(0, 100), directoryOutside]))).code).toBe('corrupt')
  })

  it('reports a workbook with nothing in it as empty', async () => {
    expect((await failure(await book({ name: 'Feuil1', rows: [] }))).code).toBe('empty')
    expect((await failure(await book({ name: 'Feuil1', rows: [[null, '  '], [], ['']] }))).code).toBe('empty')
  })

  it('refuses a file over the size limit before reading it', async () => {
    expect((await failure(samplePath, { maxBytes: 5000 })).code).toBe('tooLarge')
    expect(await failure(Buffer.alloc(3 * 1024 * 1024), { maxBytes: 2 * 1024 * 1024 })).toEqual({ code: 'tooLarge', params: { size: 3, max: 2 } })
  })

  it('counts only non-empty rows against the limit, and stops at it', async () => {
    const bytes = await book({ name: 'Feuil1', rows: [['a'], [], ['b'], ['c']] })
    expect((await readSheet(bytes, { maxRows: 3 })).rows.map((row) => row.number)).toEqual([1, 3, 4])
    expect(await failure(bytes, { maxRows: 2 })).toEqual({ code: 'tooManyRows', params: { max: 2 } })
  })

  it('refuses 50,001 rows when 50,000 are allowed', async () => {
    const rows = Array.from({ length: 50_001 }, (_, i) => [`M-${i}`, i % 2 ? 'M' : 'F'])
    expect(await failure(await book({ name: 'Feuil1', rows }), { maxRows: 50_000 })).toEqual({ code: 'tooManyRows', params: { max: 50_000 } })
  })
})

describe('writing a workbook', () => {
  const columns = [
    { header: 'Matricule', key: 'matricule', kind: 'text' as const },
    { header: 'Nom', key: 'name' },
    { header: 'Téléphone', key: 'phone', kind: 'text' as const },
    { header: 'Né(e) le', key: 'birthDate', kind: 'date' as const },
    { header: 'Note', key: 'score', kind: 'number' as const },
  ]
  const hostile = ['=HYPERLINK("http://x")', '+SUM(1,2)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1']

  it('writes what looks like a formula as plain text, and phone numbers as they are', async () => {
    const bytes = await writeWorkbook([
      {
        name: 'Élèves',
        title: ['École Les Palmiers', 'Classe : 3e B'],
        columns,
        rows: [
          { matricule: '00042', name: hostile[0], phone: '+243812345678', birthDate: '2018-03-14', score: 12.5 },
          ...hostile.slice(1).map((name, i) => ({ matricule: `A-${i}`, name, phone: 815550101 })),
        ],
      },
    ])
    const { rows } = await readSheet(bytes)
    expect(rows.slice(0, 3).map((row) => row.cells)).toEqual([['École Les Palmiers'], ['Classe : 3e B'], columns.map((column) => column.header)])
    expect(rows[3].cells).toEqual(['00042', hostile[0], '+243812345678', new Date(Date.UTC(2018, 2, 14)), 12.5])
    // The XML of the sheet turns a carriage return into a line feed; the text stays text.
    expect(rows.slice(4).map((row) => row.cells[1])).toEqual(hostile.slice(1).map((text) => text.replace('\r', '\n')))
    expect(rows.slice(4).map((row) => row.cells[2])).toEqual(hostile.slice(1).map(() => '815550101'))
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string')
    expect(xml).not.toMatch(/<f[ >]/)
  })

  it('never passes an object on as a formula', async () => {
    const bytes = await writeWorkbook([{ name: 'Feuil1', columns: [{ header: 'X', key: 'x' }], rows: [{ x: { formula: '1+1', result: 2 } }] }])
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string')
    expect(xml).not.toMatch(/<f[ >]/)
    expect((await readSheet(bytes)).rows[1].cells).toEqual(['[object Object]'])
  })

  it('makes the header bold, frozen and filterable, dates dd/mm/yyyy, text columns Text', async () => {
    const bytes = await writeWorkbook([
      { name: 'Classe: 3e/B', title: ['Titre'], columns, rows: [{ matricule: 'A-1', birthDate: new Date(Date.UTC(2018, 2, 14)) }, { matricule: 'A-2' }] },
    ])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    expect(sheet.name).toBe('Classe- 3e-B')
    expect(sheet.getRow(2).font).toMatchObject({ bold: true })
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(sheet.autoFilter).toEqual('A2:E4')
    expect(sheet.getCell('D3').numFmt).toBe('dd/mm/yyyy')
    expect(sheet.getCell('A3').numFmt).toBe('@')
    expect(sheet.getColumn(3).numFmt).toBe('@') // what is typed later stays text too
  })
})
