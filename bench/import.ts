/**
 * Import of a 2,000-row class list into the demo school (target: under 5 s), then the same file
 * again (every row unchanged). The list looks like a school's register: a title block, French
 * headers in their own order with extra columns, dates as Excel dates and as jj/mm/aaaa text,
 * phone numbers written four ways, families of one to three children sharing a guardian.
 * Options: --rows <n> (default 2000).
 */
import { parseArgs } from 'node:util'
import ExcelJS from 'exceljs'
import { withPayload } from '../src/db/prepare'
import { importStudents, readClassList, schoolFor } from '../src/imports/students'
import { birthPlaces, boysFirstNames, girlsFirstNames, postNames, surnames } from '../src/seed/names'
import { seededRandom } from '../src/seed/random'
import { benchDatabase } from './support'

const { values } = parseArgs({ args: process.argv.slice(3), options: { rows: { type: 'string', default: '2000' } } })
const total = Number(values.rows)
const random = seededRandom(3)

const phoneAsWritten = (digits: string) =>
  random.pick([`0${digits}`, `+243 ${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5)}`, `243${digits}`, Number(digits)])

/** The register of a whole school, by family, in the classes given (by name or by code). */
const classList = async (classes: { name: string; code: string }[]) => {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Élèves')
  sheet.addRows([['Complexe Scolaire Mont Amba — Lemba, Kinshasa'], ['Registre des élèves', null, 'Année scolaire : 2026-2027'], []])
  sheet.addRow(['N°', 'NOM', 'Post-nom', 'PRÉNOM', 'Sexe', 'Né(e) à', 'Né(e) le', 'Matricule', 'Classe', 'Nom du tuteur', 'Tél. tuteur', 'E-mail tuteur', 'Observations'])
  for (let n = 1; n <= total; ) {
    const family = random.pick(surnames)
    const guardian = `${family} ${random.pick(random.next() < 0.5 ? boysFirstNames : girlsFirstNames)}`
    const phone = phoneAsWritten(`8${random.int(1, 9)}${random.int(1_000_000, 9_999_999)}`)
    const email = random.next() < 0.4 ? `${family.toLowerCase()}.${n}@exemple.cd` : null
    for (let child = random.int(1, 3); child > 0 && n <= total; child--, n++) {
      const boy = random.next() < 0.5
      const born = new Date(Date.UTC(random.int(2008, 2020), random.int(0, 11), random.int(1, 28)))
      const klass = random.pick(classes)
      sheet.addRow([
        n,
        family,
        random.pick(postNames),
        random.pick(boy ? boysFirstNames : girlsFirstNames),
        random.pick(boy ? ['M', 'Masculin', 'garçon'] : ['F', 'Féminin', 'fille']),
        random.pick(birthPlaces),
        random.next() < 0.5 ? born : born.toISOString().slice(0, 10).split('-').reverse().join('/'),
        `CSMA-R-${String(n).padStart(5, '0')}`,
        random.next() < 0.5 ? klass.name : klass.code,
        guardian,
        phone,
        email,
        random.next() < 0.1 ? 'Redoublant' : null,
      ])
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
const peakRss = () => process.resourceUsage().maxRSS * 1024

const db = await benchDatabase('import')
try {
  await withPayload(async (payload) => {
    const school = await schoolFor(payload, 'CSMA')
    // The demo's classes take the whole register: seats are not what is measured here.
    const classes = await payload.find({ collection: 'classes', where: { school: { equals: school } }, pagination: false, depth: 0, overrideAccess: true })
    for (const klass of classes.docs) await payload.update({ collection: 'classes', id: klass.id, data: { capacity: null }, depth: 0, overrideAccess: true })
    const file = await classList(classes.docs)
    console.log(`class list: ${total} rows, ${Math.round(file.length / 1024)} KB; before importing: RSS ${megabytes(process.memoryUsage().rss)}, peak ${megabytes(peakRss())}`)

    const figures = []
    for (const [run, dryRun] of [['dry run (checking first)', true], ['import', false], ['same file again', false]] as const) {
      const started = performance.now()
      await readClassList(file)
      const read = performance.now() - started
      let planned = 0
      const begun = performance.now()
      const result = await importStudents(payload, { file, school, dryRun, onProgress: () => void (planned ||= performance.now()) })
      const ended = performance.now()
      figures.push({
        run,
        'read+parse': seconds(read),
        'read+parse+plan': seconds(planned - begun),
        write: seconds(ended - planned),
        total: seconds(ended - begun),
        'peak RSS': megabytes(peakRss()),
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        rejected: result.rejected,
      })
    }
    console.log(`\nimport students — ${total} rows; read+parse timed alone, then the import: until its plan is ready, its writes (one transaction), in all`)
    console.table(figures)
  })
} finally {
  await db.stop()
}
process.exit(0)
