import { classParticipants, directParticipants, isUnread, mayClose, reachGroups, readByOthers, receiptsOf, refusedRecipients, withRead, writeRefusal, type Reach } from '../../src/domain/messaging'
import { paragraphs, plainText, preview } from '../../src/domain/richText'

// Accounts: 1 a teacher, 2 a parent of their pupil, 3 that pupil, 4 another teacher, 5 the secretariat, 6 another family's parent.
const none: Reach = { families: [], teachers: [], desk: [], school: [] }

describe('who may open a conversation with whom', () => {
  it('lets a teacher write to the pupils of their classes and to those pupils’ guardians, nobody else', () => {
    const reach = { ...none, families: [2, 3] }
    expect(refusedRecipients(1, ['teacher'], [2, 3], reach)).toEqual([])
    expect(refusedRecipients(1, ['teacher'], [2, 6], reach)).toEqual([6])
  })

  it('lets a parent write to their children’s teachers and the secretariat, not to a teacher of another class', () => {
    const reach = { ...none, teachers: [1], desk: [5] }
    expect(refusedRecipients(2, ['parent'], [1], reach)).toEqual([])
    expect(refusedRecipients(2, ['parent'], [5], reach)).toEqual([])
    expect(refusedRecipients(2, ['parent'], [4], reach)).toEqual([4])
    expect(refusedRecipients(2, ['parent'], [6], reach)).toEqual([6])
  })

  it('lets a pupil write to their own teachers and the secretariat only', () => {
    const reach = { ...none, teachers: [1], desk: [5] }
    expect(refusedRecipients(3, ['student'], [1, 5], reach)).toEqual([])
    expect(refusedRecipients(3, ['student'], [2], reach)).toEqual([2])
  })

  it('lets the secretariat write to any family of its school; IT to anyone; finance to nobody', () => {
    expect(refusedRecipients(5, ['secretariat'], [2, 6], { ...none, school: [2, 3, 6] })).toEqual([])
    expect(refusedRecipients(5, ['secretariat'], [4], { ...none, school: [2, 3, 6] })).toEqual([4])
    expect(refusedRecipients(9, ['it'], [2, 4, 6], none)).toEqual([])
    expect(refusedRecipients(7, ['finance'], [2], { families: [2], teachers: [2], desk: [2], school: [2] })).toEqual([2])
  })

  it('offers each role its own relations: a family its teachers and the desk, a teacher its families, the desk the school', () => {
    expect(reachGroups(['parent']).sort()).toEqual(['desk', 'teachers'])
    expect(reachGroups(['teacher'])).toEqual(['families'])
    expect(reachGroups(['secretariat'])).toEqual(['school'])
    expect(reachGroups(['teacher', 'parent']).sort()).toEqual(['desk', 'families', 'teachers'])
    expect(reachGroups(['finance'])).toEqual([])
  })

  it('joins the opener to the recipients, each once', () => {
    expect(directParticipants(1, [2, 2, 1, 3])).toEqual([1, 2, 3])
  })
})

describe('a conversation with a whole class', () => {
  const pupils = [
    { user: 3, guardianUsers: [2] },
    { user: null, guardianUsers: [6, 2] },
  ]
  it('reaches the guardians, the pupils who have an account, or both', () => {
    expect(classParticipants(1, 'guardians', pupils)).toEqual([1, 2, 6])
    expect(classParticipants(1, 'students', pupils)).toEqual([1, 3])
    expect(classParticipants(1, 'both', pupils)).toEqual([1, 3, 2, 6])
  })
})

describe('who writes to a conversation', () => {
  const direct = { kind: 'direct' as const, status: 'open' as const, participants: [1, 2] }
  it('is its participants while it is open', () => {
    expect(writeRefusal(direct, 2, ['parent'])).toBeNull()
    expect(writeRefusal(direct, 6, ['parent'])).toBe('notParticipant')
    expect(writeRefusal({ ...direct, status: 'closed' }, 1, ['teacher'])).toBe('closed')
    expect(writeRefusal({ ...direct, status: 'closed' }, 9, ['it'])).toBe('closed')
  })
  it('is, for a class, the teacher or the staff: families read', () => {
    const klass = { kind: 'class' as const, status: 'open' as const, participants: [1, 2, 3] }
    expect(writeRefusal(klass, 1, ['teacher'])).toBeNull()
    expect(writeRefusal(klass, 2, ['parent'])).toBe('familiesRead')
    expect(writeRefusal(klass, 3, ['student'])).toBe('familiesRead')
  })
  it('is closed by a teacher or the staff, never by a family', () => {
    expect(mayClose(['teacher'])).toBe(true)
    expect(mayClose(['secretariat'])).toBe(true)
    expect(mayClose(['parent'])).toBe(false)
    expect(mayClose(['student'])).toBe(false)
  })
})

describe('read receipts', () => {
  it('reads the receipts as stored, the account populated or not, skipping incomplete rows', () => {
    expect(receiptsOf([{ user: { id: 2 }, at: '2026-10-01T10:00:00.000Z' }, { user: 3, at: null }, { user: 1, at: '2026-10-02T10:00:00.000Z' }])).toEqual([
      { user: 2, at: '2026-10-01T10:00:00.000Z' },
      { user: 1, at: '2026-10-02T10:00:00.000Z' },
    ])
    expect(receiptsOf(null)).toEqual([])
  })

  it('keeps one receipt per person, which never moves back', () => {
    const once = withRead([], 2, '2026-10-01T10:00:00.000Z')
    const again = withRead(once, 2, '2026-10-01T09:00:00.000Z')
    expect(again).toEqual([{ user: 2, at: '2026-10-01T10:00:00.000Z' }])
    expect(withRead(again, 1, '2026-10-01T11:00:00.000Z')).toHaveLength(2)
  })
  it('says "read" of a message once someone other than its author read the conversation after it', () => {
    const message = { author: 1, createdAt: '2026-10-01T10:00:00.000Z' }
    expect(readByOthers(message, [{ user: 1, at: '2026-10-01T12:00:00.000Z' }])).toBe(false)
    expect(readByOthers(message, [{ user: 2, at: '2026-10-01T09:59:00.000Z' }])).toBe(false)
    expect(readByOthers(message, [{ user: 2, at: '2026-10-01T10:00:01.000Z' }])).toBe(true)
  })
  it('marks a conversation unread when its last message is newer than the reader’s last read', () => {
    const conversation = { lastMessageAt: '2026-10-01T10:00:00.000Z' }
    expect(isUnread(conversation, [], 2)).toBe(true)
    expect(isUnread(conversation, [{ user: 2, at: '2026-10-01T10:00:00.000Z' }], 2)).toBe(false)
    expect(isUnread({ lastMessageAt: null }, [], 2)).toBe(false)
  })
})

describe('plain text as rich text', () => {
  it('makes one paragraph per block and keeps line breaks, and reads back the same words', () => {
    const state = paragraphs('Bonjour Madame,\r\n\r\nGrâce était malade.\nElle revient lundi.\n\n\n')
    expect(state.root.children).toHaveLength(2)
    expect(state.root.children[1].children.map((c) => c.type)).toEqual(['text', 'linebreak', 'text'])
    expect(plainText(state)).toBe('Bonjour Madame,\n\nGrâce était malade.\nElle revient lundi.')
    expect(plainText(paragraphs('   '))).toBe('')
  })
  it('cuts a preview at a word', () => {
    expect(preview('Un deux trois quatre', 12)).toBe('Un deux…')
    expect(preview('Court', 12)).toBe('Court')
  })
})
