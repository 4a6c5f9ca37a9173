import type { Endpoint, PayloadRequest } from 'payload'
import { idsOf, type ID } from '../../src/access/ids'
import { reachOf } from '../../src/access/reach'
import { needUser } from '../../src/api/request'
import { reachGroups, type Reach } from '../../src/domain/messaging'
import { rolesOf } from '../../src/domain/roles'

export type Correspondent = { id: ID; name: string; group: keyof Reach }

/**
 * Whom the caller may write to in `school`, by relation (their children's teachers, the desk, the
 * families of their classes), with names: what the new-message forms offer, nothing more.
 */
export const correspondentsOf = async (req: PayloadRequest, school: ID = idsOf(req.user?.schools)[0]): Promise<Correspondent[]> => {
  if (school == null) return []
  const reach = await reachOf(req, school)
  const me = String(req.user?.id)
  const seen = new Set<string>([me])
  const entries = reachGroups(rolesOf(req.user)).flatMap((group) =>
    reach[group].filter((id) => !seen.has(String(id)) && Boolean(seen.add(String(id)))).map((id) => ({ id, group })),
  )
  if (!entries.length) return []
  const found = await req.payload.find({ collection: 'users', where: { id: { in: entries.map((e) => e.id) } }, depth: 0, pagination: false, overrideAccess: true, select: { name: true }, req })
  const names = new Map(found.docs.map((user) => [String(user.id), user.name]))
  return entries
    .filter((entry) => names.has(String(entry.id)))
    .map((entry) => ({ ...entry, name: names.get(String(entry.id))! }))
    .sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name))
}

/** GET /api/conversations/correspondents — whom the caller may write to (the workspace's form). */
export const correspondentsEndpoint: Endpoint = {
  path: '/correspondents',
  method: 'get',
  handler: async (req) => {
    needUser(req)
    return Response.json({ docs: await correspondentsOf(req) })
  },
}
