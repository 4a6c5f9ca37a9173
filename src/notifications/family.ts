import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { ID } from '../access/ids'
import { dbOf } from '../db/session'
import { sqlIds } from '../db/ids'

/** Each pupil's guardians, in the order the pupil lists them: one query however many pupils (read as the system, in req's transaction). */
export const guardiansOfPupils = async (req: PayloadRequest, students: ID[]): Promise<Map<string, ID[]>> => {
  const byStudent = new Map<string, ID[]>()
  if (!students.length) return byStudent
  const db = await dbOf(req)
  const { rows } = await db.execute(sql`select parent_id as student, guardians_id as guardian from students_rels
    where path = 'guardians' and guardians_id is not null and parent_id in (${sqlIds([...new Set(students.map(Number))])})
    order by parent_id, "order"`)
  for (const row of rows as { student: number; guardian: number }[]) byStudent.set(String(row.student), [...(byStudent.get(String(row.student)) ?? []), row.guardian])
  return byStudent
}

/**
 * Some events already had their own e-mail before notifications existed, richer than the generic
 * one: the bulletin with its PDF, the payment reminder with its balance. For those, the
 * guardians' notifications keep that e-mail as their e-mail channel: taken out of the generic
 * delivery here (in the transaction that created them, before any worker sees them), then
 * marked sent by the task that writes it. A guardian is thus never e-mailed twice for one event.
 */
export const emailWrittenByTask = async (req: PayloadRequest, event: string, guardians: ID[]) => {
  if (!guardians.length) return
  const db = await dbOf(req)
  await db.execute(sql`update notifications set email_status = 'skipped', updated_at = now()
    where event = ${event} and email_status in ('pending', 'waiting', 'digest') and ${reachedGuardians(guardians)}`)
}

/** The task wrote its e-mail to this guardian: their notification of the event says so. */
export const emailSentByTask = async (req: PayloadRequest, event: string, guardian: ID) => {
  const db = await dbOf(req)
  await db.execute(sql`update notifications set email_status = 'sent', email_sent_at = now(), updated_at = now()
    where event = ${event} and ${reachedGuardians([guardian])}`)
}

/** The notifications of these guardians: addressed to their account when they have one, else to them. */
const reachedGuardians = (guardians: ID[]) => {
  const ids = sqlIds(guardians)
  return sql`(guardian_id in (${ids}) or user_id in (select user_id from guardians where id in (${ids}) and user_id is not null))`
}
