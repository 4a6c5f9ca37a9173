import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { calendarFeed, type FeedInput } from '../../src/calendar/ical'

/** The feed read back as a calendar app would: unfolded lines, components, properties with parameters. */
const parse = (text: string) => {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n')
  const components: { type: string; props: Map<string, string> }[] = []
  const stack: { type: string; props: Map<string, string> }[] = []
  for (const line of lines) {
    const [, name, value] = /^([^:]+):(.*)$/.exec(line)!
    if (name === 'BEGIN') stack.push({ type: value, props: new Map() })
    else if (name === 'END') components.push(stack.pop()!)
    else stack.at(-1)!.props.set(name, value)
  }
  return components
}
const events = (text: string) => parse(text).filter((c) => c.type === 'VEVENT')
const event = (text: string, uid: string) => events(text).find((e) => e.props.get('UID') === uid)!.props
const unescape = (value: string) => value.replace(/\\([,;\\])/g, '$1').replace(/\\n/g, '\n')

/** The UTC instant of a DTSTART/DTEND written with a TZID, read with the feed's own (single) VTIMEZONE. */
const instant = (text: string, property: string, value: string) => {
  const components = parse(text)
  const tzid = /TZID=([^;:]+)/.exec(property)![1]
  expect(components.filter((c) => c.type === 'VTIMEZONE').map((c) => c.props.get('TZID'))).toEqual([tzid])
  const offset = components.find((c) => c.type === 'STANDARD')!.props.get('TZOFFSETTO')!.replace(/(\d{2})(\d{2})$/, '$1:$2')
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(value)!
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`).toISOString()
}

const input = (fields: Partial<FeedInput> = {}): FeedInput => ({
  name: '6e primaire A',
  timezone: 'Africa/Kinshasa',
  from: '2026-09-01', // a Tuesday
  to: '2027-07-02',
  slots: [
    { id: 7, summary: 'Mathématiques', description: 'M. Kabongo', location: 'Salle 3', weekday: 1, start: '08:00', duration: 50 },
    { id: 8, summary: 'Français', weekday: 2, start: '10:30', duration: 45 },
  ],
  exams: [
    { id: 3, summary: 'Examen de mathématiques', date: '2026-12-14', start: '09:00', duration: 120 },
    { id: 4, summary: 'Journée des examens oraux', date: '2026-12-18' },
  ],
  ...fields,
})

const root = fileURLToPath(new URL('../..', import.meta.url))
/** The feed as a server running in another time zone writes it (a child process: Jest pins the zone). */
const feedInZone = (zone: string, feed: FeedInput) =>
  execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', `import { calendarFeed } from ${JSON.stringify(`${root}src/calendar/ical.ts`)}; process.stdout.write(calendarFeed(JSON.parse(process.env.FEED)))`],
    { cwd: root, env: { ...process.env, TZ: zone, FEED: JSON.stringify(feed) }, encoding: 'utf8' },
  )

describe('lessons as weekly events', () => {
  const feed = calendarFeed(input())

  it('start on the first matching weekday on or after the first day of the school year, in Kinshasa time', () => {
    const maths = event(feed, 'slot-7@kelasi')
    expect(maths.get('DTSTART;TZID=Africa/Kinshasa')).toBe('20260907T080000')
    expect(maths.get('DTEND;TZID=Africa/Kinshasa')).toBe('20260907T085000')
    const french = event(feed, 'slot-8@kelasi')
    expect(french.get('DTSTART;TZID=Africa/Kinshasa')).toBe('20260901T103000')
    expect(french.get('DTEND;TZID=Africa/Kinshasa')).toBe('20260901T111500')
  })

  it('mean 07:00 UTC for 08:00 in Kinshasa (UTC+1, no daylight saving time)', () => {
    const maths = event(feed, 'slot-7@kelasi')
    expect(instant(feed, 'DTSTART;TZID=Africa/Kinshasa', maths.get('DTSTART;TZID=Africa/Kinshasa')!)).toBe('2026-09-07T07:00:00.000Z')
    const zones = parse(feed).filter((c) => c.type === 'VTIMEZONE')
    expect(zones).toHaveLength(1)
    expect(zones[0].props.get('TZID')).toBe('Africa/Kinshasa')
    const standard = parse(feed).filter((c) => c.type === 'STANDARD')
    expect(standard.map((c) => [c.props.get('TZOFFSETFROM'), c.props.get('TZOFFSETTO')])).toEqual([['+0100', '+0100']])
    expect(parse(feed).some((c) => c.type === 'DAYLIGHT')).toBe(false)
  })

  it('repeat weekly until the last lesson of the school year, UNTIL in UTC as RFC 5545 requires with a TZID', () => {
    // Last Monday on or before 2 July 2027: 28 June, 08:00 in Kinshasa.
    expect(event(feed, 'slot-7@kelasi').get('RRULE')).toBe('FREQ=WEEKLY;UNTIL=20270628T070000Z')
    // Last Tuesday: 29 June, 10:30.
    expect(event(feed, 'slot-8@kelasi').get('RRULE')).toBe('FREQ=WEEKLY;UNTIL=20270629T093000Z')
  })

  it('carry the subject, the teacher and the room', () => {
    const maths = event(feed, 'slot-7@kelasi')
    expect(maths.get('SUMMARY')).toBe('Mathématiques')
    expect(maths.get('DESCRIPTION')).toBe('M. Kabongo')
    expect(maths.get('LOCATION')).toBe('Salle 3')
    const french = event(feed, 'slot-8@kelasi')
    expect(french.has('DESCRIPTION')).toBe(false)
    expect(french.has('LOCATION')).toBe(false)
  })

  it('leave out slots that could not be saved, and slots with no day in the school year', () => {
    const text = calendarFeed(
      input({
        from: '2026-09-01',
        to: '2026-09-03', // Tuesday to Thursday: no Monday
        exams: [],
        slots: [
          { id: 1, summary: 'Lundi', weekday: 1, start: '08:00', duration: 50 },
          { id: 2, summary: 'Mardi', weekday: 2, start: '08:00', duration: 50 },
          { id: 3, summary: 'Mauvais jour', weekday: 0, start: '08:00', duration: 50 },
          { id: 4, summary: 'Mauvaise heure', weekday: 2, start: '8h', duration: 50 },
          { id: 5, summary: 'Trop long', weekday: 2, start: '08:00', duration: 0 },
        ],
      }),
    )
    expect(events(text).map((e) => e.props.get('UID'))).toEqual(['slot-2@kelasi'])
    // A one-lesson year: DTSTART and UNTIL are the same instant, which RRULE includes.
    expect(event(text, 'slot-2@kelasi').get('RRULE')).toBe('FREQ=WEEKLY;UNTIL=20260901T070000Z')
  })
})

describe('exams as one-off events', () => {
  const feed = calendarFeed(input())

  it('at their time when they have one', () => {
    const exam = event(feed, 'exam-3@kelasi')
    expect(exam.get('DTSTART;TZID=Africa/Kinshasa')).toBe('20261214T090000')
    expect(exam.get('DTEND;TZID=Africa/Kinshasa')).toBe('20261214T110000')
    expect(exam.has('RRULE')).toBe(false)
  })

  it('all day otherwise', () => {
    const exam = event(feed, 'exam-4@kelasi')
    expect(exam.get('DTSTART;VALUE=DATE')).toBe('20261218')
    expect([...exam.keys()].some((key) => key.startsWith('DTEND'))).toBe(false)
    expect(exam.has('RRULE')).toBe(false)
  })

  it('with a start and no duration, as a moment', () => {
    const text = calendarFeed(input({ slots: [], exams: [{ id: 5, summary: 'Oral', date: '2026-12-15', start: '14:00' }] }))
    const exam = event(text, 'exam-5@kelasi')
    expect(exam.get('DTSTART;TZID=Africa/Kinshasa')).toBe('20261215T140000')
    expect([...exam.keys()].some((key) => key.startsWith('DTEND'))).toBe(false)
  })

  it('left out when their date or time cannot be read', () => {
    const text = calendarFeed(
      input({
        slots: [],
        exams: [
          { id: 1, summary: 'Date impossible', date: '2026-02-30' },
          { id: 2, summary: 'Heure illisible', date: '2026-12-15', start: '9h' },
          { id: 3, summary: 'Horodatage', date: '2026-12-16T12:00:00.000Z' },
        ],
      }),
    )
    expect(events(text).map((e) => e.props.get('UID'))).toEqual(['exam-3@kelasi'])
    expect(event(text, 'exam-3@kelasi').get('DTSTART;VALUE=DATE')).toBe('20261216')
  })
})

describe('the feed', () => {
  it('is a calendar named after its subject, with CRLF line ends and lines of at most 75 octets', () => {
    const long = 'Chapitre 4 : fractions, nombres décimaux; exercices du manuel pages 112 à 118 et révision générale.'
    const text = calendarFeed(input({ slots: [{ id: 1, summary: 'Maths', description: long, weekday: 1, start: '08:00', duration: 50 }], exams: [] }))
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(text.endsWith('END:VCALENDAR')).toBe(true)
    expect(parse(text).find((c) => c.type === 'VCALENDAR')!.props.get('X-WR-CALNAME')).toBe('6e primaire A')
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true)
    expect(unescape(event(text, 'slot-1@kelasi').get('DESCRIPTION')!)).toBe(long)
  })

  it('escapes commas and semicolons of the texts it carries', () => {
    const text = calendarFeed(input({ slots: [{ id: 1, summary: 'Maths; géométrie, algèbre', weekday: 1, start: '08:00', duration: 50 }], exams: [] }))
    expect(event(text, 'slot-1@kelasi').get('SUMMARY')).toBe('Maths\\; géométrie\\, algèbre')
  })

  it('stamps events in UTC', () => {
    for (const e of events(calendarFeed(input()))) expect(e.props.get('DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/)
  })

  it('keeps the same UIDs from one download to the next, so apps update rather than duplicate', () => {
    const uids = (text: string) => events(text).map((e) => e.props.get('UID'))
    expect(uids(calendarFeed(input()))).toEqual(['slot-7@kelasi', 'slot-8@kelasi', 'exam-3@kelasi', 'exam-4@kelasi'])
    const moved = input()
    moved.slots[0] = { ...moved.slots[0], start: '09:00' }
    expect(uids(calendarFeed(moved))).toEqual(uids(calendarFeed(input())))
  })

  it('writes the same times whatever the server\'s own time zone', () => {
    const withoutStamps = (text: string) => text.replace(/DTSTAMP:\d{8}T\d{6}Z/g, 'DTSTAMP:now')
    const here = withoutStamps(calendarFeed(input()))
    for (const zone of ['America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Europe/Paris']) {
      expect(withoutStamps(feedInZone(zone, input()))).toBe(here)
    }
    expect(event(here, 'slot-7@kelasi').get('DTSTART;TZID=Africa/Kinshasa')).toBe('20260907T080000')
  })

  it('describes eastern Congo\'s zone (Lubumbashi, UTC+2) as well', () => {
    const text = calendarFeed(input({ timezone: 'Africa/Lubumbashi' }))
    const maths = event(text, 'slot-7@kelasi')
    expect(maths.get('DTSTART;TZID=Africa/Lubumbashi')).toBe('20260907T080000')
    expect(instant(text, 'DTSTART;TZID=Africa/Lubumbashi', maths.get('DTSTART;TZID=Africa/Lubumbashi')!)).toBe('2026-09-07T06:00:00.000Z')
    expect(maths.get('RRULE')).toBe('FREQ=WEEKLY;UNTIL=20270628T060000Z')
    expect(parse(text).find((c) => c.type === 'STANDARD')!.props.get('TZNAME')).toBe('CAT')
  })

  it('is a valid empty calendar when there is nothing to show', () => {
    const text = calendarFeed(input({ slots: [], exams: [] }))
    expect(events(text)).toEqual([])
    expect(parse(text).map((c) => c.type)).toEqual(['VCALENDAR'])
  })
})
