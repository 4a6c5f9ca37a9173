import { newFor, readFor, sseEvent, usersNamed } from '../../src/domain/notificationFanout'

describe('the users a notification message names', () => {
  it('reads the ids of {"users":[…]} once each', () => {
    expect(usersNamed('{"users":[3,12,3]}')).toEqual([3, 12])
  })

  it('reads those who marked some read under "read"', () => {
    expect(usersNamed('{"read":[7]}', 'read')).toEqual([7])
    expect(usersNamed('{"read":[7]}')).toEqual([])
    expect(usersNamed('{"users":[3]}', 'read')).toEqual([])
  })

  it('names nobody in a message that is not one of ours', () => {
    expect(usersNamed('')).toEqual([])
    expect(usersNamed('not json')).toEqual([])
    expect(usersNamed('{"guardians":[4]}')).toEqual([])
    expect(usersNamed('{"users":["x",-1,0,1.5]}')).toEqual([])
  })
})

describe('what a process reads for a message', () => {
  const open = [
    { user: 1, after: 40 },
    { user: 1, after: 35 },
    { user: 2, after: 50 },
    { user: 9, after: 10 },
  ]

  it('reads for the named users with a stream here, from the oldest of their streams', () => {
    expect(readFor([1, 2, 7], open)).toEqual({ users: [1, 2], after: 35 })
  })

  it('reads nothing when no stream here is concerned', () => {
    expect(readFor([7, 8], open)).toBeNull()
    expect(readFor([1], [])).toBeNull()
  })
})

describe('what one stream is sent', () => {
  const read = [
    { id: 44, user: 1 },
    { id: 38, user: 1 },
    { id: 45, user: 2 },
    { id: 36, user: 1 },
  ]

  it('sends its own user’s notifications newer than it has, oldest first', () => {
    expect(newFor({ user: 1, after: 37 }, read).map((n) => n.id)).toEqual([38, 44])
  })

  it('never sends another user’s, nor one it already had', () => {
    expect(newFor({ user: 2, after: 45 }, read)).toEqual([])
    expect(newFor({ user: 3, after: 0 }, read)).toEqual([])
  })
})

describe('a server-sent event', () => {
  it('is its id, name and one line of JSON, ended by a blank line', () => {
    expect(sseEvent('notification', { title: 'Bulletin\npublié' }, 12)).toBe('id: 12\nevent: notification\ndata: {"title":"Bulletin\\npublié"}\n\n')
    expect(sseEvent('unread', { count: 3 })).toBe('event: unread\ndata: {"count":3}\n\n')
  })
})
