// End-to-end harness: Bulletin on free ports with a fresh database, a host page on another origin, Chromium.
import { existsSync, mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
import { inject, onTestFinished } from 'vitest'
import type { StackOptions } from '../../src/cli/stack'
import { type IsolatedStack, startIsolatedStack } from '../support/stack'

export const CHROMIUM = '/usr/bin/chromium'

/** The whole service, isolated: its own database file and its own wrangler state, offline. */
export async function startE2eStack(
  options: Pick<StackOptions, 'seedAdmin'> = {},
): Promise<IsolatedStack> {
  const stack = await startIsolatedStack('e2e', { seedAdmin: options.seedAdmin })
  try {
    await stack.waitUntilReady()
  } catch (error) {
    await stack.cleanUp()
    throw new Error(`${(error as Error).message}\nwrangler said:\n${stack.output().slice(-4000)}`)
  }
  return stack
}

/** Serves one HTML page, with the given CSP, from a second loopback origin. */
export async function serveHostPage(html: string, csp: string) {
  const server: Server = createServer((request, response) => {
    if (request.url !== '/') {
      // The browser's favicon request is not what the test is about; a 404 would be logged.
      response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end()
      return
    }
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
    })
    response.end(html)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(done)),
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (.ci/run does)`)
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  })
}

/**
 * Everything the browser complains about on a page and in all its frames: console errors and
 * warnings (CSP and CORS refusals are logged there), uncaught errors and failed requests.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()} (${message.location().url})`)
    }
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? ''
    // The browser itself cancels what it no longer needs: an image when an embed is resized and
    // `srcset` picks another width, a search htmx replaces with a newer one, the favicon when a
    // form navigates. A refused, missing or failing request fails with its own error or status.
    if (error === 'net::ERR_ABORTED') return
    problems.push(`failed: ${request.url()} ${error}`)
  })
  return problems
}

/** The stack test/e2e/global-setup.ts started for every flow. */
export function e2eStack() {
  return { origin: inject('e2eOrigin'), dbUrl: inject('e2eDbUrl'), admin: inject('e2eAdmin') }
}

/** Where a failed flow leaves a screenshot of its page (git-ignored). */
export const FAILURE_SCREENSHOTS = 'test-results/e2e'

/**
 * A page in a context of its own (cookies, storage, JavaScript on or off), closed when the test
 * ends; if the test failed, a full-page screenshot of where it stopped is kept first. Call it
 * inside a test, not in a hook.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  onTestFinished(async ({ task }) => {
    if (task.result?.state === 'fail') {
      mkdirSync(FAILURE_SCREENSHOTS, { recursive: true })
      const name = `${task.file.name}-${task.name}`.replace(/[^a-z0-9]+/gi, '-').slice(0, 120)
      const path = join(FAILURE_SCREENSHOTS, `${name}.png`)
      await page.screenshot({ path, fullPage: true }).catch(() => {})
    }
    await context.close()
  })
  return page
}

/** Signs the page's context in to the newsroom as the seeded admin, through the real form. */
export async function signInAsAdmin(page: Page) {
  const { origin, admin } = e2eStack()
  await page.goto(`${origin}/editor/login`)
  await page.fill('input[name="email"]', admin.email)
  await page.fill('input[name="password"]', admin.password)
  await Promise.all([page.waitForURL(`${origin}/editor`), page.click('form button[type="submit"]')])
}
