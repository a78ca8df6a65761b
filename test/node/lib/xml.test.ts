// The XML builder escapes every value as data and drops characters XML 1.0 cannot carry.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import {
  escapeXml,
  escapeXmlAttribute,
  renderXml,
  renderXmlDocument,
  stripInvalidXmlChars,
  createElement as x,
} from '../../../src/lib/xml'

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
})

const HOSTILE = `<script>alert(1)</script> "onload=alert(1) x='y' & ]]> &amp;`

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f')
  })

  it('escapes an existing entity again, so it reads back as the text it was', () => {
    expect(escapeXml('&amp; &#0;')).toBe('&amp;amp; &amp;#0;')
  })

  it('keeps tab and line feed in text, and writes a carriage return as a reference', () => {
    expect(escapeXml('a\tb\nc\rd')).toBe('a\tb\nc&#13;d')
  })

  it('writes whitespace in attribute values as references, so it survives normalisation', () => {
    expect(escapeXmlAttribute('a\tb\nc\rd "e"')).toBe('a&#9;b&#10;c&#13;d &quot;e&quot;')
  })
})

describe('stripInvalidXmlChars', () => {
  it('drops NUL and the other C0 controls XML 1.0 forbids', () => {
    const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('')
    expect(stripInvalidXmlChars(`a${controls}b`)).toBe('a\t\n\rb')
  })

  it('drops the non-characters U+FFFE and U+FFFF', () => {
    expect(stripInvalidXmlChars('a\uFFFEb\uFFFFc\uFFFDd')).toBe('abc\uFFFDd')
  })

  it('drops lone surrogates but keeps characters outside the BMP', () => {
    expect(stripInvalidXmlChars('a\uD800b\uDC00c😀d\uDBFF')).toBe('abc😀d')
  })

  it('keeps ordinary text, accents and right-to-left scripts untouched', () => {
    const text = 'Élysée – Beyrouth: بيروت ✓ 新闻 \u007F\u0085'
    expect(stripInvalidXmlChars(text)).toBe(text)
  })
})

describe('renderXml', () => {
  it('renders elements, attributes and text, leaving out undefined attributes', () => {
    const element = x('item', { id: '1', missing: undefined }, x('title', {}, 'A & B'))
    expect(renderXml(element)).toBe('<item id="1"><title>A &amp; B</title></item>')
  })

  it('self-closes an element without content and skips null, undefined, false and ""', () => {
    expect(renderXml(x('link', { href: '/a' }, null, undefined, false, ''))).toBe(
      '<link href="/a"/>',
    )
  })

  it('flattens nested child lists', () => {
    const list = x('list', {}, ['a', [x('b'), ['c']]], x('d'))
    expect(renderXml(list)).toBe('<list>a<b/>c<d/></list>')
  })

  it('refuses a name that is not a valid XML name', () => {
    expect(() => x('bad name')).toThrow(/Not a valid XML name/)
    expect(() => x('item', { 'on"load': 'x' })).toThrow(/Not a valid XML name/)
    expect(() => x('1st')).toThrow(/Not a valid XML name/)
    expect(x('atom:link').name).toBe('atom:link')
  })
})

describe('renderXmlDocument', () => {
  it('produces a well-formed document whose hostile text and attributes read back as data', () => {
    const xml = renderXmlDocument(
      x('root', { label: `${HOSTILE}\t\n` }, x('title', {}, `${HOSTILE}\u0000\u0008\r\n`)),
    )
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true)
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = parser.parse(xml)
    // The hostile markup stays text: the tree holds only the elements and attributes written.
    expect(Object.keys(parsed.root).sort()).toEqual(['@label', 'title'])
    expect(parsed.root.title).toBe(`${HOSTILE}\r\n`)
    expect(parsed.root['@label']).toBe(`${HOSTILE}\t\n`)
  })

  it('never emits a character that XML 1.0 forbids, whatever the input', () => {
    const everything = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).join(
      '',
    )
    const xml = renderXmlDocument(x('root', { all: everything }, everything, '\uD800\uFFFE\uFFFF'))
    expect(xml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u)
    expect(XMLValidator.validate(xml)).toBe(true)
  })
})
