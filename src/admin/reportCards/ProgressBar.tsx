'use client'

type Props = { done: number; total: number; text: string; labelledBy?: string; label?: string; compact?: boolean }

/** A progress bar screen readers read as such (role, value, maximum, the same words as shown), with its text beside it. */
export const ProgressBar = ({ done, total, text, labelledBy, label, compact }: Props) => {
  const max = Math.max(total, 1)
  const percent = Math.min(100, Math.round((Math.min(done, max) / max) * 100))
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: compact ? 6 : 12 }}>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(done, max)}
        aria-valuetext={text}
        aria-labelledby={labelledBy}
        aria-label={labelledBy ? undefined : label}
        style={{
          flex: compact ? '0 0 64px' : '1 1 auto',
          maxWidth: compact ? 64 : 480,
          height: compact ? 6 : 12,
          borderRadius: 6,
          background: 'var(--theme-elevation-150)',
          overflow: 'hidden',
        }}
      >
        <div style={{ width: `${percent}%`, height: '100%', background: 'var(--theme-success-500)', transition: 'width 300ms ease' }} />
      </div>
      <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{text}</span>
    </div>
  )
}
