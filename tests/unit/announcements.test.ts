import { announcementProblems, announcementStatus, audienceKey, audienceOf, groupsSpokenTo, reaches, type Member } from '../../src/domain/announcements'

const at = (iso: string) => new Date(iso)

describe('what an announcement shows as', () => {
  const ready = { state: 'ready', publishAt: '2026-10-01T08:00:00.000Z', expiresAt: '2026-10-15T18:00:00.000Z' }

  it('a draft stays a draft whatever its dates', () => {
    expect(announcementStatus({ ...ready, state: 'draft' }, at('2026-10-05T00:00:00Z'))).toBe('draft')
    expect(announcementStatus({ publishAt: '2026-10-01T08:00:00.000Z' }, at('2026-10-05T00:00:00Z'))).toBe('draft')
  })

  it('ready: scheduled before its time, published from it, expired from its expiry', () => {
    expect(announcementStatus(ready, at('2026-10-01T07:59:59Z'))).toBe('scheduled')
    expect(announcementStatus(ready, at('2026-10-01T08:00:00Z'))).toBe('published')
    expect(announcementStatus(ready, at('2026-10-15T17:59:59Z'))).toBe('published')
    expect(announcementStatus(ready, at('2026-10-15T18:00:00Z'))).toBe('expired')
  })

  it('without an expiry it stays published; without a date it is published at once', () => {
    expect(announcementStatus({ state: 'ready', publishAt: ready.publishAt }, at('2030-01-01T00:00:00Z'))).toBe('published')
    expect(announcementStatus({ state: 'ready' }, at('2026-01-01T00:00:00Z'))).toBe('published')
  })
})

describe('what is refused', () => {
  it('a level, class or roles audience without its level, class or roles', () => {
    expect(announcementProblems({ audience: 'level' })).toEqual([{ field: 'level', code: 'levelRequired' }])
    expect(announcementProblems({ audience: 'class', level: 3 })).toEqual([{ field: 'class', code: 'classRequired' }])
    expect(announcementProblems({ audience: 'role', roles: [] })).toEqual([{ field: 'roles', code: 'rolesRequired' }])
    expect(announcementProblems({ audience: 'school' })).toEqual([])
  })

  it('an expiry at or before the publication', () => {
    expect(announcementProblems({ audience: 'school', publishAt: '2026-10-02T00:00:00Z', expiresAt: '2026-10-02T00:00:00Z' })).toEqual([{ field: 'expiresAt', code: 'expiresBeforePublish' }])
    expect(announcementProblems({ audience: 'school', publishAt: '2026-10-02T00:00:00Z', expiresAt: '2026-10-03T00:00:00Z' })).toEqual([])
  })
})

describe('whom an announcement speaks to', () => {
  const parentOf5PA: Member = { role: 'parents', classes: [11], levels: [1] }
  const studentOf1HS: Member = { role: 'students', classes: [12], levels: [2] }
  const teacherOf5PA: Member = { role: 'teachers', classes: [11], levels: [] }
  const accountant: Member = { role: 'staff', classes: [], levels: [] }

  it('the whole school: everyone', () => {
    for (const member of [parentOf5PA, studentOf1HS, teacherOf5PA, accountant]) expect(reaches({ audience: 'school' }, member)).toBe(true)
  })

  it('a class: its families and pupils and its teachers, nobody of another class', () => {
    expect(reaches({ audience: 'class', class: 11 }, parentOf5PA)).toBe(true)
    expect(reaches({ audience: 'class', class: '11' }, teacherOf5PA)).toBe(true)
    expect(reaches({ audience: 'class', class: 11 }, studentOf1HS)).toBe(false)
    expect(reaches({ audience: 'class', class: 11 }, accountant)).toBe(false)
  })

  it('a level: those whose class is of that level; a teacher is not reached through a level', () => {
    expect(reaches({ audience: 'level', level: 2 }, studentOf1HS)).toBe(true)
    expect(reaches({ audience: 'level', level: 2 }, parentOf5PA)).toBe(false)
    expect(reaches({ audience: 'level', level: 1 }, teacherOf5PA)).toBe(false)
  })

  it('a role: its group only', () => {
    expect(reaches({ audience: 'role', roles: ['parents', 'staff'] }, parentOf5PA)).toBe(true)
    expect(reaches({ audience: 'role', roles: ['parents', 'staff'] }, accountant)).toBe(true)
    expect(reaches({ audience: 'role', roles: ['parents', 'staff'] }, studentOf1HS)).toBe(false)
  })

  it('a class left over from another scope counts for nothing', () => {
    expect(reaches({ audience: 'role', class: 11, roles: ['teachers'] }, parentOf5PA)).toBe(false)
    expect(audienceOf({ audience: 'school', class: 11, level: 1, roles: ['parents'] })).toEqual({ audience: 'school', level: null, class: null, roles: [] })
  })

  it('the audience in one word changes when the people it names change, not with their order', () => {
    expect(audienceKey({ audience: 'role', roles: ['staff', 'parents'] })).toBe(audienceKey({ audience: 'role', roles: ['parents', 'staff', 'parents'] }))
    expect(audienceKey({ audience: 'class', class: 11, level: 4 })).toBe('class:11')
    expect(audienceKey({ audience: 'class', class: 12 })).not.toBe(audienceKey({ audience: 'class', class: 11 }))
    expect(audienceKey({ audience: 'school', class: 11 })).toBe('school')
  })

  it('the groups each scope speaks to', () => {
    expect(groupsSpokenTo({ audience: 'school' })).toEqual(['parents', 'students', 'teachers', 'staff'])
    expect(groupsSpokenTo({ audience: 'class', class: 11 })).toEqual(['parents', 'students', 'teachers'])
    expect(groupsSpokenTo({ audience: 'level', level: 1 })).toEqual(['parents', 'students'])
    expect(groupsSpokenTo({ audience: 'role', roles: ['staff', 'parents', 'janitors'] })).toEqual(['parents', 'staff'])
  })
})
