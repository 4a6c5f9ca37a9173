import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'

/** Where the e2e tests save their screenshots; `launchBrowser` creates it. */
export const shots = 'test-output/screenshots'

/** Chromium as the e2e tests drive it: CHROMIUM_PATH, else Debian's /usr/bin/chromium; the screenshots folder made first. */
export const launchBrowser = () => {
  mkdirSync(shots, { recursive: true })
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}
