import type { CollectionBeforeChangeHook, CollectionConfig, FieldAccess, PayloadRequest } from 'payload'
import { idOf, idsOf, storedId } from '../../src/access/ids'
import { anyOf, isIT, staffCreates, type Predicate } from '../../src/access/predicates'
import { classPupils, reachOf } from '../../src/access/reach'
import { taughtClassIds, within } from '../../src/access/scopes'
import { classParticipants, directParticipants, mayClose, refusedRecipients, type Audience } from '../../src/domain/messaging'
import { hasAnyRole, rolesOf } from '../../src/domain/roles'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid } from '../../hooks/invalid'
import { naming, readableRelation, relation, school, setOnCreate, systemWritten, text } from '../fields'
import { derivedOnly, readEndpoint } from './conversationRead'
import { correspondentsEndpoint } from './correspondents'

/** Who may take part in conversations at all: everyone but finance. */
export const correspondents = ['admin', 'secretariat', 'teacher', 'parent', 'student'] as const

/** A conversation is read by its participants only (IT reads everything). */
export const participantOf: Predicate = ({ req }) => (hasAnyRole(req.user, [...correspondents]) ? { participants: { in: [req.user!.id] } } : false)

/** A teacher or a member of staff who takes part closes or reopens it; families never change it. */
const staffParticipant: Predicate = (args) => (mayClose(rolesOf(args.req.user)) ? participantOf(args) : false)

/** Only a teacher or staff may set the status (the collection's update access also asks that they take part). */
const closers: FieldAccess = ({ req }) => mayClose(rolesOf(req.user))

/** The names of accounts, in the order given (read as the system: families may not read staff accounts). */
export const namesOf = async (req: PayloadRequest, ids: unknown[]) => {
  if (!ids.length) return []
  const found = await req.payload.find({ collection: 'users', where: { id: { in: ids as number[] } }, depth: 0, pagination: false, overrideAccess: true, select: { name: true }, req })
  const byId = new Map(found.docs.map((user) => [String(user.id), user.name]))
  return ids.flatMap((id) => (byId.has(String(id)) ? [byId.get(String(id))!] : []))
}

/**
 * Who takes part is worked out here, never taken on trust: a direct conversation's recipients
 * must be reachable by its opener (src/domain/messaging.ts), a class conversation reaches the
 * class's pupils and/or their guardians as enrolled today. The system (no user) writes as told.
 */
const participants: CollectionBeforeChangeHook = async ({ data, req, operation, originalDoc }) => {
  if (operation === 'update') {
    if (data.status && data.status !== originalDoc?.status) {
      data.closedBy = data.status === 'closed' ? (req.user?.id ?? null) : null
      data.closedAt = data.status === 'closed' ? new Date().toISOString() : null
    }
    return data
  }
  if (!req.user) return data
  const me = req.user.id
  data.openedBy = me
  data.openerName = req.user.name
  if (data.kind === 'class') {
    if (data.class == null) throw invalid(req, [{ path: 'class', message: tReq(req, 'errors.messages.classRequired') }])
    if (!hasAnyRole(req.user, ['it', 'admin', 'secretariat']) && !(await within(req, taughtClassIds, data.class)))
      throw invalid(req, [{ path: 'class', message: tReq(req, 'errors.messages.notYourClass') }])
    data.participants = classParticipants(me, (data.audience ?? 'guardians') as Audience, await classPupils(req, idOf(data.class)!))
    const klass = await req.payload.findByID({ collection: 'classes', id: idOf(data.class)!, depth: 0, overrideAccess: true, select: { name: true }, req })
    data.recipientNames = klass.name
    return data
  }
  data.class = null
  data.audience = null
  const recipients = idsOf(data.participants).map(storedId).filter((id) => String(id) !== String(me))
  if (!recipients.length) throw invalid(req, [{ path: 'participants', message: tReq(req, 'errors.messages.noRecipient') }])
  const refused = refusedRecipients(me, rolesOf(req.user), recipients, await reachOf(req, idOf(data.school)!))
  if (refused.length) throw invalid(req, [{ path: 'participants', message: tReq(req, 'errors.messages.notReachable', { names: (await namesOf(req, refused)).join(', ') }) }])
  data.participants = directParticipants(me, recipients)
  data.recipientNames = (await namesOf(req, recipients)).join(', ')
  return data
}

/**
 * A conversation: a teacher with a pupil's guardians or with a pupil, a teacher with a whole class
 * (its guardians, its pupils or both), the secretariat with a family. Its messages are the
 * `messages` collection; each participant's last reading is kept in `reads` (POST /:id/read).
 */
export const Conversations: CollectionConfig = {
  slug: 'conversations',
  ...naming('conversations', 'Conversation', 'Conversations'),
  admin: { group: label('groups.communication'), useAsTitle: 'topic', defaultColumns: ['topic', 'kind', 'status', 'lastMessageAt'] },
  defaultSort: '-lastMessageAt',
  access: {
    read: anyOf(isIT, participantOf),
    create: anyOf(isIT, staffCreates([...correspondents])),
    update: anyOf(isIT, staffParticipant),
    delete: isIT,
  },
  fields: [
    { ...school(), access: setOnCreate } as never,
    text('topic', { required: true, maxLength: 200 }),
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', required: true, defaultValue: 'direct', label: label('fields.conversationKind'), options: options('conversationKind', ['direct', 'class'] as const), access: setOnCreate },
        { name: 'audience', type: 'select', defaultValue: 'guardians', label: label('fields.audience'), options: options('audience', ['guardians', 'students', 'both'] as const), access: setOnCreate, admin: { condition: (data) => data?.kind === 'class' } },
        relation('class', 'classes', { access: setOnCreate, admin: { condition: (data) => data?.kind === 'class' } }),
      ],
    },
    relation('participants', 'users', { hasMany: true, access: setOnCreate, admin: { description: label('fields.participantsHelp') } }),
    // The pupil it is about, one the opener may read (a parent's own child, a teacher's pupil).
    relation('student', 'students', { access: setOnCreate, validate: readableRelation as never }),
    { name: 'status', type: 'select', required: true, defaultValue: 'open', label: label('fields.status'), options: options('conversationStatus', ['open', 'closed'] as const), access: { create: () => false, update: closers }, admin: { position: 'sidebar' } },
    relation('openedBy', 'users', { access: systemWritten, validate: undefined, admin: { readOnly: true, position: 'sidebar' } }),
    // Names as they were at creation, for lists: a family may not read the staff's accounts.
    text('openerName', { access: systemWritten, admin: { readOnly: true, position: 'sidebar' } }),
    text('recipientNames', { access: systemWritten, admin: { readOnly: true, position: 'sidebar' } }),
    relation('closedBy', 'users', { access: systemWritten, validate: undefined, admin: { readOnly: true, position: 'sidebar' } }),
    { name: 'closedAt', type: 'date', label: label('fields.closedAt'), access: systemWritten, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'lastMessageAt', type: 'date', index: true, label: label('fields.lastMessageAt'), access: systemWritten, admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'reads',
      type: 'array',
      label: label('fields.reads'),
      access: systemWritten,
      admin: { readOnly: true },
      fields: [relation('user', 'users', { validate: undefined }), { name: 'at', type: 'date', label: label('fields.lastReadAt'), admin: { date: { pickerAppearance: 'dayAndTime' } } }],
    },
  ],
  endpoints: [correspondentsEndpoint, readEndpoint],
  hooks: {
    beforeChange: [participants],
    // Receipts and the time of the last message are bookkeeping, not changes worth an audit entry.
    afterChange: [(args) => (args.context[derivedOnly] ? args.doc : auditTrail(args))],
    afterDelete: [auditTrail],
  },
}
