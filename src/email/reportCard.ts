import type { SendEmailOptions } from 'payload'
import type { ReportCardSnapshot } from '../domain/reportCard'
import { t, type Language } from '../i18n'
import { escape, serverURL } from './templates'

export type Recipient = { to: string; name: string; language: Language }

/** Where a family reads the card online (after logging in: the card's own access rules apply). */
export const reportCardLink = (card: number | string) => `${serverURL()}/api/report-cards/${card}/pdf`

/**
 * The e-mail telling a guardian that a pupil's bulletin is published, in the guardian's language:
 * the pupil, the term and the school named, the link, and the bulletin itself attached (`pdf`,
 * rendered in that same language).
 */
export const reportCardEmail = (recipient: Recipient, card: number | string, snapshot: ReportCardSnapshot, pdf: Uint8Array): SendEmailOptions => {
  const lang = recipient.language
  const vars = { pupil: snapshot.pupil.fullName, term: snapshot.termName, school: snapshot.school.name, className: snapshot.className, year: snapshot.schoolYear }
  const link = reportCardLink(card)
  const lines = [t(lang, 'email.greeting', { name: recipient.name || recipient.to }), t(lang, 'email.reportCard.body', vars), link, t(lang, 'email.reportCard.signature', vars)]
  const file = `${t(lang, 'email.reportCard.file')}-${snapshot.pupil.matricule}-${snapshot.termName}.pdf`.replace(/[^A-Za-z0-9._-]+/g, '-')
  return {
    to: recipient.to,
    subject: t(lang, 'email.reportCard.subject', vars),
    text: lines.join('\n\n'),
    html: lines.map((line) => (line === link ? `<p><a href="${escape(link)}">${escape(link)}</a></p>` : `<p>${escape(line)}</p>`)).join('\n'),
    attachments: [{ filename: file, content: Buffer.from(pdf), contentType: 'application/pdf' }],
  }
}
