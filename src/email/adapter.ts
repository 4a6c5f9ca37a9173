import { nodemailerAdapter } from '@payloadcms/email-nodemailer'

/**
 * SMTP from the environment. `npm start` and the tests start a local SMTP catcher and point
 * SMTP_HOST/SMTP_PORT at it, so mail is really sent and can be read back.
 */
export const emailAdapter = () =>
  nodemailerAdapter({
    defaultFromAddress: process.env.SMTP_FROM || 'no-reply@kelasi.test',
    defaultFromName: process.env.SMTP_FROM_NAME || 'Kelasi',
    skipVerify: true,
    transportOptions: {
      host: process.env.SMTP_HOST || '127.0.0.1',
      port: Number(process.env.SMTP_PORT || 1025),
      secure: process.env.SMTP_SECURE === 'true',
      auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } : undefined,
      ignoreTLS: process.env.SMTP_SECURE !== 'true' && !process.env.SMTP_USER,
    },
  })
