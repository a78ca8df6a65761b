// Markdown to sanitised HTML: formatting survives, executable markup never does.
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/services/markdown'

describe('renderMarkdown', () => {
  it('keeps ordinary formatting and demotes h1 so the page title stays the only one', () => {
    const doc = parse(
      renderMarkdown('# Heading\n\nSome **bold** and a [link](https://example.com).'),
    )
    expect(doc.querySelector('h1')).toBeNull()
    expect(doc.querySelector('h2')?.text).toBe('Heading')
    expect(doc.querySelector('strong')?.text).toBe('bold')
    const link = doc.querySelector('a')
    expect(link?.getAttribute('href')).toBe('https://example.com')
    expect(link?.getAttribute('rel')).toBe('noopener')
  })

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](java\tscript:alert(1))',
    '![x](data:text/html;base64,PHNjcmlwdD4=)',
    '<a href="javascript:alert(1)">x</a>',
  ])('renders %j inert', (payload) => {
    const doc = parse(renderMarkdown(payload))
    expect(doc.querySelectorAll('script')).toHaveLength(0)
    for (const element of doc.querySelectorAll('*')) {
      for (const [name, value] of Object.entries(element.attributes)) {
        expect(name.toLowerCase().startsWith('on')).toBe(false)
        expect(value.replace(/\s/g, '').toLowerCase()).not.toMatch(/^(javascript|data):/)
      }
    }
  })
})
