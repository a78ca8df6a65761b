// Words for the scale archive: real English from the seed's texts, Zipf-distributed, plus rare names.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const SEED_DIR = resolve(import.meta.dirname, '../../../src/cli/seed')
const SYLLABLES = ['ka', 'lo', 'mir', 'tan', 'vel', 'dro', 'shi', 'rum', 'zen', 'qua', 'bor', 'ny']

/** Every distinct lowercase word of three letters or more in the seed's theme and paragraph texts. */
export function seedWords(): string[] {
  const words = new Set<string>()
  for (const file of readdirSync(SEED_DIR).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(SEED_DIR, file), 'utf8')
    // Only the words inside string literals, not the code around them.
    for (const literal of source.match(/'[^'\n]*'|"[^"\n]*"|`[^`]*`/g) ?? []) {
      for (const word of literal.toLowerCase().match(/\b[a-z]{3,}\b/g) ?? []) words.add(word)
    }
  }
  return [...words].sort()
}

/**
 * Samples ranks 0..size-1 with probability proportional to 1/(rank+1)^exponent, as word and tag
 * frequencies in news are: a few ranks take a large share, and a long tail takes the rest.
 */
export function zipfSampler(size: number, exponent: number) {
  const cumulative = new Float64Array(size)
  let total = 0
  for (let rank = 0; rank < size; rank++) {
    total += 1 / (rank + 1) ** exponent
    cumulative[rank] = total
  }
  return (random: () => number) => {
    const target = random() * total
    let [low, high] = [0, size - 1]
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((cumulative[middle] as number) < target) low = middle + 1
      else high = middle
    }
    return low
  }
}

/** A made-up proper name for id `n`: distinct for every n, so each is a rare search term. */
export function rareName(n: number): string {
  let name = ''
  let rest = n + SYLLABLES.length
  while (rest > 0) {
    name += SYLLABLES[rest % SYLLABLES.length]
    rest = Math.floor(rest / SYLLABLES.length)
  }
  return name
}
