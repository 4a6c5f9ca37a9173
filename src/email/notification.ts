import type { SendEmailOptions } from 'payload'
import { asLanguage, t } from '../i18n'
import type { NotificationKind } from '../domain/notifications'
import { notificationText } from '../notifications/notify'
import { escape, serverURL } from './templates'

export type NotifiedPerson = { to: string; name: string; language: string | null | undefined }
export type Told = { kind: NotificationKind; vars: Record<string, unknown> | null; link: string | null }

/** A notification's link as an address: the workspace and the admin as they are, the portal in the reader's language. */
export const notificationURL = (link: string | null | undefined, language: string | null | undefined) => {
  const path = link || '/'
  return /^\/(console|admin|api)\b/.test(path) ? `${serverURL()}${path}` : `${serverURL()}/${asLanguage(language)}${path === '/' ? '' : path}`
}

const lines = (person: NotifiedPerson, told: Told[]) =>
  told.map((one) => {
    const { title, body } = notificationText(person.language, one.kind, one.vars)
    return { title, body, url: notificationURL(one.link, person.language) }
  })

const render = (person: NotifiedPerson, subject: string, items: ReturnType<typeof lines>, intro?: string) => {
  const lang = person.language
  const greeting = t(lang, 'email.greeting', { name: person.name || person.to })
  const text = [greeting, intro, ...items.map((item) => `${item.title}\n${item.body}\n${item.url}`), t(lang, 'email.notifications.settings'), t(lang, 'email.signature')]
    .filter(Boolean)
    .join('\n\n')
  const html = [
    `<p>${escape(greeting)}</p>`,
    intro ? `<p>${escape(intro)}</p>` : '',
    ...items.map((item) => `<p><strong>${escape(item.title)}</strong><br>${escape(item.body)}<br><a href="${escape(item.url)}">${escape(item.url)}</a></p>`),
    `<p>${escape(t(lang, 'email.notifications.settings'))}</p>`,
    `<p>${escape(t(lang, 'email.signature'))}</p>`,
  ]
    .filter(Boolean)
    .join('\n')
  return { to: person.to, subject, text, html } satisfies SendEmailOptions
}

/** One notification as an e-mail: its title as the subject, its text and its link. */
export const notificationEmail = (person: NotifiedPerson, told: Told): SendEmailOptions => {
  const items = lines(person, [told])
  return render(person, items[0]!.title, items)
}

/** The day's notifications in one e-mail, for those who asked for a digest. */
export const digestEmail = (person: NotifiedPerson, told: Told[]): SendEmailOptions =>
  render(person, t(person.language, 'email.notifications.digestSubject', { count: told.length }), lines(person, told), t(person.language, 'email.notifications.digestIntro', { count: told.length }))
