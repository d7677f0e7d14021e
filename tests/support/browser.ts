/*
 * Browser tests drive the system Chromium (Debian's `chromium`) through playwright-core; no
 * browser is ever downloaded. Without Chromium a developer gets a loud skip; CI fails.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']

export const chromiumPath = CANDIDATES.find((path): path is string => !!path && existsSync(path))

/** Why browser tests cannot run here, or null when they can. */
export function browserUnavailable(): string | null {
  if (chromiumPath) return null
  const reason = 'Chromium not found (install Debian package `chromium` or set CHROMIUM_PATH)'
  if (process.env.CI) throw new Error(`${reason}; browser tests are required in CI`)
  console.warn(`\n  !!! BROWSER TESTS SKIPPED: ${reason}\n`)
  return reason
}

let shared: Promise<Browser> | undefined

export function browser(): Promise<Browser> {
  shared ??= chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
  return shared
}

export async function closeBrowser() {
  if (shared) await (await shared).close()
  shared = undefined
}

/** A fresh context (own cookies) with a phone or desktop viewport. */
export async function newContext(
  viewport: 'phone' | 'desktop' = 'desktop'
): Promise<BrowserContext> {
  const size = viewport === 'phone' ? { width: 375, height: 740 } : { width: 1280, height: 860 }
  return (await browser()).newContext({ viewport: size, isMobile: viewport === 'phone' })
}

/** Console errors and uncaught exceptions of a page (CSP violations show up here). */
export function collectProblems(page: import('playwright-core').Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return problems
}

/** Vue's own warnings on the page (a prop of the wrong shape, a missing emit…). */
export function vueWarnings(page: import('playwright-core').Page): string[] {
  const warnings: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().includes('[Vue warn]'))
      warnings.push(message.text())
  })
  return warnings
}

/** Console errors, minus the browser's line for each answer that is not 2xx (422s are expected). */
export const unexpectedProblems = (problems: string[]) =>
  problems.filter((problem) => !problem.startsWith('Failed to load resource'))

/** Signs in at `origin` with the demo password and waits for the signed-in shell. */
export async function signInAt(
  page: import('playwright-core').Page,
  origin: string,
  email: string
) {
  await page.goto(`${origin}/login`)
  await page.fill('input[name=email]', email)
  await page.fill('input[name=password]', 'kabinet-demo')
  await page.click('button[type=submit]')
  await page.waitForSelector('[data-test=menu]')
}
