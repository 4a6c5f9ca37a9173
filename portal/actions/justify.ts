'use server'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { APIError } from 'payload'
import { inTransaction } from '../../src/db/transaction'
import { idOf } from '../../src/access/ids'
import type { Locale } from '../i18n/locales'
import { localReq, session } from '../session'
import { refusal, kept, type FormState } from './state'

const documentTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp']
const maxBytes = Number(process.env.KELASI_MAX_UPLOAD_BYTES || 10 * 1024 * 1024)

/**
 * A guardian's justification of one absence or lateness: the text, and the certificate when one
 * is attached. Both land together or neither does; whose absence it is, Payload's rules decide.
 */
export async function justifyAbsence(locale: Locale, student: string, record: string, _state: FormState, form: FormData): Promise<FormState> {
  const { payload, user } = await session()
  if (!user) redirect(`/${locale}/login`)
  const t = await getTranslations({ locale, namespace: 'attendance' })
  const values = kept(form, 'justification')
  const text = values.justification.trim()
  const file = form.get('document')
  const attached = file instanceof File && file.size > 0 ? file : null
  const errors = [
    ...(text ? [] : [{ path: 'justification', message: t('textRequired') }]),
    ...(attached && !documentTypes.includes(attached.type) ? [{ path: 'document', message: t('documentType') }] : []),
    ...(attached && attached.size > maxBytes ? [{ path: 'document', message: t('documentSize', { max: Math.round(maxBytes / 1024 / 1024) }) }] : []),
  ]
  if (errors.length) return { errors, values }
  const req = await localReq(payload, locale, user)
  try {
    await inTransaction(req, async () => {
      const absence = await payload.findByID({ collection: 'attendance', id: record, depth: 0, overrideAccess: false, req })
      if (String(idOf(absence.student as never)) !== student) throw new APIError(t('notFound'), 404)
      const document = attached
        ? await payload.create({
            collection: 'media',
            data: { school: idOf(absence.school as never), alt: t('documentAlt', { date: absence.date.slice(0, 10) }) } as never,
            file: { data: Buffer.from(await attached.arrayBuffer()), mimetype: attached.type, name: attached.name, size: attached.size },
            overrideAccess: false,
            req,
          })
        : null
      await payload.update({
        collection: 'attendance',
        id: absence.id,
        data: { justification: text, ...(document ? { justificationDocument: document.id } : {}) },
        overrideAccess: false,
        req,
      })
    })
  } catch (error) {
    return refusal(error, values)
  }
  redirect(`/${locale}/students/${student}/attendance?justified=${record}#record-${record}`)
}
