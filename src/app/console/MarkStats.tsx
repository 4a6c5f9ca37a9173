import { Paper, Stack, Typography } from '@mui/material'
import { useLocaleState, useTranslate } from 'react-admin'
import type { sheetStatistics } from './marks'

/** Class average, lowest and highest mark, recomputed at every keystroke. */
export const MarkStats = ({ statistics, total, maximum }: { statistics: ReturnType<typeof sheetStatistics>; total: number; maximum: number }) => {
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const number = (value: number | null) => (value === null ? translate('kelasi.gradebook.none') : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)} / ${maximum}`)
  const figures = [
    ['average', statistics.average],
    ['min', statistics.min],
    ['max', statistics.max],
  ] as const
  return (
    <Paper elevation={2} sx={{ position: 'sticky', top: { xs: 56, sm: 64 }, zIndex: 2, p: 1, my: 1 }}>
      <Stack direction="row" spacing={2} role="status" aria-live="polite" sx={{ flexWrap: 'wrap' }} data-testid="mark-stats">
        {figures.map(([key, value]) => (
          <Typography key={key}>
            {translate(`kelasi.gradebook.${key}`)} <strong>{number(value)}</strong>
          </Typography>
        ))}
        <Typography color="text.secondary">{translate('kelasi.gradebook.marked', { count: statistics.count, total })}</Typography>
      </Stack>
    </Paper>
  )
}
