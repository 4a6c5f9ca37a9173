/** Next runs this once per server process, before serving: the request metrics of /api/metrics and the client's address for the rate limits. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { observeRequests } = await import('./server/requests')
  observeRequests()
}
