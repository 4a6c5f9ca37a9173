/** The preferences form's field names: Payload's paths, so that its errors land beside the right field. */
export const preferenceFields = {
  email: 'notificationPreferences.email',
  sms: 'notificationPreferences.sms',
  digest: 'notificationPreferences.digest',
  quietFrom: 'notificationPreferences.quietFrom',
  quietUntil: 'notificationPreferences.quietUntil',
} as const
