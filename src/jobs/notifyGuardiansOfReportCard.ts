import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook, PayloadRequest, TaskConfig } from 'payload'
import { idOf, idsOf, type ID } from '../access/ids'
import { guardianRecipients } from '../email/recipients'
import { reportCardEmail } from '../email/reportCard'
import { pupilsVar, reportCardEvent } from '../domain/familyNews'
import type { Language } from '../i18n'
import { emailSentByTask, emailWrittenByTask } from '../notifications/family'
import { notify } from '../notifications/notify'
import { renderReportCard } from '../pdf/reportCard'
import { reportCardAssets } from '../reportCards/assets'
import { printable, versionOf } from '../reportCards/publish'

/**
 * What `report-cards.guardianNotices` holds: the version of the bulletin the families were told
 * about, the addresses written to, and the ones being written to right now (by which worker's
 * clock), so that a retry, a second run or a second worker never writes twice.
 */
export type GuardianNotices = { version: string; sent: Record<string, { guardian: ID; at: string }>; sending: Record<string, string> }

/**
 * Publishing a card (draft → published, from the admin, REST, GraphQL or the Local API) notifies
 * the pupil's guardians and the pupil's own account in-app, and queues the guardians' e-mail, in
 * the same transaction: a publication rolled back tells nobody. The seed publishes with
 * `context.skipNotify`. The e-mail with the bulletin attached is the guardians' notification's
 * e-mail channel (see `emailWrittenByTask`): no second, generic e-mail. Always queued: the task
 * itself decides whom to write to, so a card published again after a return to draft is e-mailed
 * again only if what it prints changed (and then to every guardian), or to a guardian added since.
 */
export const queueGuardianNotice: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  if (context.skipNotify === true || doc.status !== 'published' || previousDoc?.status === 'published') return doc
  const frozen = printable(doc, 'fr')
  if (!frozen) return doc
  const pupil = await req.payload.findByID({ collection: 'students', id: idOf(doc.student)!, req, depth: 0, overrideAccess: true, select: { guardians: true, user: true } })
  const guardians = idsOf(pupil.guardians)
  const event = reportCardEvent(doc.id, versionOf(frozen))
  const own = idOf(pupil.user)
  await notify(req, {
    kind: 'reportCardPublished',
    event,
    school: idOf(doc.school)!,
    recipients: [...guardians.map((guardian) => ({ guardian })), ...(own != null ? [{ user: own }] : [])],
    vars: { pupil: frozen.pupil.fullName, term: frozen.termName, pupils: pupilsVar([pupil.id]) },
    link: `/students/${pupil.id}/report-cards`,
  })
  await emailWrittenByTask(req, event, guardians)
  await req.payload.jobs.queue({ task: 'notifyGuardiansOfReportCard', input: { card: doc.id }, req })
  return doc
}

/** The guardians of the card's pupil, as they are written to. */
const recipientsOf = async (req: PayloadRequest, student: ID) => {
  const pupil = await req.payload.findByID({ collection: 'students', id: student, req, depth: 0, overrideAccess: true, select: { guardians: true } })
  return guardianRecipients(req, idsOf(pupil.guardians))
}

/**
 * The record is kept with single conditional UPDATEs outside any transaction: each line lands
 * the moment its e-mail is sent, whatever happens to the next one, and two workers running the
 * same job cannot both claim an address. A claim older than 15 minutes is a crashed worker's.
 */
const ledger = (req: PayloadRequest, card: ID, version: string) => {
  const db = (req.payload.db as unknown as PostgresAdapter).drizzle
  const mine = sql`id = ${card} and guardian_notices->>'version' = ${version}`
  return {
    /** Figures changed since the last round (or a first round): start afresh, nobody told yet. */
    open: () =>
      db.execute(sql`update report_cards set guardians_notified_at = null,
        guardian_notices = jsonb_build_object('version', ${version}::text, 'sent', '{}'::jsonb, 'sending', '{}'::jsonb)
        where id = ${card} and (guardian_notices is null or guardian_notices->>'version' is distinct from ${version}::text)`),
    claim: async (to: string) =>
      (
        await db.execute(sql`update report_cards set guardian_notices = jsonb_set(guardian_notices, array['sending', ${to}::text], to_jsonb(now()))
          where ${mine} and guardian_notices->'sent'->${to}::text is null
          and coalesce((guardian_notices->'sending'->>${to}::text)::timestamptz < now() - interval '15 minutes', true)
          returning id`)
      ).rows.length === 1,
    sent: (to: string, guardian: ID) =>
      db.execute(sql`update report_cards set guardian_notices =
        jsonb_set(guardian_notices, array['sent', ${to}::text], jsonb_build_object('guardian', ${guardian}::int, 'at', now())) #- array['sending', ${to}::text]
        where ${mine}`),
    release: (to: string) => db.execute(sql`update report_cards set guardian_notices = guardian_notices #- array['sending', ${to}::text] where ${mine}`),
    read: async () => (await db.execute(sql`select guardian_notices from report_cards where ${mine}`)).rows[0]?.guardian_notices as GuardianNotices | undefined,
    /** Every guardian with an address has it: the round is done (its time kept when this run sent nothing). */
    done: (sentNow: number) =>
      db.execute(sql`update report_cards set guardians_notified_at = ${sentNow > 0 ? sql`now()` : sql`coalesce(guardians_notified_at, now())`} where ${mine}`),
  }
}

/**
 * E-mails each guardian of the card's pupil who has an address, in their language, with the
 * bulletin attached in that language; returns how many e-mails this run sent. A card taken back
 * to draft (or deleted) before the worker came is not announced: its next publication queues anew.
 */
export const notifyGuardians = async (req: PayloadRequest, cardId: ID): Promise<{ sent: number }> => {
  const card = (await req.payload.find({ collection: 'report-cards', where: { id: { equals: cardId } }, limit: 1, depth: 0, overrideAccess: true, req })).docs[0]
  const frozen = card?.status === 'published' ? printable(card, 'fr') : null
  if (!card || !frozen) return { sent: 0 }
  const version = versionOf(frozen)
  const record = ledger(req, card.id, version)
  await record.open()
  const recipients = await recipientsOf(req, idOf(card.student)!)
  const [assets] = await reportCardAssets(req.payload, [card])
  const pdfs = new Map<Language, Promise<Uint8Array>>()
  const pdfIn = (language: Language) => pdfs.get(language) ?? pdfs.set(language, renderReportCard(printable(card, language)!, assets)).get(language)!
  let sent = 0
  const failures: unknown[] = []
  for (const recipient of recipients) {
    if (!(await record.claim(recipient.to))) continue
    try {
      await req.payload.sendEmail(reportCardEmail(recipient, card.id, printable(card, recipient.language)!, await pdfIn(recipient.language)))
    } catch (error) {
      // The others still get theirs; the retry writes only to those left.
      await record.release(recipient.to)
      failures.push(error)
      continue
    }
    await record.sent(recipient.to, recipient.guardian)
    await emailSentByTask(req, reportCardEvent(card.id, version), recipient.guardian)
    sent++
  }
  if (failures.length) throw new Error(`report card ${card.id}: ${failures.length} e-mail(s) not sent (${String(failures[0])})`)
  const notices = await record.read()
  // With no guardian to write to, nobody was notified: the date stays empty for the secretariat to see.
  if (recipients.length && recipients.every((recipient) => notices?.sent?.[recipient.to])) await record.done(sent)
  return { sent }
}

/** The guardians' e-mail for one published card; retried, never sending twice (see `notifyGuardians`). */
export const notifyGuardiansOfReportCard: TaskConfig<'notifyGuardiansOfReportCard'> = {
  slug: 'notifyGuardiansOfReportCard',
  label: 'Report card: e-mail the guardians',
  retries: 3,
  inputSchema: [{ name: 'card', type: 'number', required: true }],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ input, req }) => ({ output: await notifyGuardians(req, input.card) }),
}
