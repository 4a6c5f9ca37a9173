import { Accordion, AccordionDetails, AccordionSummary, Box, Stack, Typography } from '@mui/material'
import ExpandMoreIcon from '@mui/icons-material/ExpandMore'
import { LinearProgress, Title, useGetIdentity, useGetList, useGetMany, useLocaleState, useTranslate } from 'react-admin'
import type { Identity } from './authProvider'
import { ClassCard } from './ClassCard'
import { longDay } from './dates'
import { SlotCard, type SlotRecord } from './SlotCard'
import { dayInWeekOf, localDay, weekdayOf, weekdays, type Weekday } from './week'

type Named = { id: number; name: string }
const everything = { page: 1, perPage: 500 }
const unique = (ids: number[]) => [...new Set(ids)]
const namesOf = (records: Named[] | undefined) => new Map((records ?? []).map((record) => [record.id, record.name]))

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box component="section" sx={{ mb: 3 }}>
    <Typography variant="h5" component="h2" sx={{ mb: 1 }}>
      {title}
    </Typography>
    {children}
  </Box>
)

const CardList = ({ children }: { children: React.ReactNode }) => (
  <Stack component="ul" spacing={1} sx={{ p: 0, m: 0 }}>
    {children}
  </Stack>
)

/** A teacher's week: today's lessons first, then the other days, then their classes. */
const TeacherWeek = ({ teacher }: { teacher: number }) => {
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const slots = useGetList<SlotRecord>('timetable-slots', { filter: { teacher }, pagination: everything, sort: { field: 'start', order: 'ASC' } })
  const courses = useGetList<{ id: number; class: number; subject: number }>('course-assignments', { filter: { teacher }, pagination: everything })
  const lessons = slots.data ?? []
  const classIds = unique([...(courses.data ?? []).map((course) => course.class), ...lessons.map((slot) => slot.class)])
  const subjectIds = unique(lessons.map((slot) => slot.subject))
  const roomIds = unique(lessons.flatMap((slot) => (slot.room == null ? [] : [slot.room])))
  const classes = useGetMany<Named>('classes', { ids: classIds }, { enabled: classIds.length > 0 })
  const subjects = namesOf(useGetMany<Named>('subjects', { ids: subjectIds }, { enabled: subjectIds.length > 0 }).data)
  const rooms = namesOf(useGetMany<Named>('rooms', { ids: roomIds }, { enabled: roomIds.length > 0 }).data)
  const classNames = namesOf(classes.data)
  if (slots.isPending || courses.isPending) return <LinearProgress />

  const today = localDay()
  const lessonsOf = (weekday: Weekday) => lessons.filter((slot) => slot.weekday === weekday).sort((a, b) => a.start.localeCompare(b.start))
  const day = (weekday: Weekday) => {
    const date = dayInWeekOf(today, weekday)
    return (
      <CardList>
        {lessonsOf(weekday).map((slot) => (
          <SlotCard key={slot.id} slot={slot} day={date} future={date > today} className={classNames.get(slot.class)} subjectName={subjects.get(slot.subject)} roomName={slot.room == null ? undefined : rooms.get(slot.room)} />
        ))}
      </CardList>
    )
  }
  const otherDays = weekdays.filter((weekday) => weekday !== weekdayOf(today) && lessonsOf(weekday).length > 0)
  return (
    <>
      <Section title={`${translate('kelasi.home.today')} — ${longDay(today, locale)}`}>
        {lessonsOf(weekdayOf(today)).length ? day(weekdayOf(today)) : <Typography>{translate('kelasi.home.nothingToday')}</Typography>}
      </Section>
      <Section title={translate('kelasi.home.myClasses')}>
        {classIds.length ? (
          <CardList>
            {(classes.data ?? []).map((klass) => (
              <ClassCard key={klass.id} klass={klass} />
            ))}
          </CardList>
        ) : (
          <Typography>{translate('kelasi.home.noCourses')}</Typography>
        )}
      </Section>
      {otherDays.length > 0 && (
        <Section title={translate('kelasi.home.week')}>
          {otherDays.map((weekday) => (
            // The other days fold away: on a phone, today and the classes come first.
            <Accordion key={weekday} disableGutters>
              <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                <Typography component="h3" sx={{ fontWeight: 500 }}>
                  {translate('kelasi.home.dayLessons', { day: longDay(dayInWeekOf(today, weekday), locale), smart_count: lessonsOf(weekday).length })}
                </Typography>
              </AccordionSummary>
              <AccordionDetails>{day(weekday)}</AccordionDetails>
            </Accordion>
          ))}
        </Section>
      )}
    </>
  )
}

/** The secretariat and the direction take a roll for any class of the current school year. */
const SchoolClasses = () => {
  const translate = useTranslate()
  const years = useGetList<{ id: number }>('school-years', { filter: { current: true }, pagination: everything })
  const yearIds = (years.data ?? []).map((year) => year.id)
  const classes = useGetList<Named>('classes', { filter: { schoolYear: yearIds }, pagination: everything, sort: { field: 'name', order: 'ASC' } }, { enabled: yearIds.length > 0 })
  if (years.isPending || (yearIds.length > 0 && classes.isPending)) return <LinearProgress />
  return (
    <Section title={translate('kelasi.home.schoolClasses')}>
      <CardList>
        {(classes.data ?? []).map((klass) => (
          <ClassCard key={klass.id} klass={klass} />
        ))}
      </CardList>
    </Section>
  )
}

export const Home = () => {
  const translate = useTranslate()
  const { identity } = useGetIdentity()
  const me = identity as Identity | undefined
  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 960 }}>
      <Title title="kelasi.home.title" />
      {!me ? (
        <LinearProgress />
      ) : (
        <>
          <Typography variant="h4" component="h1" sx={{ my: 2 }}>
            {translate('kelasi.home.hello', { name: me.fullName })}
          </Typography>
          {me.teacher ? <TeacherWeek teacher={me.teacher} /> : <SchoolClasses />}
        </>
      )}
    </Box>
  )
}
