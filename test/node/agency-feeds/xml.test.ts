// The feed XML reader: the same tree fast-xml-parser gives for real feeds, and clear refusals.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { parseXml, XmlSyntaxError } from '../../../src/lib/agency-feed-xml'

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8')
const ARRAYS = new Set(['item', 'entry', 'link', 'category', 'media:content'])
const isArray = (name: string) => ARRAYS.has(name)

function syntaxError(xml: string): XmlSyntaxError {
  try {
    parseXml(xml, isArray)
  } catch (error) {
    if (error instanceof XmlSyntaxError) return error
    throw error
  }
  throw new Error('parsed without error')
}

describe('parseXml', () => {
  it('gives the tree fast-xml-parser gives for the RSS and Atom fixtures', () => {
    const reference = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      parseTagValue: false,
      parseAttributeValue: false,
      // Character references are XML; fast-xml-parser decodes them only with this on.
      htmlEntities: true,
      isArray,
    })
    for (const name of ['wire-rss.xml', 'wire-atom.xml']) {
      const expected = reference.parse(fixture(name)) as Record<string, unknown>
      delete expected['?xml']
      expect(parseXml(fixture(name), isArray), name).toEqual(expected)
    }
  })

  it('reads attributes in either quote, CDATA as it is, and XML entities and character references', () => {
    const doc = parseXml(
      `<r a='1' b="x &amp; y"><t>&lt;b&gt; &#233;&#x20AC; &nbsp;</t><c><![CDATA[<p>a & b</p>]]></c><e/></r>`,
      isArray,
    )
    expect(doc).toEqual({
      r: { '@a': '1', '@b': 'x & y', t: '<b> é€ &nbsp;', c: '<p>a & b</p>', e: '' },
    })
  })

  it('skips comments and processing instructions, and keeps repeated elements in order', () => {
    const doc = parseXml('<?xml version="1.0"?><!-- c --><r><x>1</x><?pi?><x>2</x></r>', isArray)
    expect(doc).toEqual({ r: { x: ['1', '2'] } })
  })

  it('refuses mismatched and unclosed tags with their line and column', () => {
    expect(syntaxError('<r>\n  <a></b>\n</r>')).toMatchObject({ line: 2, column: 6 })
    expect(syntaxError('<r>\n<a>').message).toMatch(/never closed/)
    expect(syntaxError('<r></r><r></r>').message).toMatch(/second root/)
    expect(syntaxError('text<r/>').message).toMatch(/outside the root/)
    expect(syntaxError('<r><!-- never ends</r>').message).toMatch(/Unclosed comment/)
    expect(syntaxError('').message).toMatch(/no root/)
  })

  it('refuses a DOCTYPE that declares anything, so no entity can be defined or expanded', () => {
    expect(syntaxError('<!DOCTYPE r [<!ENTITY a "x">]><r>&a;</r>').message).toMatch(/DOCTYPE/)
    expect(parseXml('<!DOCTYPE rss><r>&a;</r>', isArray)).toEqual({ r: '&a;' })
  })

  it('reads a 2 MB feed in seconds at most (no quadratic blow-up)', () => {
    const item =
      '<item><title>T &amp; U</title><guid>g</guid><description><![CDATA[<p>body</p>]]></description></item>'
    const xml = `<rss><channel>${item.repeat(20_000)}</channel></rss>`
    const started = performance.now()
    const doc = parseXml(xml, isArray) as { rss: { channel: { item: unknown[] } } }
    expect(doc.rss.channel.item).toHaveLength(20_000)
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('either reads any input or refuses it with an XmlSyntaxError, never another failure', () => {
    const pieces = fc.constantFrom(
      '<',
      '>',
      '/',
      '<r>',
      '</r>',
      '<a x="1">',
      '</a>',
      '<![CDATA[',
      ']]>',
      '<!--',
      '-->',
      '<?',
      '?>',
      '&amp;',
      '&#',
      '&',
      '"',
      "'",
      '=',
      ' ',
      '\n',
      'x',
      '<!DOCTYPE',
      '[',
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        try {
          parseXml(parts.join(''), isArray)
        } catch (error) {
          if (!(error instanceof XmlSyntaxError)) throw error
        }
      }),
      { numRuns: 2_000 },
    )
  })
})
