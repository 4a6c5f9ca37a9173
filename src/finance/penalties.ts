import { randomBytes } from 'node:crypto'
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { ID } from '../access/ids'
import { inTransaction } from '../db/transaction'
import { penaltyFor, type PenaltyRule } from '../domain/billing'
import { t } from '../i18n'
import { clientIP } from '../../hooks/audit'
import { dbOf } from '../db/session'

type Candidate = { id: number; balance: string; due_date: string; mode: 'fixed' | 'percent'; value: string; after_days: number }

/**
 * Adds its schedule's late penalty to each invoice of the school still owing past its grace
 * days, at most once per invoice (an installment). The amounts come from the pure rule; the
 * invoices are locked, then lines, figures, stamps and audit entries written set-based in the
 * same transaction, so a second run or a second worker adds nothing.
 */
export const applyLatePenalties = (req: PayloadRequest, { school, today = new Date().toISOString().slice(0, 10) }: { school: ID; today?: string }) =>
  inTransaction(req, async () => {
    const db = await dbOf(req)
    const candidates = (
      await db.execute(sql`
        select i.id, i.balance, i.due_date, f.late_penalty_mode as mode, f.late_penalty_value as value, coalesce(f.late_penalty_after_days, 0) as after_days
        from invoices i join fee_schedules f on f.id = i.fee_schedule_id
        where i.school_id = ${school} and i.penalty_applied_at is null and i.voided_at is null and i.balance > 0
          and f.late_penalty_mode in ('fixed', 'percent') and i.due_date is not null
          and i.due_date::date + coalesce(f.late_penalty_after_days, 0)::int < ${today}::date
        order by i.id
        for update of i`)
    ).rows as Candidate[]
    const charges = candidates
      .map((invoice) => {
        const rule: PenaltyRule = { mode: invoice.mode, value: invoice.value.replace(',', '.'), afterDays: Number(invoice.after_days) }
        return { id: invoice.id, amount: penaltyFor({ dueDate: new Date(invoice.due_date).toISOString(), balance: Number(invoice.balance) }, rule, today) }
      })
      .filter((charge) => charge.amount > 0)
    if (!charges.length) return { penalties: 0 }
    const json = JSON.stringify(charges)
    const run = `${Math.floor(Date.now() / 1000).toString(16).padStart(8, '0')}${randomBytes(4).toString('hex')}`
    // Invoices in the school's language: French.
    const label = t('fr', 'options.lineKind.penalty')
    await db.execute(sql`
      with c as (select * from rows from (json_to_recordset(${json}::json) as (id int, amount numeric)) with ordinality as c(id, amount, n)),
           last as (select l._parent_id as id, max(l._order) as n from invoices_lines l join c on c.id = l._parent_id group by l._parent_id)
      insert into invoices_lines (_order, _parent_id, id, kind, label, amount)
      select coalesce(last.n, 0) + 1, c.id, ${run} || lpad(to_hex(c.n::int), 8, '0'), 'penalty', ${label}, c.amount
      from c left join last on last.id = c.id`)
    // Still owing and past due: overdue.
    await db.execute(sql`
      update invoices i set total = i.total + c.amount, balance = i.balance + c.amount, status = 'overdue', penalty_applied_at = now(), updated_at = now()
      from json_to_recordset(${json}::json) as c(id int, amount numeric) where i.id = c.id`)
    await db.execute(sql`
      insert into audit_logs (action, collection, document_id, user_id, actor_email, school_id, changes, ip, user_agent)
      select 'update', 'invoices', c.id::text, ${req.user?.id ?? null}::int, ${req.user?.email ?? null}, ${school}::int,
        jsonb_build_array(jsonb_build_object('field', 'lines', 'before', null, 'after', jsonb_build_object('kind', 'penalty', 'label', ${label}::text, 'amount', c.amount))),
        ${clientIP(req) ?? null}, ${req.headers?.get('user-agent') ?? null}
      from json_to_recordset(${json}::json) as c(id int, amount numeric)`)
    return { penalties: charges.length }
  })
