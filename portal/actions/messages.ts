'use server'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import type { PayloadRequest } from 'payload'
import { idsOf, storedId, type ID } from '../../src/access/ids'
import { inTransaction } from '../../src/db/transaction'
import { paragraphs } from '../../src/domain/richText'
import type { Locale } from '../i18n/locales'
import { localReq, session } from '../session'
import { kept, refusal, type FormState } from './state'

/** The attached file, when one was chosen. */
const attachedFile = (form: FormData) => {
  const file = form.get('file')
  return file instanceof File && file.size > 0 ? file : null
}

/** The message, and its file first when there is one, as the signed-in person: Payload's rules decide the rest. */
const send = async (req: PayloadRequest, conversation: ID, text: string, file: File | null) => {
  const attachment = file
    ? await req.payload.create({
        collection: 'message-attachments',
        data: { conversation } as never,
        file: { data: Buffer.from(await file.arrayBuffer()), mimetype: file.type, name: file.name, size: file.size },
        overrideAccess: false,
        req,
      })
    : null
  return req.payload.create({ collection: 'messages', data: { conversation, body: paragraphs(text), ...(attachment ? { attachments: [attachment.id] } : {}) } as never, overrideAccess: false, req })
}

const signedIn = async (locale: Locale) => {
  const { payload, user } = await session()
  if (!user) redirect(`/${locale}/login`)
  return { req: await localReq(payload, locale, user), user }
}

/**
 * A new conversation with one of the people the form offered, and its first message, both or
 * neither. A forged post naming someone else is refused by the conversation's own rules.
 */
export async function startConversation(locale: Locale, _state: FormState, form: FormData): Promise<FormState> {
  const { req, user } = await signedIn(locale)
  const t = await getTranslations({ locale, namespace: 'messages' })
  const values = kept(form, 'participants', 'topic', 'body', 'student')
  const errors = [
    ...(values.participants ? [] : [{ path: 'participants', message: t('recipientRequired') }]),
    ...(values.topic.trim() ? [] : [{ path: 'topic', message: t('topicRequired') }]),
    ...(values.body.trim() || attachedFile(form) ? [] : [{ path: 'body', message: t('bodyRequired') }]),
  ]
  if (errors.length) return { errors, values }
  let id: ID
  try {
    id = await inTransaction(req, async () => {
      const conversation = await req.payload.create({
        collection: 'conversations',
        data: { school: idsOf(user.schools)[0], topic: values.topic.trim(), participants: [storedId(values.participants)], ...(values.student ? { student: storedId(values.student) } : {}) } as never,
        overrideAccess: false,
        req,
      })
      await send(req, conversation.id, values.body, attachedFile(form))
      return conversation.id
    })
  } catch (error) {
    return refusal(error, values)
  }
  redirect(`/${locale}/messages/${id}?sent=1`)
}

/** A reply in a conversation the person takes part in (refused when it is closed, or a class's). */
export async function reply(locale: Locale, conversation: string, _state: FormState, form: FormData): Promise<FormState> {
  const { req } = await signedIn(locale)
  const t = await getTranslations({ locale, namespace: 'messages' })
  const values = kept(form, 'body')
  if (!values.body.trim() && !attachedFile(form)) return { errors: [{ path: 'body', message: t('bodyRequired') }], values }
  try {
    await inTransaction(req, () => send(req, storedId(conversation), values.body, attachedFile(form)))
  } catch (error) {
    return refusal(error, values)
  }
  redirect(`/${locale}/messages/${conversation}?sent=1#last`)
}
