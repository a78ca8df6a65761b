// The progress line on stderr: share of the file read, items per second and time remaining.

/** Redraws at most every `intervalMs`; ETA comes from the bytes read, since items are streamed. */
export function createProgress(
  write: (text: string) => void,
  countItems: () => number,
  intervalMs = 500,
) {
  const started = Date.now()
  let last = 0
  return {
    update(done: number, total: number) {
      const now = Date.now()
      if (now - last < intervalMs) return
      last = now
      write(`\r${formatProgress(done, total, countItems(), now - started)}`)
    },
    finish() {
      write(`\r${formatProgress(1, 1, countItems(), Date.now() - started)}\n`)
    },
  }
}

/** `[#####.....] 52% 1234 items 611/s ETA 0:03` */
export function formatProgress(done: number, total: number, items: number, elapsedMs: number) {
  const share = total > 0 ? Math.min(1, done / total) : 0
  const bar = '#'.repeat(Math.round(share * 20)).padEnd(20, '.')
  const rate = elapsedMs > 0 ? Math.round((items * 1000) / elapsedMs) : 0
  const etaSeconds = share > 0 ? Math.round((elapsedMs * (1 - share)) / share / 1000) : 0
  const eta = `${Math.floor(etaSeconds / 60)}:${String(etaSeconds % 60).padStart(2, '0')}`
  return `[${bar}] ${Math.round(share * 100)}% ${items} items ${rate}/s ETA ${eta}`
}
