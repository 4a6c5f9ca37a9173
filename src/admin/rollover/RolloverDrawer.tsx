'use client'
import { Banner, Button, ConfirmationModal, Drawer, toast, useConfig, useModal } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import type { RolloverPreview } from '../../rollover/rollover'
import { fill, sourceNote, type RolloverStrings } from './strings'

type Year = { id: number | string; name: string }
type Props = { yearId: number | string; yearName: string; suggestedName: string; nextYears: Year[]; strings: RolloverStrings; language: string }
type Answer = RolloverPreview & { applied: boolean; opened?: number; closed?: number; message?: string }

const drawerSlug = 'kelasi-rollover'
const confirmSlug = 'kelasi-rollover-confirm'
const cell = { padding: '4px 8px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left' as const }

/** The answer's error messages, as Payload's REST API words them. */
const problemOf = (body: { errors?: { message?: string; data?: { errors?: { message: string }[] } }[] }) =>
  body.errors?.flatMap((error) => error.data?.errors?.map((e) => e.message) ?? [error.message ?? '']).join(' ') ?? ''

/** Picks the next year, previews the plan (counts, warnings, each class's pupils), then applies it after a confirmation. */
export const RolloverDrawer = ({ yearId, yearName, suggestedName, nextYears, strings: s, language }: Props) => {
  const { config } = useConfig()
  const { openModal } = useModal()
  const router = useRouter()
  const [to, setTo] = useState(nextYears[0]?.id ?? '')
  const [passMark, setPassMark] = useState(50)
  const [plan, setPlan] = useState<Answer | null>(null)
  const [busy, setBusy] = useState(false)

  const send = async (apply: boolean) => {
    setBusy(true)
    try {
      const answer = await fetch(`${config.routes.api}/school-years/${yearId}/rollover`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
        body: JSON.stringify({ to, apply, passMark }),
      })
      const body = await answer.json()
      if (!answer.ok) {
        toast.error(fill(s.failed, { message: problemOf(body) }))
        return
      }
      setPlan(body)
      if (apply && body.applied) {
        toast.success(fill(s.applied, { opened: body.opened, closed: body.closed, to: body.to.name }))
        router.refresh()
      } else if (body.message) toast.info(body.message)
    } finally {
      setBusy(false)
    }
  }
  const number = (value: number | null) => (value === null ? '—' : value.toLocaleString(language, { maximumFractionDigits: 1 }))

  return (
    <>
      <Button buttonStyle="secondary" size="medium" onClick={() => openModal(drawerSlug)}>
        {s.action}
      </Button>
      <Drawer slug={drawerSlug} title={`${s.action} · ${yearName}`}>
        <p>{fill(s.intro, { year: yearName })}</p>
        {!nextYears.length ? (
          <Banner type="info">{fill(s.noNextYear, { year: yearName, name: suggestedName })}</Banner>
        ) : (
          <div style={{ display: 'flex', gap: 16, alignItems: 'end', flexWrap: 'wrap', marginBottom: 16 }}>
            <label>
              {s.nextYear}
              <br />
              <select value={String(to)} onChange={(event) => (setTo(event.target.value), setPlan(null))}>
                {nextYears.map((year) => (
                  <option key={year.id} value={String(year.id)}>
                    {year.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {s.passMark}
              <br />
              <input type="number" min={0} max={100} value={passMark} onChange={(event) => (setPassMark(Number(event.target.value)), setPlan(null))} />
            </label>
            <Button buttonStyle="secondary" disabled={busy} onClick={() => send(false)}>
              {s.preview}
            </Button>
            <Button disabled={busy || !plan || plan.applied || plan.blocking || !plan.total} onClick={() => openModal(confirmSlug)}>
              {s.apply}
            </Button>
          </div>
        )}
        {plan && (
          <>
            <p>
              <strong>{fill(s.pupils, { count: plan.total })}</strong> ·{' '}
              {(['promoted', 'repeating', 'leaving', 'graduated'] as const).map((d) => `${s[`decisions.${d}`]} ${plan.counts[d]}`).join(' · ')}
            </p>
            {plan.warnings.length > 0 && (
              <Banner type={plan.blocking ? 'error' : 'warning'}>
                <strong>{plan.blocking ? s.blocking : s.warningsTitle}</strong>
                <ul>
                  {plan.warnings.map((warning) => (
                    <li key={warning.message}>{warning.message}</li>
                  ))}
                </ul>
              </Banner>
            )}
            {plan.classesToCreate.length > 0 && (
              <p>
                {fill(s.classesToCreate, { to: plan.to.name })} {plan.classesToCreate.map((k) => `${k.code} (${k.name})`).join(', ')}
              </p>
            )}
            {plan.classes.map((klass) => (
              <table key={klass.id} style={{ width: '100%', borderCollapse: 'collapse', marginBottom: 24 }}>
                <caption style={{ textAlign: 'left', fontWeight: 600, padding: '8px 0' }}>
                  {klass.code} · {klass.name}
                </caption>
                <thead>
                  <tr>
                    {[s.pupil, s.percentage, s.decision, s.nextClass].map((heading) => (
                      <th key={heading} style={cell}>
                        {heading}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {klass.pupils.map((pupil) => (
                    <tr key={pupil.enrollment}>
                      <td style={cell}>{pupil.fullName}</td>
                      <td style={cell}>{number(pupil.percentage)}</td>
                      <td style={cell}>
                        {s[`decisions.${pupil.decision}`]}
                        {sourceNote[pupil.source] ? ` (${s[sourceNote[pupil.source]!]})` : ''}
                      </td>
                      <td style={cell}>
                        {pupil.to ? `${pupil.to.code}${pupil.to.new ? ` (${s.newClass})` : ''}${pupil.to.alreadyEnrolled ? ` (${s.keptPlace})` : ''}` : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </>
        )}
      </Drawer>
      <ConfirmationModal
        modalSlug={confirmSlug}
        heading={s.confirmTitle}
        body={plan ? fill(s.confirmBody, { total: plan.total, from: plan.from.name, to: plan.to.name }) : ''}
        confirmLabel={s.apply}
        cancelLabel={s.cancel}
        confirmingLabel={s.applying}
        onConfirm={() => send(true)}
      />
    </>
  )
}
