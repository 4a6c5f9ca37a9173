import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { collections } from './collections'
import { auditFailedLogin } from './hooks/authAudit'
import { jobs } from './src/jobs'
import { simpleRestEndpoints } from './src/api/v1/endpoints'
import { financeReportsEndpoint } from './src/reports/financeReports'
import { schoolReportsEndpoint } from './src/reports/schoolReports'
import { emailAdapter } from './src/email/adapter'
import { serverURL } from './src/email/templates'
import { uploadStorage } from './src/storage/uploads'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: serverURL(),
  secret: process.env.PAYLOAD_SECRET || '',
  // Cookie authentication is honoured only for requests from these origins.
  csrf: [serverURL()],
  // ra-data-simple-rest names the rows it wants in a `Range` header, which needs a preflight.
  cors: { origins: [serverURL()], headers: ['Range'] },
  admin: {
    user: 'users',
    meta: { titleSuffix: ' · Kelasi' },
    // Gravatar is an outside request, often slow or unreachable from a school's connection.
    avatar: 'default',
    components: {
      graphics: { Logo: '/src/admin/Brand#Logo', Icon: '/src/admin/Brand#Icon' },
      views: {
        studentImport: { Component: '/src/admin/StudentImportView#StudentImportView', path: '/import' },
        reconciliation: { Component: '/src/admin/reconciliation/ReconciliationView#ReconciliationView', path: '/reconciliation' },
        financeReports: { Component: '/src/admin/reports/FinanceReportsView#FinanceReportsView', path: '/finance-reports' },
        schoolReports: { Component: '/src/admin/reports/SchoolReportsView#SchoolReportsView', path: '/school-reports' },
      },
      afterNavLinks: ['/src/admin/reports/SchoolNavLinks#SchoolNavLinks', '/src/admin/reports/FinanceNavLinks#FinanceNavLinks'],
      beforeDashboard: ['/src/admin/dashboard/Dashboard#Dashboard'],
    },
    importMap: { baseDir: dirname },
  },
  collections,
  // Reports span several collections, so they answer at the root: /api/finance-reports/:report,
  // /api/school-reports/:report; so does the simple REST API, /api/v1/<resource>.
  endpoints: [financeReportsEndpoint, schoolReportsEndpoint, ...simpleRestEndpoints],
  jobs,
  editor: lexicalEditor(),
  db: postgresAdapter({
    pool: { connectionString: process.env.DATABASE_URL },
    // The committed migrations are the schema; only `npm run dev` pushes, on its own database.
    push: process.env.KELASI_SCHEMA_PUSH === 'true',
    migrationDir: path.resolve(dirname, 'migrations'),
  }),
  email: emailAdapter(),
  plugins: [uploadStorage()],
  i18n: {
    supportedLanguages: { fr, en },
    fallbackLanguage: 'fr',
  },
  // A database restart must not crash the app: idle connections that die are logged and replaced.
  onInit: (payload) => {
    const pool = (payload.db as unknown as { pool?: { on: (event: string, fn: (error: Error) => void) => void } }).pool
    pool?.on('error', (error) => payload.logger.warn(`database connection lost: ${error.message}`))
  },
  hooks: { afterError: [auditFailedLogin] },
  upload: { limits: { fileSize: 10 * 1024 * 1024 } },
  graphQL: { maxComplexity: 1000, disablePlaygroundInProduction: true },
  sharp,
  telemetry: false,
  // JSON lines in production (and on stderr for the command line's --json), Payload's pretty lines otherwise.
  ...(process.env.KELASI_LOGS === 'stderr'
    ? { logger: { options: {}, destination: process.stderr } }
    : process.env.NODE_ENV === 'production' && process.env.KELASI_LOGS !== 'pretty'
      ? { logger: { options: { level: process.env.LOG_LEVEL || 'info' }, destination: process.stdout } }
      : {}),
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
})
