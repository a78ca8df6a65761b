// Page weight as a reader's browser pays it: every request a page makes, compressed, in Chromium.
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'

export const CHROMIUM_PATH = '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface PageWeight {
  url: string
  requests: { url: string; type: string; bytes: number; gzipBytes: number; brotliBytes: number }[]
  /** Requests to any other origin: the budget is none. */
  thirdParty: string[]
  /** HTML, CSS and JS only (images are lazy and outside the budget), compressed. */
  gzipBytes: number
  brotliBytes: number
}

const COUNTED = new Set(['document', 'stylesheet', 'script', 'fetch', 'xhr'])

/** Loads each URL in a fresh context (no cache) and weighs every response it fetched. */
export async function measurePageWeights(urls: string[]): Promise<PageWeight[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const results: PageWeight[] = []
    for (const url of urls) {
      const context = await browser.newContext()
      const page = await context.newPage()
      const seen: Promise<PageWeight['requests'][number] | null>[] = []
      page.on('response', (response) => {
        const type = response.request().resourceType()
        seen.push(
          response
            .body()
            .then((body) => ({
              url: response.url(),
              type,
              bytes: body.length,
              gzipBytes: gzipSync(body, { level: 9 }).length,
              brotliBytes: brotliCompressSync(body).length,
            }))
            .catch(() => null),
        )
      })
      await page.goto(url, { waitUntil: 'networkidle' })
      const requests = (await Promise.all(seen)).filter((entry) => entry !== null)
      const origin = new URL(url).origin
      const counted = requests.filter((entry) => COUNTED.has(entry.type))
      results.push({
        url,
        requests,
        thirdParty: requests.filter((entry) => !entry.url.startsWith(origin)).map((e) => e.url),
        gzipBytes: counted.reduce((sum, entry) => sum + entry.gzipBytes, 0),
        brotliBytes: counted.reduce((sum, entry) => sum + entry.brotliBytes, 0),
      })
      await context.close()
    }
    return results
  } finally {
    await browser.close()
  }
}
