// Self time of a V8 CPU profile, grouped by where the code lives and by function, as printed lines.

export interface CpuProfile {
  nodes: {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number }
  }[]
  samples?: number[]
}

export type Frame = CpuProfile['nodes'][number]['callFrame']

/** The two tables `bench:profile` prints: self time by area (`areaOf`) and the hottest functions. */
export function summariseProfile(profile: CpuProfile, areaOf: (frame: Frame) => string): string {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const samples = profile.samples ?? []
  const selfSamples = new Map<number, number>()
  for (const id of samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1)
  const total = samples.length
  const byArea = new Map<string, number>()
  const byFunction = new Map<string, number>()
  for (const [id, count] of selfSamples) {
    const frame = frames.get(id)
    if (!frame) continue
    const where = areaOf(frame)
    byArea.set(where, (byArea.get(where) ?? 0) + count)
    const name = `${frame.functionName || '(anonymous)'} ${where}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + count)
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, count]) => `  ${((count / total) * 100).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n')
  return `Self time by area:\n${top(byArea, 15)}\n\nHottest functions:\n${top(byFunction, 15)}`
}
