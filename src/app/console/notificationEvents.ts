/** Said by the list when it marks notifications read, so the bell counts again. */
export const readEvent = 'kelasi:notifications-read'
export const announceRead = () => window.dispatchEvent(new Event(readEvent))
