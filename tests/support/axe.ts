import path from 'node:path'
import type { Page } from 'playwright-core'
import { shots } from './browser'

const axeScript = path.resolve('node_modules/axe-core/axe.min.js')

type Violation = { id: string; impact: string | null; help: string; nodes: string[] }

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it stands, or on the part `within` selects. */
export const axeViolations = async (page: Page, within?: string): Promise<Violation[]> => {
  await page.addScriptTag({ path: axeScript })
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (context: Document | { include: string[] }, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run(selector ? { include: [selector] } : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }))
  }, within)
}

/** A screenshot of the page in the test output, then no accessibility violation allowed (in the part `within` selects). */
export const expectAccessible = async (page: Page, name: string, within?: string) => {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
  expect({ page: name, violations: await axeViolations(page, within) }).toEqual({ page: name, violations: [] })
}
