// Streams an XML file into the subtrees under its channel, one at a time, never holding the file.
import { createReadStream, statSync } from 'node:fs'
import { SaxesParser } from 'saxes'

/** One element with its attributes, its text (CDATA included) and its child elements. */
export interface XmlNode {
  name: string
  attrs: Record<string, string>
  text: string
  children: XmlNode[]
}

/** Thrown for malformed XML: the line and column say where the file must be fixed. */
export class MalformedXmlError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    reason: string,
  ) {
    super(`Malformed XML at line ${line}, column ${column}: ${reason}`)
  }
}

export interface XmlStreamOptions {
  /** The root element's name; any other stops at once (the file is not what was asked for). */
  root: string
  /** What the file should be, for messages: "WordPress export (WXR)". */
  kind: string
  /** Depth of the nodes yielded: 2 for rss > channel > item. */
  depth: number
  onProgress?: (bytesRead: number, bytesTotal: number) => void
  /** Checked on the first element; throw to stop (e.g. a feed given as WXR). */
  checkRoot?: (attrs: Record<string, string>) => void
}

/**
 * Yields every element at `depth` (root = 0) once it closes. Items completed before an error are
 * yielded first, so the caller writes them before the error reaches it.
 */
export async function* streamXmlNodes(
  file: string,
  options: XmlStreamOptions,
): AsyncGenerator<XmlNode> {
  const total = statSync(file).size
  const parser = new SaxesParser({ xmlns: false, position: true })
  const stack: XmlNode[] = []
  const done: XmlNode[] = []
  let failure: Error | undefined
  parser.on('error', (error) => {
    const reason = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')
    failure ??= new MalformedXmlError(parser.line, parser.column + 1, reason)
  })
  parser.on('opentag', (tag) => {
    if (stack.length === 0 && tag.name !== options.root) {
      failure ??= new Error(`This is not a ${options.kind}: it starts with <${tag.name}>`)
    }
    if (stack.length === 0) options.checkRoot?.(tag.attributes as Record<string, string>)
    const node = {
      name: tag.name,
      attrs: tag.attributes as Record<string, string>,
      text: '',
      children: [],
    }
    // Only what lies inside a yielded node is kept; everything above it is a passing frame.
    if (stack.length > options.depth) stack[stack.length - 1]?.children.push(node)
    stack.push(node)
  })
  const addText = (text: string) => {
    const top = stack[stack.length - 1]
    if (top && stack.length > options.depth) top.text += text
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('closetag', () => {
    const node = stack.pop()
    // Nothing after a fault is trusted: an item that closes later in the same chunk is dropped.
    if (node && stack.length === options.depth && !failure) done.push(node)
  })
  let read = 0
  for await (const chunk of createReadStream(file, {
    encoding: 'utf8',
    highWaterMark: 256 * 1024,
  })) {
    if (read === 0) checkIsXml(chunk as string, options.kind)
    read += Buffer.byteLength(chunk as string)
    try {
      parser.write(chunk as string)
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error))
    }
    yield* done.splice(0)
    if (failure) throw failure
    options.onProgress?.(read, total)
  }
  try {
    parser.close()
  } catch (error) {
    failure ??= error instanceof Error ? error : new Error(String(error))
  }
  yield* done.splice(0)
  if (failure) throw failure
  if (read === 0) throw new Error('The file is empty')
}

/** The text of the first child named `name`, trimmed; '' when there is none. */
export function childText(node: XmlNode, name: string): string {
  return node.children.find((child) => child.name === name)?.text.trim() ?? ''
}

/** Like childText but untrimmed, for bodies whose whitespace means something. */
export function childRaw(node: XmlNode, name: string): string {
  return node.children.find((child) => child.name === name)?.text ?? ''
}

/** A file that is plainly not XML (JSON, say) is named for what it is, not as a parse error. */
function checkIsXml(start: string, kind: string) {
  const first = start.replace(/^\uFEFF/, '').trimStart()[0]
  if (first === '{' || first === '[')
    throw new Error(
      `This is a JSON file, not a ${kind} (a Ghost export is imported with the ghost source)`,
    )
  if (first !== '<') throw new Error(`This is not an XML file, so not a ${kind}`)
}
