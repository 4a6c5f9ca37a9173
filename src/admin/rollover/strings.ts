/** The `rollover.*` strings the drawer shows, sent to it already in the user's language. */
export const stringKeys = [
  'action',
  'intro',
  'nextYear',
  'noNextYear',
  'passMark',
  'preview',
  'apply',
  'applying',
  'confirmTitle',
  'confirmBody',
  'cancel',
  'applied',
  'pupils',
  'pupil',
  'percentage',
  'decision',
  'nextClass',
  'newClass',
  'keptPlace',
  'proposed',
  'byDefault',
  'classesToCreate',
  'warningsTitle',
  'blocking',
  'failed',
  'decisions.promoted',
  'decisions.repeating',
  'decisions.leaving',
  'decisions.graduated',
] as const

export type RolloverStrings = Record<(typeof stringKeys)[number], string>

/** The note after a decision the deliberation did not record. */
export const sourceNote = { recorded: null, percentage: 'proposed', default: 'byDefault' } as const

/** Fills `{{name}}` placeholders, as src/i18n does on the server. */
export const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name) => String(vars[name] ?? ''))
