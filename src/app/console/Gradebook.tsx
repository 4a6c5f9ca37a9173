import { Box, Typography } from '@mui/material'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import EditIcon from '@mui/icons-material/Edit'
import { Button, LinearProgress, Link, Title, useDataProvider, useGetList, useGetMany, useGetOne, useLocaleState, useNotify, useParams, useTranslate } from 'react-admin'
import { shortDay } from './dates'
import { lineOf, sheetGrades, type Line } from './marks'
import { MarkSheet } from './MarkSheet'
import { refusalOf, type Refusal } from './refusal'
import { RefusalAlert } from './RefusalAlert'

type Evaluation = { id: number; title: string; class: number; subject: number; date: string; maximum: number; coefficient?: number | null; published?: boolean | null }
type Grade = { id: number; student: number; status: string; score?: number | null; comment?: string | null }
type Student = { id: number; fullName?: string | null; matricule?: string }
const everything = { page: 1, perPage: 1000 }

/** `/gradebook/:evaluationId`: the mark sheet of one evaluation for the class's pupils. */
export const Gradebook = () => {
  const translate = useTranslate()
  const notify = useNotify()
  const [locale] = useLocaleState()
  const dataProvider = useDataProvider()
  const queryClient = useQueryClient()
  const id = Number(useParams().evaluationId)
  const [saving, setSaving] = useState(false)
  const [refusal, setRefusal] = useState<Refusal | null>(null)

  // A refusal (an evaluation not of the teacher's courses reads as absent) is final: no retries before saying so.
  const evaluation = useGetOne<Evaluation>('evaluations', { id }, { retry: false })
  const klass = evaluation.data?.class
  const classRecord = useGetOne<{ id: number; name: string }>('classes', { id: klass! }, { enabled: klass != null })
  const subject = useGetOne<{ id: number; name: string }>('subjects', { id: evaluation.data?.subject! }, { enabled: evaluation.data != null })
  const enrollments = useGetList<{ id: number; student: number }>('enrollments', { filter: { class: klass, status: 'active' }, pagination: everything }, { enabled: klass != null })
  const grades = useGetList<Grade>('grades', { filter: { evaluation: id }, pagination: everything })
  // The sheet is the class's current pupils, as the server checks it; one who moved has their mark in their record.
  const studentIds = (enrollments.data ?? []).map((row) => row.student)
  const students = useGetMany<Student>('students', { ids: studentIds }, { enabled: studentIds.length > 0 })

  const save = async (lines: [number, Line][]) => {
    setSaving(true)
    setRefusal(null)
    try {
      const { data } = await dataProvider.update('mark-sheets', { id, data: { grades: sheetGrades(lines) }, previousData: { id } })
      notify('kelasi.gradebook.saved', { type: 'success', messageArgs: data })
      await queryClient.invalidateQueries({ queryKey: ['grades'] })
      return true
    } catch (error) {
      const refused = refusalOf(error)
      setRefusal(refused)
      notify(refused.message, { type: 'error', messageArgs: { _: refused.message } })
      return false
    } finally {
      setSaving(false)
    }
  }

  if (evaluation.error) return <RefusalAlert title={translate('kelasi.gradebook.refused')} refusal={refusalOf(evaluation.error)} />
  const ready = evaluation.data && !enrollments.isPending && !grades.isPending && (studentIds.length === 0 || !students.isPending)
  const heading = translate('kelasi.gradebook.title', { evaluation: evaluation.data?.title ?? '…', class: classRecord.data?.name ?? '…' })
  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 820 }}>
      <Title title={heading} />
      <Typography variant="h4" component="h1" sx={{ my: 1 }}>
        {heading}
      </Typography>
      <Button component={Link} to={`/evaluations/${id}`} label="ra.action.edit" startIcon={<EditIcon />} />
      {evaluation.data && (
        <Typography color="text.secondary">
          {translate('kelasi.gradebook.details', {
            subject: subject.data?.name ?? '…',
            date: shortDay(evaluation.data.date, locale),
            maximum: evaluation.data.maximum,
            coefficient: evaluation.data.coefficient ?? 1,
          })}
        </Typography>
      )}
      <RefusalAlert title={translate('kelasi.gradebook.refused')} refusal={refusal} />
      {ready ? (
        <MarkSheet
          key={id}
          evaluation={evaluation.data!}
          students={[...(students.data ?? [])].sort((a, b) => (a.fullName ?? '').localeCompare(b.fullName ?? '', 'fr'))}
          saved={new Map((grades.data ?? []).map((grade) => [grade.student, lineOf(grade, locale)]))}
          saving={saving}
          onSave={save}
        />
      ) : (
        <LinearProgress />
      )}
    </Box>
  )
}
