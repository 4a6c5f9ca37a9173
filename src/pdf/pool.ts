/**
 * Bulletins rendered on every core: rendering is CPU-bound JavaScript (pdf-lib, fontkit), so a
 * school's thousand cards go to worker threads, each with a small heap of its own, rather than
 * one after the other on the thread that also holds Payload. For the worker process and the
 * command line (run by tsx); the web app renders its few cards inline.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { PrintedCard } from './reportCard'

const entry = new URL('./renderThread.ts', import.meta.url).href
// A thread does not inherit tsx's loader on Node 20: it registers it before loading its entry.
const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`

type Task = { id: number; cards: PrintedCard[]; resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }
type Reply = { id: number; pdf?: Uint8Array; error?: string }

export type RenderPool = {
  /** One PDF of these cards, a page each, rendered on the next free thread. */
  render: (cards: PrintedCard[]) => Promise<Uint8Array>
  close: () => Promise<void>
}

export const renderPool = ({ threads = availableParallelism(), heapMb = 48, youngMb = 4 } = {}): RenderPool => {
  const queue: Task[] = []
  const idle: Worker[] = []
  const busy = new Map<Worker, Task>()
  let next = 0
  let closed = false

  const dispatch = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop()!
      const task = queue.shift()!
      busy.set(worker, task)
      worker.postMessage({ id: task.id, cards: task.cards })
    }
  }
  const spawn = () => {
    // A card's garbage is short-lived and its live heap a few MB: small generations are collected
    // often and stay small (measured on 1,000 cards: 48 + 4 MB about as fast as 512 MB, for 60 MB
    // less per thread; a 40-page class about 1.4 times slower than with 96 + 8 MB).
    const worker = new Worker(bootstrap, { eval: true, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: youngMb } })
    worker.on('message', ({ id, pdf, error }: Reply) => {
      const task = busy.get(worker)
      busy.delete(worker)
      idle.push(worker)
      if (task?.id === id) {
        if (pdf) task.resolve(pdf)
        else task.reject(new Error(error))
      }
      dispatch()
    })
    // A thread that dies (out of memory, say) fails its task and is replaced.
    worker.on('error', (error) => {
      busy.get(worker)?.reject(error)
      busy.delete(worker)
    })
    worker.on('exit', () => {
      busy.get(worker)?.reject(new Error('render thread exited'))
      busy.delete(worker)
      const at = idle.indexOf(worker)
      if (at >= 0) idle.splice(at, 1)
      if (!closed) {
        spawn()
        dispatch()
      }
    })
    idle.push(worker)
  }
  for (let i = 0; i < Math.max(1, threads); i++) spawn()

  return {
    render: (cards) =>
      new Promise((resolve, reject) => {
        if (closed) return reject(new Error('render pool closed'))
        queue.push({ id: ++next, cards, resolve, reject })
        dispatch()
      }),
    close: async () => {
      closed = true
      const workers = [...idle, ...busy.keys()]
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
  }
}
