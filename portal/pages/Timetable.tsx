import { getTranslations } from 'next-intl/server'
import { studentWeek } from '../../collections/academics/timetableWeek'
import { schoolToday } from '../../src/api/request'
import { ChildPage } from '../components/ChildNav'
import { Card, Empty, Title } from '../components/ui'
import { childPageOf } from '../childPage'
import { formatDay } from '../format'
import type { Locale } from '../i18n/locales'

const days = [1, 2, 3, 4, 5, 6, 7] as const
const ahead = 42 * 86_400_000

/** The class's week, day by day (a list, readable on a phone), and the evaluations of the coming six weeks. */
export const Timetable = async ({ locale, id }: { locale: Locale; id: string }) => {
  const { member, child, withInvoices } = await childPageOf(locale, id, 'timetable')
  const t = await getTranslations({ locale, namespace: 'timetable' })
  const today = schoolToday()
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + ahead).toISOString().slice(0, 10)
  const week = child.class ? await studentWeek(member.req, child.id, today, until) : { slots: [], exams: [] }
  const shown = days.filter((day) => day <= 5 || week.slots.some((slot) => slot.weekday === day))
  return (
    <ChildPage locale={locale} child={child} section="timetable" withInvoices={withInvoices}>
      <Title>{t('title')}</Title>
      {week.slots.length ? (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {shown.map((day) => {
            const lessons = week.slots.filter((slot) => slot.weekday === day)
            return (
              <Card key={day} title={t(`day.${day}`)}>
                {lessons.length ? (
                  <ul className="space-y-2">
                    {lessons.map((slot) => (
                      <li key={slot.id} className="flex gap-3">
                        <span className="w-24 shrink-0 font-mono text-sm">
                          {slot.start}–{slot.end}
                        </span>
                        <span>
                          <span className="font-medium">{slot.subjectName}</span>
                          {slot.group ? ` (${slot.group})` : ''}
                          <span className="block text-sm text-slate-700">{[slot.teacherName, slot.roomName].filter(Boolean).join(' · ')}</span>
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-slate-700">{t('noLesson')}</p>
                )}
              </Card>
            )
          })}
        </div>
      ) : (
        <Empty>{t('none')}</Empty>
      )}
      <h2 className="mb-3 mt-8 text-xl font-semibold">{t('exams')}</h2>
      {week.exams.length ? (
        <ul className="space-y-2">
          {week.exams.map((exam) => (
            <li key={exam.id} className="rounded border border-slate-300 bg-white p-3">
              <span className="font-medium">{formatDay(locale, exam.date)}</span>
              {exam.start ? ` · ${exam.start}` : ''} — {exam.subjectName} : {exam.title} <span className="text-slate-700">({t(`kind.${exam.kind}`)}, {t('outOf', { maximum: exam.maximum })})</span>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t('noExams')}</Empty>
      )}
    </ChildPage>
  )
}
