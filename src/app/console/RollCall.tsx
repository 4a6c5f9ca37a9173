import { Box, MenuItem, Stack, TextField, Typography } from '@mui/material'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { LinearProgress, Title, useDataProvider, useGetList, useGetMany, useGetOne, useLocation, useNavigate, useNotify, useParams, useTranslate } from 'react-admin'
import { rollCallPath } from './links'
import { refusalOf, type Refusal } from './refusal'
import { RefusalAlert } from './RefusalAlert'
import { rollEntries, savedRoll, type Mark, type Session } from './roll'
import { RollSheet } from './RollSheet'
import { localDay, weekdayOf } from './week'

type Student = { id: number; fullName?: string | null; matricule?: string }
type Recorded = { id: number; student: number; slot?: number | null; halfDay?: string | null; status: string; minutesLate?: number | null }
const everything = { page: 1, perPage: 1000 }

/** The session of the URL: a lesson (`slot`), else a half-day, else the whole day. */
const sessionFrom = (query: URLSearchParams): Session => {
  const slot = Number(query.get('slot'))
  if (slot) return { slot, halfDay: null }
  const halfDay = query.get('halfDay')
  return { slot: null, halfDay: halfDay === 'morning' || halfDay === 'afternoon' ? halfDay : null }
}
const sessionValue = (session: Session) => (session.slot != null ? `slot:${session.slot}` : (session.halfDay ?? 'day'))
const sessionOfValue = (value: string): Session =>
  value.startsWith('slot:') ? { slot: Number(value.slice(5)), halfDay: null } : { slot: null, halfDay: value === 'morning' || value === 'afternoon' ? value : null }

/** `/roll-call/:classId?date=…&slot=…|halfDay=…`: the roll of one class for one part of one day. */
export const RollCall = () => {
  const translate = useTranslate()
  const notify = useNotify()
  const navigate = useNavigate()
  const dataProvider = useDataProvider()
  const queryClient = useQueryClient()
  const klass = Number(useParams().classId)
  const query = new URLSearchParams(useLocation().search)
  const day = /^\d{4}-\d{2}-\d{2}$/.test(query.get('date') ?? '') ? query.get('date')! : localDay()
  const session = sessionFrom(query)
  const [saving, setSaving] = useState(false)
  const [refusal, setRefusal] = useState<Refusal | null>(null)

  // A refusal (a class not the teacher's reads as absent) is final: no retries before saying so.
  const classRecord = useGetOne<{ id: number; name: string }>('classes', { id: klass }, { retry: false })
  const lessons = useGetList<{ id: number; start: string; subject: number; group?: string | null }>('timetable-slots', {
    filter: { class: klass, weekday: weekdayOf(day) },
    pagination: everything,
    sort: { field: 'start', order: 'ASC' },
  })
  const subjectIds = [...new Set((lessons.data ?? []).map((slot) => slot.subject))]
  const subjects = useGetMany<{ id: number; name: string }>('subjects', { ids: subjectIds }, { enabled: subjectIds.length > 0 })
  const enrollments = useGetList<{ id: number; student: number }>('enrollments', { filter: { class: klass, status: 'active' }, pagination: everything })
  const studentIds = (enrollments.data ?? []).map((enrollment) => enrollment.student)
  const students = useGetMany<Student>('students', { ids: studentIds }, { enabled: studentIds.length > 0 })
  const records = useGetList<Recorded>('attendance', { filter: { class: klass, date_gte: `${day}T00:00:00.000Z`, date_lte: `${day}T23:59:59.999Z` }, pagination: everything })

  const go = (nextDay: string, next: Session) => {
    setRefusal(null)
    navigate(rollCallPath(klass, nextDay, next), { replace: true })
  }
  const save = async (marks: Map<number, Mark>) => {
    setSaving(true)
    setRefusal(null)
    try {
      const { data } = await dataProvider.create('roll-calls', { data: { class: klass, date: day, halfDay: session.halfDay, slot: session.slot, entries: rollEntries(marks) } })
      notify('kelasi.roll.saved', { type: 'success', messageArgs: data })
      await queryClient.invalidateQueries({ queryKey: ['attendance'] })
    } catch (error) {
      const refused = refusalOf(error)
      setRefusal(refused)
      notify(refused.message, { type: 'error', messageArgs: { _: refused.message } })
    } finally {
      setSaving(false)
    }
  }

  // A class that is not the teacher's is not even visible to them: say so rather than show an empty roll.
  if (classRecord.error) return <RefusalAlert title={translate('kelasi.roll.refused')} refusal={refusalOf(classRecord.error)} />
  const subjectName = (id: number) => subjects.data?.find((subject) => subject.id === id)?.name ?? '…'
  const ready = classRecord.data && !enrollments.isPending && !records.isPending && (studentIds.length === 0 || !students.isPending)
  const roster = [...(students.data ?? [])].sort((a, b) => (a.fullName ?? '').localeCompare(b.fullName ?? '', 'fr'))
  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 820 }}>
      <Title title={translate('kelasi.roll.title', { class: classRecord.data?.name ?? '…' })} />
      <Typography variant="h4" component="h1" sx={{ my: 1 }}>
        {translate('kelasi.roll.title', { class: classRecord.data?.name ?? '…' })}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1, my: 1 }}>
        <TextField type="date" label={translate('kelasi.roll.date')} value={day} onChange={(event) => event.target.value && go(event.target.value, session.slot != null ? { slot: null, halfDay: 'morning' } : session)} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField select label={translate('kelasi.roll.session')} value={sessionValue(session)} onChange={(event) => go(day, sessionOfValue(event.target.value))} sx={{ minWidth: 220 }}>
          <MenuItem value="morning">{translate('kelasi.roll.morning')}</MenuItem>
          <MenuItem value="afternoon">{translate('kelasi.roll.afternoon')}</MenuItem>
          <MenuItem value="day">{translate('kelasi.roll.day')}</MenuItem>
          {(lessons.data ?? []).map((slot) => (
            <MenuItem key={slot.id} value={`slot:${slot.id}`}>
              {translate('kelasi.roll.lesson', { start: slot.start, subject: subjectName(slot.subject) })}
              {slot.group ? ` (${slot.group})` : ''}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <RefusalAlert title={translate('kelasi.roll.refused')} refusal={refusal} />
      {ready ? (
        <RollSheet key={`${day}|${sessionValue(session)}`} students={roster} saved={savedRoll(records.data ?? [], session)} saving={saving} onSave={save} />
      ) : (
        <LinearProgress />
      )}
    </Box>
  )
}
