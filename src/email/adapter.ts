import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

/**
 * Payload's e-mail adapter over nodemailer and SMTP from the environment. `npm start` and the
 * tests start a local SMTP catcher and point SMTP_HOST/SMTP_PORT at it, so mail is really
 * sent and can be read back. (The official @payloadcms/email-nodemailer stops at 3.90.1 and
 * Payload refuses mixed versions, so the same few lines live here.)
 */
export const emailAdapter = (): EmailAdapter => {
  const defaultFromAddress = process.env.SMTP_FROM || 'no-reply@kelasi.test'
  const defaultFromName = process.env.SMTP_FROM_NAME || 'Kelasi'
  const secure = process.env.SMTP_SECURE === 'true'
  const transport = nodemailer.createTransport({
    host: process.env.SMTP_HOST || '127.0.0.1',
    port: Number(process.env.SMTP_PORT || 2525),
    secure,
    auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } : undefined,
    ignoreTLS: !secure && !process.env.SMTP_USER,
  })
  return () => ({
    name: 'nodemailer',
    defaultFromAddress,
    defaultFromName,
    sendEmail: async (message) => {
      const from = message.from || { name: defaultFromName, address: defaultFromAddress }
      return transport.sendMail({ ...message, from })
    },
  })
}
