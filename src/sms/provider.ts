/**
 * What Kelasi expects of an SMS gateway (an aggregator such as those that reach Vodacom, Orange,
 * Airtel and Africell numbers): send one text to one number, with our reference so that the
 * gateway can refuse a second send of the same message. Pure Node, no Payload.
 */
export interface SmsMessage {
  /** International format, `+243…`. */
  to: string
  text: string
  /** Our idempotency key: the notification and channel (`notification:12:sms`). */
  reference: string
}

export interface SmsProvider {
  name: string
  send(message: SmsMessage): Promise<{ providerReference: string }>
}

/** A Congolese number as gateways want it: `+243` and nine digits, from `081…`, `243…` or `+243 81 …`. */
export const internationalNumber = (phone: string | null | undefined): string | null => {
  const digits = (phone ?? '').replace(/[\s.()-]/g, '')
  const national = /^(?:\+?243|0)?([1-9]\d{8})$/.exec(digits)
  if (national) return `+243${national[1]}`
  return /^\+[1-9]\d{7,14}$/.test(digits) ? digits : null
}
