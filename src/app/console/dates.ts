/** Dates as the teacher reads them, in the workspace's language ("vendredi 4 décembre"). */
export const longDay = (day: string, locale: string) => {
  const text = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export const shortDay = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso))
