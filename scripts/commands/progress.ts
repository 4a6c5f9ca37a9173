/** `[#####-----] 120/2000 label` on stderr, redrawn in place; only on a terminal. */
export const progressBar = () => {
  if (!process.stderr.isTTY) return undefined
  return (done: number, total: number, label = '') => {
    const width = 30
    const filled = total ? Math.round((done / total) * width) : width
    process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label}\x1b[K${done === total ? '\n' : ''}`)
  }
}
