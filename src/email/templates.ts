import { asLanguage, t } from '../i18n'

export const serverURL = () => process.env.SERVER_URL || `http://localhost:${process.env.PORT || 3000}`

/** Text made safe inside HTML: & < > " ' as entities (the e-mails' one escape). */
export const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

type Recipient = { name?: string | null; email?: string | null; language?: string | null; roles?: string[] | null }

/** Families use the portal, in their language; staff use the admin. */
const portalOf = (user: Recipient) => {
  const family = (user.roles ?? []).length > 0 && (user.roles ?? []).every((role) => role === 'parent' || role === 'student')
  return family ? `${serverURL()}/${asLanguage(user.language)}` : null
}

/** A short, plain e-mail in the recipient's language: greeting, one paragraph, one link. */
const message = (user: Recipient, bodyKey: string, link: string) => {
  const lang = user.language
  const name = escape(user.name || user.email || '')
  return [
    `<p>${escape(t(lang, 'email.greeting', { name }))}</p>`,
    `<p>${escape(t(lang, bodyKey))}</p>`,
    `<p><a href="${escape(link)}">${escape(link)}</a></p>`,
    `<p>${escape(t(lang, 'email.ignore'))}</p>`,
    `<p>${escape(t(lang, 'email.signature'))}</p>`,
  ].join('\n')
}

export const verifyLink = (token: string, user: Recipient = {}) => `${portalOf(user) ?? `${serverURL()}/admin/users`}/verify/${token}`
export const resetLink = (token: string, user: Recipient = {}) => `${portalOf(user) ?? `${serverURL()}/admin`}/reset/${token}`

export const verifyEmail = {
  generateEmailSubject: ({ user }: { user: Recipient }) => t(user.language, 'email.verifySubject'),
  generateEmailHTML: ({ token, user }: { token: string; user: Recipient }) =>
    message(user, 'email.verifyBody', verifyLink(token, user)),
}

export const resetEmail = {
  generateEmailSubject: (args?: { user?: Recipient }) => t(args?.user?.language, 'email.resetSubject'),
  generateEmailHTML: (args?: { token?: string; user?: Recipient }) =>
    message(args?.user ?? {}, 'email.resetBody', resetLink(args?.token ?? '', args?.user)),
}
