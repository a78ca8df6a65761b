// A small XML reader for feeds: elements, attributes, text and CDATA into plain objects; no DTDs.

/** Malformed XML, with where it went wrong (1-based), for the newsroom and the CLI. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message)
  }
}

export type XmlNode = Record<string, unknown>

interface OpenElement {
  name: string
  at: number
  attributes: [string, string][]
  children: Map<string, unknown[]>
  text: string[]
}

const NAME = /[\p{L}_:][\p{L}\p{N}_.:-]*/uy
const SPACE = /\s*/y
const ATTRIBUTE = /\s+([\p{L}_:][\p{L}\p{N}_.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/uy
const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** Decodes the five XML entities and character references; anything else is left as written. */
function decodeXml(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return XML_ENTITIES[ref] ?? whole
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1))
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : ''
  })
}

/**
 * Parses a document into `{ [rootName]: value }`, the shape fast-xml-parser gives with attributes
 * under `@name`: an element with only text is its (trimmed) text; otherwise an object of its
 * attributes, its children by name (an array when repeated, or always for `isArray` names) and
 * `#text`. A DOCTYPE with an internal subset is refused, so no entity can be defined or expanded.
 */
export function parseXml(xml: string, isArray: (name: string) => boolean): XmlNode {
  const stack: OpenElement[] = []
  let root: XmlNode | null = null
  let i = 0
  const fail = (message: string, at: number): never => {
    const before = xml.slice(0, at)
    const line = before.split('\n').length
    throw new XmlSyntaxError(message, line, at - before.lastIndexOf('\n'))
  }
  const until = (end: string, from: number, what: string) => {
    const found = xml.indexOf(end, from)
    if (found < 0) fail(`Unclosed ${what}.`, from)
    return found
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i)
    const text = xml.slice(i, lt < 0 ? xml.length : lt)
    if (text) {
      const top = stack[stack.length - 1]
      if (top) top.text.push(decodeXml(text))
      else if (text.trim()) fail('Text outside the root element.', i)
    }
    if (lt < 0) break
    if (xml.startsWith('<?', lt)) i = until('?>', lt, 'processing instruction') + 2
    else if (xml.startsWith('<!--', lt)) i = until('-->', lt, 'comment') + 3
    else if (xml.startsWith('<![CDATA[', lt)) {
      const end = until(']]>', lt, 'CDATA section')
      const top = stack[stack.length - 1]
      if (!top) fail('CDATA outside the root element.', lt)
      top?.text.push(xml.slice(lt + 9, end))
      i = end + 3
    } else if (xml.startsWith('<!', lt)) {
      const end = until('>', lt, 'declaration')
      if (xml.slice(lt, end).includes('['))
        fail('A DOCTYPE with its own declarations is refused.', lt)
      i = end + 1
    } else if (xml[lt + 1] === '/') {
      NAME.lastIndex = lt + 2
      const name = NAME.exec(xml)?.[0]
      const open = stack.pop()
      if (!name || !open || open.name !== name) {
        const where = open ? ` (opened at ${position(xml, open.at)})` : ''
        fail(
          `Expected the closing tag of '${open?.name ?? 'nothing'}'${where}, found '${name ?? ''}'.`,
          lt,
        )
      }
      SPACE.lastIndex = lt + 2 + (name as string).length
      SPACE.exec(xml)
      if (xml[SPACE.lastIndex] !== '>') fail(`Malformed closing tag '${name}'.`, lt)
      i = SPACE.lastIndex + 1
      const value = finish(open as OpenElement, isArray)
      const parent = stack[stack.length - 1]
      if (parent) addChild(parent, name as string, value)
      else root = { [name as string]: value }
    } else {
      NAME.lastIndex = lt + 1
      const name = NAME.exec(xml)?.[0]
      if (!name) fail("A '<' that starts no tag.", lt)
      if (stack.length === 0 && root) fail('A second root element.', lt)
      const element: OpenElement = {
        name: name as string,
        at: lt,
        attributes: [],
        children: new Map(),
        text: [],
      }
      let at = lt + 1 + (name as string).length
      for (;;) {
        ATTRIBUTE.lastIndex = at
        const attribute = ATTRIBUTE.exec(xml)
        if (!attribute) break
        element.attributes.push([
          attribute[1] as string,
          decodeXml(attribute[2] ?? attribute[3] ?? ''),
        ])
        at = ATTRIBUTE.lastIndex
      }
      SPACE.lastIndex = at
      SPACE.exec(xml)
      at = SPACE.lastIndex
      if (xml.startsWith('/>', at)) {
        const value = finish(element, isArray)
        const parent = stack[stack.length - 1]
        if (parent) addChild(parent, element.name, value)
        else root = { [element.name]: value }
        i = at + 2
      } else if (xml[at] === '>') {
        stack.push(element)
        i = at + 1
      } else fail(`Malformed tag '${name}'.`, at)
    }
  }
  const unclosed = stack.pop()
  if (unclosed) fail(`The element '${unclosed.name}' is never closed.`, unclosed.at)
  if (!root) fail('There is no root element.', 0)
  return root as XmlNode
}

function position(xml: string, at: number): string {
  const before = xml.slice(0, at)
  return `line ${before.split('\n').length}, column ${at - before.lastIndexOf('\n')}`
}

function addChild(parent: OpenElement, name: string, value: unknown) {
  const list = parent.children.get(name)
  if (list) list.push(value)
  else parent.children.set(name, [value])
}

function finish(element: OpenElement, isArray: (name: string) => boolean): unknown {
  const text = element.text.join('').trim()
  if (element.attributes.length === 0 && element.children.size === 0) return text
  const node: XmlNode = {}
  for (const [name, value] of element.attributes) node[`@${name}`] = value
  for (const [name, values] of element.children) {
    node[name] = values.length === 1 && !isArray(name) ? values[0] : values
  }
  if (text) node['#text'] = text
  return node
}
