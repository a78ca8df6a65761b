// A tiny XML builder whose text and attribute values are always escaped data, never markup.

/**
 * Everything outside XML 1.0's `Char` production: C0 controls other than tab, LF and CR, the
 * non-characters U+FFFE and U+FFFF, and lone surrogates (with the `u` flag a lone surrogate is a
 * code point of its own, outside every allowed range). One of these makes a document unparsable.
 */
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Parsers turn a literal CR into LF, and tab or LF inside an attribute into a space; references
  // survive both normalisations, so the parsed value is the original one.
  '\r': '&#13;',
  '\t': '&#9;',
  '\n': '&#10;',
}

/** Names are always constants in code; checking them keeps a typo from producing broken XML. */
const XML_NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/

/** Removes the characters XML 1.0 cannot carry at all, not even as character references. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '')
}

/** Escapes text for XML content, after dropping invalid characters. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"'\r]/g, (char) => ENTITIES[char] ?? char)
}

/** Escapes a value for a double- or single-quoted attribute, keeping its whitespace intact. */
export function escapeXmlAttribute(value: string): string {
  return stripInvalidXmlChars(value).replace(/[&<>"'\r\t\n]/g, (char) => ENTITIES[char] ?? char)
}

export interface XmlElement {
  readonly name: string
  readonly attributes: Readonly<Record<string, string | undefined>>
  readonly children: readonly XmlChild[]
}

/** Strings are text; `null`, `undefined` and `false` render nothing, so optional parts read inline. */
export type XmlChild = XmlElement | string | null | undefined | false | readonly XmlChild[]

/**
 * Builds an element. Attributes whose value is `undefined` are left out; nested arrays of children
 * are flattened, so `items.map(...)` can be passed straight in.
 */
export function createElement(
  name: string,
  attributes: Record<string, string | undefined> = {},
  ...children: XmlChild[]
): XmlElement {
  assertXmlName(name)
  for (const attribute of Object.keys(attributes)) assertXmlName(attribute)
  return { name, attributes, children }
}

/** Serialises a whole document, XML declaration first. */
export function renderXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(root)}\n`
}

/** Serialises an element or text; an element with no content becomes `<name/>`. */
export function renderXml(node: XmlChild): string {
  if (node === null || node === undefined || node === false) return ''
  if (typeof node === 'string') return escapeXml(node)
  if (isChildList(node)) return node.map(renderXml).join('')
  let attributes = ''
  for (const [key, value] of Object.entries(node.attributes)) {
    if (value !== undefined) attributes += ` ${key}="${escapeXmlAttribute(value)}"`
  }
  const content = node.children.map(renderXml).join('')
  return content
    ? `<${node.name}${attributes}>${content}</${node.name}>`
    : `<${node.name}${attributes}/>`
}

function isChildList(node: XmlElement | readonly XmlChild[]): node is readonly XmlChild[] {
  return Array.isArray(node)
}

function assertXmlName(name: string): void {
  if (!XML_NAME.test(name)) throw new Error(`Not a valid XML name: ${JSON.stringify(name)}`)
}
