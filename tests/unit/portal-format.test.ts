import { formatDay, formatMoment, formatMoney, formatNumber, notificationHref } from '../../portal/format'

describe('the portal writes dates, money and marks as each language does', () => {
  it('money from minor units, in the invoice’s currency', () => {
    expect(formatMoney('fr', 1_500, 'USD').replace(/\s/g, ' ')).toBe('15,00 $US')
    expect(formatMoney('en', 1_500, 'USD')).toBe('US$15.00')
    expect(formatMoney('fr', 2_850_000, 'CDF').replace(/\s/g, ' ')).toBe('28 500,00 FC')
  })
  it('a register’s day as written, whatever the time zone; a moment in Kinshasa time', () => {
    expect(formatDay('fr', '2026-11-17T00:00:00.000Z')).toBe('17 nov. 2026')
    expect(formatDay('en', '2026-11-17T00:00:00.000Z')).toBe('17 Nov 2026')
    // 23:30 UTC is already the next day in Kinshasa (UTC+1).
    expect(formatMoment('fr', '2026-11-17T23:30:00.000Z')).toBe('18 nov. 2026, 00:30')
    expect(formatDay('fr', null)).toBe('')
  })
  it('marks with the language’s decimal sign, and a dash for none', () => {
    expect(formatNumber('fr', 12.5)).toBe('12,5')
    expect(formatNumber('en', 12.5)).toBe('12.5')
    expect(formatNumber('fr', 64.25, 1)).toBe('64,3')
    expect(formatNumber('fr', null)).toBe('—')
  })
})

describe('where a notification leads', () => {
  it('a portal path in the reader’s language; the workspace as it is', () => {
    expect(notificationHref('fr', '/students/12/attendance')).toBe('/fr/students/12/attendance')
    expect(notificationHref('en', '/')).toBe('/en')
    expect(notificationHref('en', '/console#/classes/3/show')).toBe('/console#/classes/3/show')
  })
  it('nowhere for what is not a path of this site', () => {
    expect(notificationHref('fr', null)).toBeNull()
    expect(notificationHref('fr', '')).toBeNull()
    expect(notificationHref('fr', '//evil.example/x')).toBeNull()
    expect(notificationHref('fr', '/\\evil.example')).toBeNull()
    expect(notificationHref('fr', 'https://evil.example')).toBeNull()
    expect(notificationHref('fr', 'javascript:alert(1)')).toBeNull()
  })
})
