// `tsx test/support/ensure-system-packages.ts chromium nginx …`: run by pretest, prebench and friends.
import { ensureSystemPackages, localSystem } from './system-packages'

const needed = process.argv.slice(2)
process.exitCode = ensureSystemPackages(needed, localSystem, (line) => console.error(line))
