// The import report: every item of the file lands in exactly one outcome, warnings come on top.

export type Outcome = 'imported' | 'updated' | 'skipped'
const OUTCOMES: Outcome[] = ['imported', 'updated', 'skipped']

/** How many examples of one reason the printed report lists. */
const EXAMPLES = 5

interface Tally {
  count: number
  examples: string[]
}

/** Counts per outcome and reason; `item` is a short label such as `post 123 "Title"`. */
export class ImportReport {
  readonly outcomes = new Map<Outcome, Map<string, Tally>>(OUTCOMES.map((o) => [o, new Map()]))
  readonly warnings = new Map<string, Tally>()
  items = 0

  /** Records what happened to one item of the file. */
  record(outcome: Outcome, reason: string, item: string): void {
    this.items++
    add(this.outcomes.get(outcome) as Map<string, Tally>, reason, item)
  }

  /** Records something the editor should look at; the item still has its one outcome. */
  warn(reason: string, item: string): void {
    add(this.warnings, reason, item)
  }

  count(outcome: Outcome | 'warned'): number {
    const tallies = outcome === 'warned' ? this.warnings : this.outcomes.get(outcome)
    let total = 0
    for (const tally of tallies?.values() ?? []) total += tally.count
    return total
  }

  /** The plain counts, for tests and JSON output. */
  summary(): Record<Outcome | 'warned', Record<string, number>> {
    const flatten = (tallies: Map<string, Tally>) =>
      Object.fromEntries([...tallies].map(([reason, tally]) => [reason, tally.count]))
    return {
      imported: flatten(this.outcomes.get('imported') as Map<string, Tally>),
      updated: flatten(this.outcomes.get('updated') as Map<string, Tally>),
      skipped: flatten(this.outcomes.get('skipped') as Map<string, Tally>),
      warned: flatten(this.warnings),
    }
  }

  /** The report as lines of text for the terminal. */
  format(dryRun: boolean): string {
    const lines = [`${dryRun ? 'Dry run (nothing written): ' : ''}${this.items} items in the file`]
    const section = (name: string, tallies: Map<string, Tally>) => {
      const total = [...tallies.values()].reduce((sum, t) => sum + t.count, 0)
      lines.push(`${name}: ${total}`)
      for (const [reason, tally] of [...tallies].sort((a, b) => b[1].count - a[1].count)) {
        const more = tally.count > tally.examples.length ? ', …' : ''
        lines.push(`  ${tally.count} ${reason} (${tally.examples.join(', ')}${more})`)
      }
    }
    for (const outcome of OUTCOMES)
      section(outcome, this.outcomes.get(outcome) as Map<string, Tally>)
    section('warned', this.warnings)
    return lines.join('\n')
  }
}

function add(tallies: Map<string, Tally>, reason: string, item: string): void {
  const tally = tallies.get(reason) ?? { count: 0, examples: [] }
  tally.count++
  if (tally.examples.length < EXAMPLES) tally.examples.push(item)
  tallies.set(reason, tally)
}
