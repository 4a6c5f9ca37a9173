/**
 * A small horizontal bar chart drawn by the server as SVG: no client script. Its title and
 * description name it for screen readers; every bar is a link to the list behind it, named by
 * its label and its figure written beside it, so the numbers never hide in a shape. A group,
 * not an image: an image's links would be out of reach.
 */
export type Segment = { value: number; tone: 'primary' | 'secondary' }
export type Bar = { label: string; href: string; segments: Segment[]; text: string }

const tones = { primary: 'var(--theme-success-500, #2f7d4a)', secondary: 'var(--theme-warning-500, #c98a1b)' }
const [width, labelWidth, textWidth, rowHeight] = [760, 150, 330, 22]

export const BarChart = ({ id, title, description, bars, max }: { id: string; title: string; description: string; bars: Bar[]; max?: number }) => {
  const scale = max ?? Math.max(1, ...bars.map((bar) => bar.segments.reduce((sum, s) => sum + s.value, 0)))
  const room = width - labelWidth - textWidth
  const height = bars.length * rowHeight + 4
  return (
    <figure style={{ margin: '0 0 var(--base)' }}>
      <svg role="group" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width, display: 'block' }}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((bar, row) => {
          const y = row * rowHeight + 2
          let x = labelWidth
          return (
            <a key={row} href={bar.href}>
              <text x={labelWidth - 8} y={y + rowHeight / 2 + 4} textAnchor="end" fontSize="12" style={{ fill: 'var(--theme-text)' }}>{bar.label}</text>
              {bar.segments.map((segment, n) => {
                const w = (segment.value / scale) * room
                const rect = <rect key={n} x={x} y={y + 3} width={Math.max(0, w)} height={rowHeight - 6} style={{ fill: tones[segment.tone] }} />
                x += w
                return rect
              })}
              <text x={x + 6} y={y + rowHeight / 2 + 4} fontSize="12" style={{ fill: 'var(--theme-text)' }}>{bar.text}</text>
            </a>
          )
        })}
      </svg>
      <figcaption style={{ fontWeight: 600 }}>{title}</figcaption>
    </figure>
  )
}
