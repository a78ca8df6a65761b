// What a fault scenario asserts: named checks with the figures behind them, printed as they happen.

export interface Check {
  scenario: string
  name: string
  ok: boolean
  detail: string
}

export interface Checks {
  /** Records one assertion; a failed one fails the run, but the scenario carries on. */
  expect(name: string, ok: boolean, detail?: string): boolean
  readonly all: Check[]
}

export function createChecks(scenario: string, log: (line: string) => void, all: Check[] = []) {
  return {
    all,
    expect(name: string, ok: boolean, detail = '') {
      all.push({ scenario, name, ok, detail })
      log(`${ok ? 'ok  ' : 'FAIL'} ${scenario}: ${name}${detail ? ` (${detail})` : ''}`)
      return ok
    },
  } satisfies Checks
}
