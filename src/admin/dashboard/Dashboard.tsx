/**
 * The admin home's dashboard (`admin.components.beforeDashboard`), drawn by the server: the
 * school and school year chosen in a plain GET form (the user's first school and its current
 * year by default), then the parts the caller's roles give, each figure a link to its list.
 */
import { createLocalReq, type ServerProps } from 'payload'
import { loadDashboard, type Dashboard as Figures } from '../../dashboard/load'
import { dayEnd, dayStart, listHref, type Condition } from '../../dashboard/links'
import { formatRate } from '../../domain/dashboard'
import { formatMoney, type Currency } from '../../domain/money'
import { hasAnyRole } from '../../domain/roles'
import { asLanguage, t, type Language } from '../../i18n'
import { BarChart } from './BarChart'

const param = (value: unknown) => (typeof value === 'string' && value ? value : null)
const cell = { padding: '2px 12px 2px 0', color: 'var(--theme-text)' } as const
const num = { ...cell, textAlign: 'right' } as const

type Context = { d: Figures; language: Language; s: (key: string, vars?: Record<string, string | number>) => string; href: (collection: string, conditions: Condition[]) => string }

const Table = ({ head, rows, numeric }: { head: string[]; rows: React.ReactNode[][]; numeric: boolean[] }) => (
  <div style={{ marginBottom: 'var(--base)', overflowX: 'auto' }}>
    <table>
      <thead><tr>{head.map((h, i) => <th key={i} scope="col" style={numeric[i] ? num : cell}>{h}</th>)}</tr></thead>
      <tbody>{rows.map((row, r) => <tr key={r}>{row.map((value, i) => <td key={i} style={numeric[i] ? num : cell}>{value}</td>)}</tr>)}</tbody>
    </table>
  </div>
)

const Students = ({ d, s, href }: Context) => {
  const figures = d.students!
  const enrolled: Condition[] = [['school', 'equals', d.school.id], ['schoolYear', 'equals', d.year!.id], ['status', 'in', ['active', 'completed']]]
  const sexes = figures.sexes !== null
  const sexLink = (extra: Condition[], sex: 'M' | 'F') => href('enrollments', [...enrolled, ...extra, ['student.sex', 'equals', sex]])
  return (
    <section aria-labelledby="dash-students">
      <h3 id="dash-students">{s('students.title')}</h3>
      <p><a href={href('enrollments', enrolled)}>{s('students.total', { count: figures.total })}</a>
        {figures.sexes ? <> — <a href={sexLink([], 'M')}>{s('students.boys')} {figures.sexes.M}</a>, <a href={sexLink([], 'F')}>{s('students.girls')} {figures.sexes.F}</a></> : null}</p>
      <BarChart
        id="dash-levels"
        title={s('students.byLevel')}
        description={s('students.byLevelDesc', { year: d.year!.name })}
        bars={figures.levels.map((level) => ({
          label: level.name,
          href: href('enrollments', [...enrolled, ['class.level', 'equals', level.id]]),
          segments: level.sexes ? [{ value: level.sexes.M, tone: 'primary' }, { value: level.sexes.F, tone: 'secondary' }] : [{ value: level.total, tone: 'primary' }],
          text: level.sexes ? `${level.total} — ${s('students.boys')} ${level.sexes.M}, ${s('students.girls')} ${level.sexes.F}` : String(level.total),
        }))}
      />
      {sexes ? <p><span aria-hidden="true" style={{ color: 'var(--theme-success-500)' }}>■</span> {s('students.boys')} <span aria-hidden="true" style={{ color: 'var(--theme-warning-500)' }}>■</span> {s('students.girls')}</p> : null}
      <h4>{s('students.byClass')}</h4>
      <Table
        head={[s('students.class'), s('students.pupils'), ...(sexes ? [s('students.boys'), s('students.girls')] : [])]}
        numeric={[false, true, true, true]}
        rows={figures.classes.map((klass) => {
          const inClass: Condition[] = [['class', 'equals', klass.id]]
          return [
            `${klass.code} — ${klass.name}`,
            <a key="n" href={href('enrollments', [...enrolled, ...inClass])}>{klass.total}</a>,
            ...(klass.sexes ? [<a key="m" href={sexLink(inClass, 'M')}>{klass.sexes.M}</a>, <a key="f" href={sexLink(inClass, 'F')}>{klass.sexes.F}</a>] : []),
          ]
        })}
      />
    </section>
  )
}

const monthName = (month: string, language: Language) => new Date(`${month}-15T12:00:00Z`).toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

const Attendance = ({ d, s, href, language }: Context) => {
  const figures = d.attendance!
  const absences = (from: string, to: string, extra: Condition[] = []): string =>
    href('attendance', [['school', 'equals', d.school.id], ['date', 'greater_than_equal', dayStart(from)], ['date', 'less_than_equal', dayEnd(to)], ['status', 'in', ['absent', 'excused']], ...extra])
  return (
    <section aria-labelledby="dash-attendance">
      <h3 id="dash-attendance">{s('attendance.title', { month: monthName(d.month, language) })}</h3>
      <p><a href={absences(d.span.from, d.span.upTo)}>{s('attendance.rate', { rate: formatRate(figures.rate, language), absent: figures.absentPupilDays, days: figures.schoolDays, enrolled: figures.enrolled })}</a></p>
      {figures.days.length ? (
        <BarChart
          id="dash-days"
          title={s('attendance.byDay')}
          description={s('attendance.byDayDesc')}
          max={1}
          bars={figures.days.map((day) => ({
            label: day.day,
            href: absences(day.day, day.day),
            segments: [{ value: day.rate ?? 0, tone: 'primary' }],
            text: `${formatRate(day.rate, language)} — ${s('attendance.absent')} ${day.absent}`,
          }))}
        />
      ) : null}
      <h4>{s('attendance.mostAbsent')}</h4>
      {figures.mostAbsent.length ? (
        <Table
          head={[s('attendance.pupil'), s('attendance.class'), s('attendance.days'), s('attendance.unexcused'), s('attendance.excused'), s('attendance.late')]}
          numeric={[false, false, true, true, true, true]}
          rows={figures.mostAbsent.map((pupil) => [
            <a key="p" href={absences(d.span.from, d.span.upTo, [['student', 'equals', pupil.student]])}>{pupil.fullName}</a>,
            pupil.classCode,
            pupil.days,
            pupil.absent,
            pupil.excused,
            pupil.late,
          ])}
        />
      ) : <p>{s('none')}</p>}
    </section>
  )
}

const Results = ({ d, s, href, language }: Context) => {
  if (!d.term) return <section aria-labelledby="dash-results"><h3 id="dash-results">{s('results.title', { term: '—' })}</h3><p>{s('results.noTerm')}</p></section>
  const figures = d.results!
  const grades = (klass: string | number) => href('grades', [['class', 'equals', klass], ['term', 'equals', d.term!.id]])
  const average = (value: number | null) => (value === null ? '—' : value.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB'))
  return (
    <section aria-labelledby="dash-results">
      <h3 id="dash-results">{s('results.title', { term: d.term.name })}</h3>
      <p>{s('results.summary', { rate: formatRate(figures.school.passRate, language), passed: figures.school.passed, counted: figures.school.counted, mark: figures.passMark, average: average(figures.school.average) })}</p>
      <BarChart
        id="dash-results-chart"
        title={s('results.chart')}
        description={s('results.chartDesc', { term: d.term.name })}
        max={1}
        bars={figures.classes.map((klass) => ({
          label: klass.code,
          href: grades(klass.class),
          segments: [{ value: klass.passRate ?? 0, tone: 'primary' }],
          text: `${formatRate(klass.passRate, language)} — ${s('results.average')} ${average(klass.average)} %`,
        }))}
      />
      <Table
        head={[s('results.class'), s('results.counted'), s('results.passed'), s('results.passRate'), s('results.average')]}
        numeric={[false, true, true, true, true]}
        rows={figures.classes.map((klass) => [<a key="c" href={grades(klass.class)}>{`${klass.code} — ${klass.name}`}</a>, klass.counted, klass.passed, formatRate(klass.passRate, language), `${average(klass.average)} %`])}
      />
    </section>
  )
}

const Money = ({ d, s, href, language }: Context) => {
  const figures = d.money!
  const invoices = (currency: Currency, extra: Condition[] = []) => href('invoices', [['school', 'equals', d.school.id], ['schoolYear', 'equals', d.year!.id], ['currency', 'equals', currency], ['status', 'not_equals', 'void'], ...extra])
  const money = (amount: number, currency: Currency) => formatMoney(amount, currency, language)
  return (
    <section aria-labelledby="dash-money">
      <h3 id="dash-money">{s('money.title', { year: d.year!.name })}</h3>
      {figures.currencies.length ? (
        <Table
          head={[s('money.currency'), s('money.invoices'), s('money.invoiced'), s('money.collected'), s('money.outstanding'), s('money.rate')]}
          numeric={[false, true, true, true, true, true]}
          rows={figures.currencies.map((line) => [
            line.currency,
            line.invoices,
            <a key="i" href={invoices(line.currency)}>{money(line.invoiced, line.currency)}</a>,
            <a key="c" href={invoices(line.currency, [['paid', 'greater_than', 0]])}>{money(line.collected, line.currency)}</a>,
            <a key="o" href={invoices(line.currency, [['balance', 'greater_than', 0]])}>{money(line.outstanding, line.currency)}</a>,
            formatRate(line.rate, language),
          ])}
        />
      ) : <p>{s('none')}</p>}
      {figures.currencies.map(({ currency }) => {
        const classes = figures.classes.filter((klass) => klass.currency === currency)
        const label = (klass: (typeof classes)[number]) => (klass.class === null ? s('money.noClass') : klass.code)
        return (
          <BarChart
            key={currency}
            id={`dash-collection-${currency}`}
            title={s('money.chart', { currency })}
            description={s('money.chartDesc', { currency })}
            max={1}
            bars={classes.map((klass) => ({
              label: label(klass),
              href: invoices(currency, [['student', 'in', klass.students]]),
              segments: [{ value: klass.rate ?? 0, tone: 'primary' }],
              text: `${formatRate(klass.rate, language)} — ${s('money.outstanding')} ${money(klass.outstanding, currency)}`,
            }))}
          />
        )
      })}
    </section>
  )
}

const Expenses = ({ d, s, href, language }: Context) => {
  const figures = d.expenses!
  const expenses = (currency: Currency, status: 'approved' | 'submitted', extra: Condition[] = []) =>
    href('expenses', [['school', 'equals', d.school.id], ['date', 'greater_than_equal', dayStart(d.span.from)], ['date', 'less_than_equal', dayEnd(d.span.to)], ['currency', 'equals', currency], ['status', 'equals', status], ...extra])
  const money = (amount: number, currency: Currency) => formatMoney(amount, currency, language)
  return (
    <section aria-labelledby="dash-expenses">
      <h3 id="dash-expenses">{s('expenses.title', { month: monthName(d.month, language) })}</h3>
      {figures.categories.length ? (
        <Table
          head={[s('expenses.category'), s('expenses.currency'), s('expenses.count'), s('expenses.approved'), s('expenses.submitted')]}
          numeric={[false, false, true, true, true]}
          rows={[
            ...figures.categories.map((line) => {
              const category: Condition[] = [['category', 'equals', line.category]]
              return [t(language, `options.expenseCategory.${line.category}`), line.currency, line.count,
                <a key="a" href={expenses(line.currency, 'approved', category)}>{money(line.approved, line.currency)}</a>,
                <a key="s" href={expenses(line.currency, 'submitted', category)}>{money(line.submitted, line.currency)}</a>]
            }),
            ...figures.currencies.map((line) => [<strong key="t">{t(language, 'reports.total')}</strong>, line.currency, line.count,
              <a key="a" href={expenses(line.currency, 'approved')}>{money(line.approved, line.currency)}</a>,
              <a key="s" href={expenses(line.currency, 'submitted')}>{money(line.submitted, line.currency)}</a>]),
          ]}
        />
      ) : <p>{s('none')}</p>}
    </section>
  )
}

export const Dashboard = async ({ payload, user, i18n, searchParams }: ServerProps) => {
  const language = asLanguage(i18n.language)
  const s = (key: string, vars?: Record<string, string | number>) => t(language, `dashboard.${key}`, vars)
  const req = await createLocalReq({ user: user as never }, payload)
  const d = await loadDashboard(req, { school: param(searchParams?.school), year: param(searchParams?.year), month: param(searchParams?.month) })
  if (!d) {
    return hasAnyRole(user, ['teacher']) ? <p>{s('teachers')} <a href="/console">{s('workspace')}</a></p> : null
  }
  const admin = payload.config.routes.admin
  const context: Context = { d, language, s, href: (collection, conditions) => listHref(admin, collection, conditions) }
  return (
    <div className="kelasi-dashboard" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2>{s('title')}</h2>
      <form method="get" style={{ display: 'flex', gap: 'var(--base)', flexWrap: 'wrap', alignItems: 'end', marginBottom: 'var(--base)' }}>
        <label>{s('school')} <select name="school" defaultValue={String(d.school.id)}>{d.schools.map((x) => <option key={x.id} value={String(x.id)}>{x.name}</option>)}</select></label>
        <label>{s('year')} <select name="year" defaultValue={String(d.year?.id ?? '')}>{d.years.map((y) => <option key={y.id} value={String(y.id)}>{y.name}</option>)}</select></label>
        <label>{s('month')} <input type="month" name="month" defaultValue={d.month} /></label>
        <button type="submit" className="btn btn--style-secondary btn--size-small">{s('show')}</button>
      </form>
      {!d.year ? <p>{s('noYear')}</p> : (
        <>
          <p>{s('intro', { school: d.school.name, year: d.year.name })}</p>
          {d.parts.students ? <Students {...context} /> : null}
          {d.parts.attendance ? <Attendance {...context} /> : null}
          {d.parts.results ? <Results {...context} /> : null}
          {d.parts.money ? <Money {...context} /> : null}
          {d.parts.expenses ? <Expenses {...context} /> : null}
        </>
      )}
    </div>
  )
}
