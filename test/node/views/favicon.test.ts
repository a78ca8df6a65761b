// The favicon written into every page is the one public/ serves to everything else (JSON-LD, feeds).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FAVICON_HREF, FAVICON_SVG } from '../../../src/views/assets'

describe('the favicon', () => {
  it('is the same SVG in each page as in public/favicon.svg', () => {
    const served = readFileSync(resolve(import.meta.dirname, '../../../public/favicon.svg'), 'utf8')
    expect(FAVICON_SVG).toBe(served.trim())
  })

  it('goes into pages as a data: URL that decodes back to that SVG', () => {
    expect(FAVICON_HREF.startsWith('data:image/svg+xml,')).toBe(true)
    expect(decodeURIComponent(FAVICON_HREF.slice('data:image/svg+xml,'.length))).toBe(FAVICON_SVG)
  })
})
