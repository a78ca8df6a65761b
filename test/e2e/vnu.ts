// Runs the Nu Html Checker (npm vnu-jar, on Debian's Java) over HTML documents, offline, in one JVM.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

export interface HtmlDocument {
  /** Says which page or fragment this is, in failure messages. */
  name: string
  html: string
}

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error'
  url?: string
  lastLine?: number
  message: string
  extract?: string
}

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')

/**
 * A fragment as htmx receives it, placed in the smallest valid document around it. `container` is
 * the element htmx swaps it into, for fragments that only make sense there (list items).
 */
export function wrapFragment(name: string, fragment: string, container?: 'ol'): HtmlDocument {
  const body = container ? `<${container}>${fragment}</${container}>` : fragment
  return {
    name: `${name} (fragment)`,
    html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body>${body}</body></html>`,
  }
}

/**
 * Every error the checker reports, one line each: "document:line: message «extract»". Info and
 * warnings are left out; files are local, so the checker never goes to the network.
 */
export async function validateHtml(documents: HtmlDocument[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-vnu-'))
  try {
    const names = new Map<string, string>()
    documents.forEach((document, index) => {
      const file = `doc-${index}.html`
      names.set(file, document.name)
      writeFileSync(join(dir, file), document.html)
    })
    const { stdout } = await promisify(execFile)(
      'java',
      ['-jar', VNU_JAR, '--format', 'json', '--stdout', '--errors-only', '--exit-zero-always', dir],
      { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
    ).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        throw new Error('java is missing: install default-jre-headless (.ci/run does)')
      }
      throw error
    })
    const { messages } = JSON.parse(stdout) as { messages: VnuMessage[] }
    return messages
      .filter((message) => message.type !== 'info')
      .map((message) => {
        const file = message.url?.split('/').pop() ?? ''
        const where = `${names.get(file) ?? file}:${message.lastLine ?? '?'}`
        return `${where}: ${message.message} «${(message.extract ?? '').replace(/\s+/g, ' ')}»`
      })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
