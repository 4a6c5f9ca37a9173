import { defaultPreferences, deliveryPlan, isClockTime, quietHoursEnd, smsText } from '../../src/domain/notifications'
import { notificationText } from '../../src/notifications/notify'
import { internationalNumber } from '../../src/sms/provider'

/** A moment given on the school's clock (Kinshasa, UTC+1). */
const kinshasa = (day: string, clock: string) => new Date(`${day}T${clock}:00+01:00`)

describe('quiet hours', () => {
  it('over midnight: 22:30 and 05:59 are quiet and end at 06:00 the right morning; 06:00 and noon are not', () => {
    const hours = { quietFrom: '21:00', quietUntil: '06:00' }
    expect(quietHoursEnd(hours, kinshasa('2026-12-07', '22:30'))?.toISOString()).toBe(kinshasa('2026-12-08', '06:00').toISOString())
    expect(quietHoursEnd(hours, kinshasa('2026-12-08', '05:59'))?.toISOString()).toBe(kinshasa('2026-12-08', '06:00').toISOString())
    expect(quietHoursEnd(hours, kinshasa('2026-12-08', '06:00'))).toBeNull()
    expect(quietHoursEnd(hours, kinshasa('2026-12-08', '12:00'))).toBeNull()
    expect(quietHoursEnd(hours, kinshasa('2026-12-08', '20:59'))).toBeNull()
  })
  it('within a day (a nap from 13:00 to 15:00), and none when the bounds are equal or missing', () => {
    expect(quietHoursEnd({ quietFrom: '13:00', quietUntil: '15:00' }, kinshasa('2026-12-08', '14:10'))?.toISOString()).toBe(kinshasa('2026-12-08', '15:00').toISOString())
    expect(quietHoursEnd({ quietFrom: '13:00', quietUntil: '15:00' }, kinshasa('2026-12-08', '15:00'))).toBeNull()
    expect(quietHoursEnd({ quietFrom: '08:00', quietUntil: '08:00' }, kinshasa('2026-12-08', '08:00'))).toBeNull()
    expect(quietHoursEnd({ quietFrom: null, quietUntil: '08:00' }, kinshasa('2026-12-08', '07:00'))).toBeNull()
  })
  it('takes HH:MM only', () => {
    expect(['00:00', '06:30', '23:59'].every(isClockTime)).toBe(true)
    expect(['24:00', '6:30', '06h30', '', null, '12:60'].some(isClockTime)).toBe(false)
  })
})

describe('delivery plan', () => {
  const noon = kinshasa('2026-12-08', '12:00')
  const night = kinshasa('2026-12-08', '23:00')
  const reach = { email: 'maman@example.cd', phone: '+243810000001' }
  it('by default: every kind by e-mail, SMS only for absences and payments', () => {
    expect(deliveryPlan('absenceRecorded', null, reach, noon)).toEqual({ email: { status: 'pending' }, sms: { status: 'pending' } })
    expect(deliveryPlan('announcementPublished', null, reach, noon)).toEqual({ email: { status: 'pending' }, sms: { status: 'skipped' } })
    expect(defaultPreferences.sms).toEqual(['absenceRecorded', 'paymentReceived'])
  })
  it('skips a channel the person has no address for, or did not choose for that kind', () => {
    expect(deliveryPlan('absenceRecorded', null, { email: null, phone: null }, noon)).toEqual({ email: { status: 'skipped' }, sms: { status: 'skipped' } })
    expect(deliveryPlan('messageReceived', { email: ['absenceRecorded'], sms: ['messageReceived'] }, reach, noon)).toEqual({ email: { status: 'skipped' }, sms: { status: 'pending' } })
  })
  it('keeps e-mails for the digest when asked (SMS still go out), and waits for the end of quiet hours', () => {
    expect(deliveryPlan('absenceRecorded', { digest: true }, reach, noon)).toEqual({ email: { status: 'digest' }, sms: { status: 'pending' } })
    const after = kinshasa('2026-12-09', '06:00')
    expect(deliveryPlan('absenceRecorded', null, reach, night)).toEqual({ email: { status: 'waiting', after }, sms: { status: 'waiting', after } })
    expect(deliveryPlan('absenceRecorded', { quietFrom: '', quietUntil: '' }, reach, night).sms).toEqual({ status: 'pending' })
  })
})

describe('SMS', () => {
  it('a text fits one 160-character message, cut with an ellipsis', () => {
    expect(smsText('Absence de Grâce', 'Absente ce matin.')).toBe('Absence de Grâce\nAbsente ce matin.')
    const long = smsText('Annonce', 'x'.repeat(300))
    expect(long).toHaveLength(160)
    expect(long.endsWith('…')).toBe(true)
  })
  it('numbers in the international format gateways want, or none', () => {
    expect(internationalNumber('081 234 5678')).toBe('+243812345678')
    expect(internationalNumber('+243 81 234 56 78')).toBe('+243812345678')
    expect(internationalNumber('243812345678')).toBe('+243812345678')
    expect(internationalNumber('+33612345678')).toBe('+33612345678')
    expect(internationalNumber('12')).toBeNull()
    expect(internationalNumber(null)).toBeNull()
  })
})

describe('what a notification says', () => {
  it('in the reader’s language, the words chosen by the facts: absent, late, or both', () => {
    const vars = { pupil: 'MUKENDI Grâce', date: '07/12/2026', absences: 1, lates: 0, lessons: ' (Mathématiques 07:30)', variant: 'Absent' }
    expect(notificationText('fr', 'absenceRecorded', vars)).toEqual({
      title: 'MUKENDI Grâce : absence le 07/12/2026',
      body: 'Absence notée le 07/12/2026 (Mathématiques 07:30). Justifiez-la sur Kelasi ou auprès de l’école.',
    })
    expect(notificationText('en', 'absenceRecorded', { ...vars, absences: 0, lates: 1, variant: 'Late' }).title).toBe('MUKENDI Grâce: late on 07/12/2026')
    expect(notificationText('fr', 'absenceRecorded', { ...vars, lates: 1, variant: 'Both' }).body).toBe('Absence(s) : 1, retard(s) : 1 (Mathématiques 07:30). Justifiez-les sur Kelasi ou auprès de l’école.')
    expect(notificationText('en', 'paymentReceived', { pupil: 'Grâce', amount: '25.00 USD', number: 'FAC-1' })).toEqual({ title: 'Payment received for Grâce', body: '25.00 USD received on invoice FAC-1. Thank you.' })
  })
})
