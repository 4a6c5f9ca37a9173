import { randomUUID } from 'node:crypto'
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { ID } from '../access/ids'
import { inTransaction } from '../db/transaction'
import { penaltyFor, type PenaltyRule } from '../domain/billing'
import { t } from '../i18n'
import { writeAudit } from '../../hooks/audit'
import { settleInvoice } from './settle'
import { dbOf } from './sql'

type Candidate = { id: number; balance: string; due_date: string; mode: 'fixed' | 'percent'; value: string; after_days: number; number: string }

/**
 * Adds its schedule's late penalty to each invoice of the school still owing past its grace
 * days, at most once per invoice (an installment): the invoice is locked, stamped and its
 * figures settled in the same transaction, so a second run or a second worker adds nothing.
 */
export const applyLatePenalties = (req: PayloadRequest, { school, today = new Date().toISOString().slice(0, 10) }: { school: ID; today?: string }) =>
  inTransaction(req, async () => {
    const db = await dbOf(req)
    const candidates = (
      await db.execute(sql`
        select i.id, i.balance, i.due_date, f.late_penalty_mode as mode, f.late_penalty_value as value, coalesce(f.late_penalty_after_days, 0) as after_days, i.number
        from invoices i join fee_schedules f on f.id = i.fee_schedule_id
        where i.school_id = ${school} and i.penalty_applied_at is null and i.voided_at is null and i.balance > 0
          and f.late_penalty_mode in ('fixed', 'percent') and i.due_date is not null
          and i.due_date::date + coalesce(f.late_penalty_after_days, 0)::int < ${today}::date
        order by i.id
        for update of i`)
    ).rows as Candidate[]
    let applied = 0
    for (const invoice of candidates) {
      const rule: PenaltyRule = { mode: invoice.mode, value: invoice.value, afterDays: Number(invoice.after_days) }
      const amount = penaltyFor({ dueDate: new Date(invoice.due_date).toISOString(), balance: Number(invoice.balance) }, rule, today)
      if (amount <= 0) continue
      const label = t('fr', 'options.lineKind.penalty')
      await db.execute(sql`
        insert into invoices_lines (_order, _parent_id, id, kind, label, amount)
        select coalesce(max(_order), 0) + 1, ${invoice.id}, ${randomUUID().replace(/-/g, '').slice(0, 24)}, 'penalty', ${label}, ${amount} from invoices_lines where _parent_id = ${invoice.id}`)
      await db.execute(sql`update invoices set penalty_applied_at = now() where id = ${invoice.id}`)
      await settleInvoice(req, invoice.id)
      await writeAudit(req, { action: 'update', collection: 'invoices', documentId: invoice.id, school, changes: [{ field: 'lines', before: null, after: { kind: 'penalty', label, amount } }] })
      applied++
    }
    return { penalties: applied }
  })
