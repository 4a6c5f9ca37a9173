/**
 * What a notification is and how each one goes out: pure rules, no Payload. In-app is always
 * on (it costs nothing and waits for the reader); e-mail and SMS follow the person's choices.
 */
export const notificationKinds = [
  'reportCardPublished',
  'invoiceIssued',
  'invoiceOverdue',
  'paymentReceived',
  'absenceRecorded',
  'messageReceived',
  'announcementPublished',
] as const
export type NotificationKind = (typeof notificationKinds)[number]

/** `pending`: to send now; `waiting`: after quiet hours; `digest`: in the evening's e-mail; `skipped`: not wanted, no address, or closed. */
export const deliveryStatuses = ['pending', 'waiting', 'digest', 'sent', 'skipped'] as const
export type DeliveryStatus = (typeof deliveryStatuses)[number]

export type NotificationPreferences = {
  email?: readonly string[] | null
  sms?: readonly string[] | null
  digest?: boolean | null
  quietFrom?: string | null
  quietUntil?: string | null
}

/** Every kind by e-mail; by SMS (which the school pays for) only what a family must know at once. */
export const defaultPreferences = {
  email: [...notificationKinds],
  sms: ['absenceRecorded', 'paymentReceived'] as NotificationKind[],
  digest: false,
  quietFrom: '21:00',
  quietUntil: '06:00',
} satisfies NotificationPreferences

/** `HH:MM`, 00:00 to 23:59. */
export const isClockTime = (value: unknown): value is string => typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))

/** The schools' clocks: Kinshasa, UTC+1 all year (no summer time), as the registers date things. */
export const schoolOffsetMinutes = 60

/** Minutes since midnight on the school's clock. */
const schoolMinutes = (at: Date) => {
  const local = new Date(at.getTime() + schoolOffsetMinutes * 60_000)
  return local.getUTCHours() * 60 + local.getUTCMinutes()
}

/**
 * When quiet hours hold `at`, the moment they end (the next `quietUntil` on the school's clock);
 * otherwise null. Hours may span midnight (21:00–06:00). Equal or missing bounds: no quiet hours.
 */
export const quietHoursEnd = (preferences: NotificationPreferences, at: Date): Date | null => {
  const { quietFrom, quietUntil } = preferences
  if (!isClockTime(quietFrom) || !isClockTime(quietUntil) || quietFrom === quietUntil) return null
  const [from, until, now] = [minutesOf(quietFrom), minutesOf(quietUntil), schoolMinutes(at)]
  const quiet = from < until ? now >= from && now < until : now >= from || now < until
  if (!quiet) return null
  const wait = (until - now + 24 * 60) % (24 * 60)
  const end = new Date(at.getTime() + wait * 60_000)
  end.setUTCSeconds(0, 0)
  return end
}

export type ChannelPlan = { status: Extract<DeliveryStatus, 'pending' | 'waiting' | 'digest' | 'skipped'>; after?: Date }

/**
 * How one notification goes out by e-mail and by SMS for a person with these preferences (their
 * own, or the defaults for a guardian without an account) and these addresses: skipped when the
 * person does not want that kind on that channel or has no address for it; the e-mail kept for
 * the daily digest when they asked for one; otherwise now, or at the end of their quiet hours.
 */
export const deliveryPlan = (
  kind: NotificationKind,
  preferences: NotificationPreferences | null | undefined,
  reach: { email?: string | null; phone?: string | null },
  at: Date,
): { email: ChannelPlan; sms: ChannelPlan } => {
  const chosen = { ...defaultPreferences, ...Object.fromEntries(Object.entries(preferences ?? {}).filter(([, value]) => value != null)) }
  const quietEnd = quietHoursEnd(chosen, at)
  const timed = (): ChannelPlan => (quietEnd ? { status: 'waiting', after: quietEnd } : { status: 'pending' })
  const email: ChannelPlan = !reach.email || !chosen.email.includes(kind) ? { status: 'skipped' } : chosen.digest ? { status: 'digest' } : timed()
  const sms: ChannelPlan = !reach.phone || !chosen.sms.includes(kind) ? { status: 'skipped' } : timed()
  return { email, sms }
}

/** An SMS is one segment of 160 GSM characters where it can be: the text, cut with an ellipsis. */
export const smsText = (title: string, body: string, max = 160) => {
  const text = body ? `${title}\n${body}` : title
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}
