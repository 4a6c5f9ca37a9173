/** A render pool's thread: renders the bulletins it is sent and hands the PDF back. */
import { createRequire } from 'node:module'
import { deflateSync } from 'node:zlib'
import { parentPort } from 'node:worker_threads'
import { renderReportCards, type PrintedCard } from './reportCard'

// pdf-lib compresses with pako, in JavaScript; this thread does nothing but render, so its pdf-lib
// compresses with Node's zlib instead (the same format, a sixth of the card's time saved).
const pako = createRequire(import.meta.url)('pako') as { deflate: (data: Uint8Array) => Uint8Array }
pako.deflate = (data) => new Uint8Array(deflateSync(data))

parentPort!.on('message', async ({ id, cards }: { id: number; cards: PrintedCard[] }) => {
  try {
    const pdf = await renderReportCards(cards)
    parentPort!.postMessage({ id, pdf }, [pdf.buffer as ArrayBuffer])
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).stack ?? String(error) })
  }
})
