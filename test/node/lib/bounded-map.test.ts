// BoundedMap: values worked out once, and a full map cleared rather than grown.
import { describe, expect, it } from 'vitest'
import { BoundedMap } from '../../../src/lib/bounded-map'

describe('BoundedMap', () => {
  it('works a value out once and then keeps it', () => {
    const map = new BoundedMap<string, number>(10)
    let calls = 0
    const compute = () => ++calls
    expect(map.remember('a', compute)).toBe(1)
    expect(map.remember('a', compute)).toBe(1)
    expect(calls).toBe(1)
  })

  it('clears itself when a new key would pass its bound, and replaces existing keys in place', () => {
    const map = new BoundedMap<string, number>(2)
    map.set('a', 1)
    map.set('b', 2)
    map.set('b', 3)
    expect([...map]).toEqual([
      ['a', 1],
      ['b', 3],
    ])
    map.set('c', 4)
    expect([...map]).toEqual([['c', 4]])
  })
})
