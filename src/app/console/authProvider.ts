import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin'
import { httpClient } from './dataProvider'

type Me = { id: number; name: string; email: string; roles: string[] }

/** Who may work here: the register and gradebook keepers. Parents, students and finance have their own spaces. */
const staffRoles = ['teacher', 'secretariat', 'admin', 'it']
export const isStaff = (roles: unknown) => Array.isArray(roles) && roles.some((role) => staffRoles.includes(role))

/** The signed-in user (Payload's `/api/users/me`), or null. */
const me = async (): Promise<Me | null> => (await httpClient('/api/users/me')).json?.user ?? null

/** Payload's own reason for a refused login (it says why: wrong password, locked account…). */
const loginRefusal = (error: unknown) => {
  const body = error instanceof HttpError ? (error.body as { errors?: { message?: string }[] } | undefined) : undefined
  return new Error(body?.errors?.[0]?.message || 'kelasi.auth.failed')
}

export type Identity = UserIdentity & { roles: string[]; teacher: number | null }

export const authProvider: AuthProvider = {
  login: async ({ email, password }: { email: string; password: string }) => {
    try {
      await httpClient('/api/users/login', { method: 'POST', body: JSON.stringify({ email, password }) })
    } catch (error) {
      throw loginRefusal(error)
    }
  },
  logout: async () => {
    // Signing out of an expired session is already done.
    await httpClient('/api/users/logout', { method: 'POST' }).catch(() => undefined)
  },
  checkAuth: async () => {
    // No notification for the first visit: the login page says enough.
    if (!(await me())) throw { message: false }
  },
  // A refusal (403) keeps the session and is shown where it happened; only a lost session signs out.
  checkError: async (error: { status?: number }) => {
    if (error?.status === 401) throw error
  },
  getIdentity: async (): Promise<Identity> => {
    const user = await me()
    if (!user) throw new Error('kelasi.auth.failed')
    const teachers = user.roles.includes('teacher') ? (await httpClient(`/api/v1/teachers?${new URLSearchParams({ filter: JSON.stringify({ user: user.id }) })}`)).json : []
    return { id: user.id, fullName: user.name, roles: user.roles, teacher: teachers[0]?.id ?? null }
  },
  getPermissions: async () => (await me())?.roles ?? [],
}
