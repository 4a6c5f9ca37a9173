import type { PayloadRequest } from 'payload'
import { idOf, type ID } from '../access/ids'
import { asLanguage, type Language } from '../i18n'
import type { Recipient } from './reportCard'

/** `ownChoice`: the language is the one the guardian chose in their account, not the French default. */
export type GuardianRecipient = Recipient & { guardian: ID; ownChoice: boolean }

/**
 * Where each of these guardians is written to, by guardian: their account's address and
 * language, else their own address in French; a guardian with neither is left out. Read as the
 * system: the job decides, not a caller. Two queries however many guardians.
 */
export const recipientsByGuardian = async (req: PayloadRequest, ids: ID[]): Promise<Map<string, GuardianRecipient>> => {
  const recipients = new Map<string, GuardianRecipient>()
  if (!ids.length) return recipients
  const system = { req, depth: 0, overrideAccess: true, pagination: false } as const
  const guardians = await req.payload.find({ collection: 'guardians', where: { id: { in: [...new Set(ids.map(String))] } }, ...system, select: { fullName: true, email: true, user: true } })
  const userIds = guardians.docs.map((guardian) => idOf(guardian.user)).filter((id) => id != null)
  const users = userIds.length ? (await req.payload.find({ collection: 'users', where: { id: { in: userIds } }, ...system, select: { email: true, language: true } })).docs : []
  const byId = new Map(users.map((user) => [String(user.id), user]))
  for (const guardian of guardians.docs) {
    const user = byId.get(String(idOf(guardian.user)))
    const [to, language]: [string | null | undefined, Language] = user?.email ? [user.email, asLanguage(user.language)] : [guardian.email, 'fr']
    if (to) recipients.set(String(guardian.id), { to: to.toLowerCase(), name: guardian.fullName ?? '', language, guardian: guardian.id, ownChoice: Boolean(user?.email) })
  }
  return recipients
}

/**
 * The guardians' recipients, once per address: two guardians sharing one get one e-mail, in the
 * language the account holder chose when one of them has an account.
 */
export const uniqueRecipients = (ids: ID[], byGuardian: Map<string, GuardianRecipient>) => {
  const unique = new Map<string, GuardianRecipient>()
  for (const id of ids) {
    const recipient = byGuardian.get(String(id))
    const kept = recipient && unique.get(recipient.to)
    if (recipient && (!kept || (recipient.ownChoice && !kept.ownChoice))) unique.set(recipient.to, recipient)
  }
  return [...unique.values()]
}

export const guardianRecipients = async (req: PayloadRequest, ids: ID[]): Promise<GuardianRecipient[]> => uniqueRecipients(ids, await recipientsByGuardian(req, ids))
