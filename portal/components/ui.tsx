import type { ReactNode } from 'react'

/** The page's one h1, which also names the browser tab (React hoists the title into the head), and an optional line under it. */
export const Title = ({ children, lead }: { children: string; lead?: ReactNode }) => (
  <div className="mb-6">
    <title>{`${children} · Kelasi`}</title>
    <h1 className="text-2xl font-bold tracking-tight">{children}</h1>
    {lead ? <p className="mt-1 text-slate-700">{lead}</p> : null}
  </div>
)

export const Card = ({ children, title, className }: { children: ReactNode; title?: ReactNode; className?: string }) => (
  <section className={`rounded-lg border border-slate-300 bg-white p-4 shadow-sm ${className ?? ''}`}>
    {title ? <h2 className="mb-3 text-lg font-semibold">{title}</h2> : null}
    {children}
  </section>
)

/** A narrow column for the sign-in and sign-up forms. */
export const Narrow = ({ children }: { children: ReactNode }) => <div className="mx-auto max-w-md">{children}</div>

export const Empty = ({ children }: { children: ReactNode }) => <p className="rounded border border-dashed border-slate-400 p-4 text-slate-700">{children}</p>

export const linkClass = 'font-medium text-brand-dark underline underline-offset-2 hover:text-brand'

/** A status as a word in a coloured pill: the colour never carries the meaning alone. */
export const Pill = ({ tone, children }: { tone: 'good' | 'bad' | 'warn' | 'neutral'; children: ReactNode }) => {
  const tones = { good: 'bg-emerald-100 text-emerald-900', bad: 'bg-red-100 text-red-900', warn: 'bg-amber-100 text-amber-900', neutral: 'bg-slate-200 text-slate-900' }
  return <span className={`inline-block rounded-full px-2 py-0.5 text-sm font-medium ${tones[tone]}`}>{children}</span>
}

/** A confirmation read out by screen readers when it appears. */
export const Notice = ({ children }: { children: ReactNode }) => (
  <p role="status" className="mb-4 rounded border-2 border-emerald-700 bg-emerald-50 p-3 text-emerald-900">
    {children}
  </p>
)
