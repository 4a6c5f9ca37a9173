import { RichText } from '@payloadcms/richtext-lexical/react'
import { getTranslations } from 'next-intl/server'
import { notFound } from 'next/navigation'
import { reply } from '../actions/messages'
import { ActionForm, Field, Submit } from '../components/ActionForm'
import { linkClass, Notice, Pill, Title } from '../components/ui'
import { threadOf } from '../data/messages'
import { formatMoment, formatNumber } from '../format'
import type { Locale } from '../i18n/locales'
import { familyMember } from '../session'
import { writeRefusal } from '../../src/domain/messaging'
import { rolesOf } from '../../src/domain/roles'

/** A conversation's messages, oldest first, "read" beside one's own that the others have read; the reply box while one may write. */
export const Conversation = async ({ locale, id, sent }: { locale: Locale; id: string; sent?: string }) => {
  const member = await familyMember(locale, `/${locale}/messages/${id}`)
  const t = await getTranslations({ locale, namespace: 'messages' })
  const f = await getTranslations({ locale, namespace: 'form' })
  const thread = await threadOf(member, id)
  if (!thread) notFound()
  const { conversation, messages } = thread
  const refusal = writeRefusal({ kind: conversation.kind, status: conversation.status, participants: (conversation.participants ?? []) as number[] }, member.user.id, rolesOf(member.user))
  return (
    <>
      <Title lead={<a className={linkClass} href={`/${locale}/messages`}>{t('back')}</a>}>{conversation.topic}</Title>
      {sent ? <Notice>{t('sent')}</Notice> : null}
      <ol className="space-y-3">
        {messages.map((m, i) => (
          <li key={m.id} id={i === messages.length - 1 ? 'last' : undefined} className={`rounded-lg border p-3 ${m.mine ? 'ml-6 border-brand/40 bg-white' : 'mr-6 border-slate-300 bg-slate-100'}`}>
            <p className="text-sm text-slate-700">
              <span className="font-semibold text-slate-900">{m.mine ? t('you') : m.authorName}</span> · {formatMoment(locale, m.createdAt)}
              {m.mine && m.read ? <> · <Pill tone="good">{t('read')}</Pill></> : null}
            </p>
            {m.body ? <RichText data={m.body as never} className="mt-1 space-y-2" /> : null}
            {m.attachments.length ? (
              <ul className="mt-2">
                {m.attachments.map((a) => (
                  <li key={a.id}>
                    <a className={linkClass} href={a.url ?? '#'}>
                      {t('attachment', { name: a.filename ?? '', size: formatNumber(locale, (a.filesize ?? 0) / 1024 / 1024, 1) })}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {refusal ? (
        <p className="mt-4 rounded border border-slate-400 bg-white p-3">{t(`cannotWrite.${refusal}`)}</p>
      ) : (
        <ActionForm action={reply.bind(null, locale, String(conversation.id))} errorTitle={f('errorTitle')} className="mt-6 space-y-3">
          <Field name="body" label={t('reply')} multiline />
          <Field name="file" type="file" label={t('attach')} hint={t('attachHint')} />
          <Submit>{t('send')}</Submit>
        </ActionForm>
      )}
    </>
  )
}
