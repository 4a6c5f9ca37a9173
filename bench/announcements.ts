/**
 * An announcement to the whole 5,000-student demo school: the demo school grown to 5,000 pupils
 * enrolled in classes of 40, each new pupil with a guardian of their own and three in five with a
 * second (about 8,000 guardians, with e-mail addresses). The direction publishes one whole-school
 * announcement (Local API as the admin, overrideAccess: false): seconds until the save returns,
 * when every notification record exists and the e-mail/SMS delivery jobs are queued (in the same
 * transaction), with the counts checked against the registers. Then the same announcement saved
 * again (nobody told twice), and a second one scheduled and told by its job at its time.
 */
import pg from 'pg'
import type { Payload, TypedUser } from 'payload'
import { withPayload } from '../src/db/prepare'
import { paragraphs } from '../src/domain/richText'
import { demoAccounts } from '../src/seed/accounts'
import { benchDatabase, enrollGrownSchool, growDemoSchool } from './support'

// Its own folder and port: another worktree's bench may hold the default one.
const db = await benchDatabase('announcements', { folder: 'postgres-bench-announcements', port: 54463 })
const client = new pg.Client({ connectionString: db.url })
await client.connect()
const one = async (text: string, params: unknown[] = []) => (await client.query(text, params)).rows[0]
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

try {
  const students = await growDemoSchool(client, 5000)
  const { id: school } = await one("select id from schools where code = 'CSMA'")
  const { id: year } = await one('select id from school_years where school_id = $1 and current', [school])
  await client.query("set session_replication_role = 'replica'")
  await enrollGrownSchool(client, school, year, 40)
  // Families of their own instead of the demo guardian growDemoSchool gave each new pupil.
  await client.query("delete from students_rels where path = 'guardians' and parent_id in (select id from students where matricule like 'BENCH-%')")
  await client.query(
    `insert into guardians (school_id, last_name, first_name, full_name, relationship, email, phone)
     select $1, 'PARENT', 'N° ' || g, 'PARENT N° ' || g, (array['mother','father']::enum_guardians_relationship[])[1 + g % 2], 'parent-' || g || '@banc.kelasi.test', '+24381' || lpad(g::text, 7, '0')
     from generate_series(1, 8000) g`,
    [school],
  )
  await client.query(
    `with pupils as (select id, row_number() over (order by id) - 1 as n from students where matricule like 'BENCH-%'),
          parents as (select id, row_number() over (order by id) - 1 as n from guardians where email like '%@banc.kelasi.test')
     insert into students_rels ("order", parent_id, path, guardians_id)
     select 1, p.id, 'guardians', g.id from pupils p join parents g on g.n = p.n
     union all
     select 2, p.id, 'guardians', g.id from pupils p join parents g on g.n = 5000 + (p.n / 5) * 3 + p.n % 5 where p.n % 5 < 3`,
  )
  await client.query("set session_replication_role = 'origin'")
  await client.query('analyze')

  /** The audience from the registers alone: pupils with an account, guardians (by their account if they have one), teachers and staff with an account. */
  const expected = await one(
    `with pupils as (select distinct student_id as id from enrollments where school_id = $1 and status = 'active')
     select (select count(*)::int from students s join pupils p on p.id = s.id where s.user_id is not null) as students,
            (select count(distinct coalesce('u' || g.user_id, 'g' || g.id))::int from students_rels r join pupils p on p.id = r.parent_id join guardians g on g.id = r.guardians_id where r.path = 'guardians') as guardians,
            (select count(*)::int from pupils) as pupils`,
    [school],
  )
  const { staff } = await one(
    `select count(distinct u.id)::int as staff from users u
     where u.email <> $2 and (exists (select 1 from teachers t join teachers_rels ts on ts.parent_id = t.id and ts.path = 'schools' where t.user_id = u.id and ts.schools_id = $1)
       or exists (select 1 from users_roles r join users_rels us on us.parent_id = r.parent_id and us.path = 'schools' where r.parent_id = u.id and us.schools_id = $1 and r.value in ('admin', 'secretariat', 'finance')))`,
    [school, demoAccounts.admin],
  )

  const counts = async (id: number) =>
    one(
      `select (select count(*)::int from notifications where event = $1) as notifications,
              (select count(*)::int from notifications where event = $1 and guardian_id is not null) as "guardiansWithoutAccount",
              (select count(distinct n.id)::int from payload_jobs j, jsonb_array_elements_text(j.input->'notifications') as n(id) where j.task_slug = 'deliverNotifications' and j.completed_at is null
                 and n.id::int in (select id from notifications where event = $1)) as "queuedForDelivery",
              (select count(*)::int from payload_jobs where task_slug = 'deliverNotifications' and completed_at is null) as "deliveryJobs"`,
      [`announcement:${id}`],
    )

  await withPayload(async (payload: Payload) => {
    const admin = (await payload.find({ collection: 'users', where: { email: { equals: demoAccounts.admin } }, depth: 0, overrideAccess: true })).docs[0]
    const user = { ...admin, collection: 'users' } as TypedUser
    const write = (data: Record<string, unknown>) =>
      payload.create({ collection: 'announcements', data: { school, body: paragraphs('Chers parents, chers élèves,\nLa rentrée du deuxième trimestre aura lieu lundi à 7 h 30.'), ...data } as never, user, overrideAccess: false, depth: 0 })

    const started = performance.now()
    const published = await write({ title: 'Rentrée du deuxième trimestre', audience: 'school', state: 'ready' })
    const publishing = performance.now() - started
    const now = await counts(published.id)

    const againStarted = performance.now()
    await payload.update({ collection: 'announcements', id: published.id, data: { title: 'Rentrée du deuxième trimestre (horaires)' }, user, overrideAccess: false, depth: 0 })
    const savingAgain = performance.now() - againStarted
    const again = await counts(published.id)

    const scheduled = await write({ title: 'Journée portes ouvertes', audience: 'school', state: 'ready', publishAt: new Date(Date.now() + 1000).toISOString() })
    const before = await counts(scheduled.id)
    const job = (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'publishAnnouncement' }, 'input.announcement': { equals: scheduled.id } }, depth: 0, overrideAccess: true })).docs[0]
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(scheduled.publishAt as string) - Date.now()) + 50))
    const jobStarted = performance.now()
    await payload.jobs.runByID({ id: job.id })
    const byJob = performance.now() - jobStarted
    const atItsTime = await counts(scheduled.id)

    const audience = expected.students + expected.guardians + staff
    console.log(`\nWhole-school announcement to the demo school grown to ${students} students (${expected.pupils} enrolled)`)
    console.log(`  audience from the registers: ${expected.students} students with an account, ${expected.guardians} guardians, ${staff} teachers and staff = ${audience}`)
    console.table({
      'published now (save returns)': { seconds: seconds(publishing), ...now },
      'saved again': { seconds: seconds(savingAgain), ...again },
      'scheduled, before its time': { seconds: '', ...before },
      'scheduled, its job at its time': { seconds: seconds(byJob), ...atItsTime },
    })
    const exact = now.notifications === audience && again.notifications === audience && atItsTime.notifications === audience && before.notifications === 0
    const queued = now.queuedForDelivery === audience && atItsTime.queuedForDelivery === audience
    console.log(exact && queued ? '  every audience member told once, each notification queued for delivery' : '  MISMATCH: see the counts above')
    if (!exact || !queued) process.exitCode = 1
  })
} finally {
  await client.end()
  await db.stop()
}
process.exit(process.exitCode ?? 0)
