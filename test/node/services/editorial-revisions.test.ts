// The line diff behind "compare any two versions".
import { describe, expect, it } from 'vitest'
import { diffLines } from '../../../src/services/editorial-revisions'

const kinds = (before: string, after: string) =>
  diffLines(before, after).map((line) => `${line.kind[0]}:${line.text}`)

describe('diffLines', () => {
  it('marks changed lines and keeps the common ones in order', () => {
    expect(kinds('a\nb\nc\nd', 'a\nB\nc\nd\ne')).toEqual(['s:a', 'r:b', 'a:B', 's:c', 's:d', 'a:e'])
  })

  it('says nothing changed for equal text, and everything for disjoint text', () => {
    expect(kinds('x\ny', 'x\ny')).toEqual(['s:x', 's:y'])
    expect(kinds('x', 'y')).toEqual(['r:x', 'a:y'])
    expect(kinds('', 'new')).toEqual(['r:', 'a:new'])
  })

  it('aligns moved blocks by their longest common run', () => {
    expect(kinds('1\n2\n3\n4', '3\n4\n1\n2')).toEqual(['r:1', 'r:2', 's:3', 's:4', 'a:1', 'a:2'])
  })

  it('stays fast on long texts with a small edit, and bounded on large rewrites', () => {
    const long = Array.from({ length: 20_000 }, (_, i) => `line ${i}`)
    const edited = [...long]
    edited[10_000] = 'changed'
    const started = Date.now()
    const diff = diffLines(long.join('\n'), edited.join('\n'))
    expect(diff.filter((line) => line.kind !== 'same')).toHaveLength(2)
    const rewrite = diffLines(long.join('\n'), long.map((line) => `${line}!`).join('\n'))
    expect(rewrite).toHaveLength(40_000)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
