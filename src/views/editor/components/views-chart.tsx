// Reads per day as an inline SVG bar chart, drawn on the server: no script, and a table for screen readers.

const WIDTH = 640
const HEIGHT = 200
const TOP = 16
const BOTTOM = 28
const LEFT = 44

/** A round number at or above `max` for the axis: 1, 2 or 5 times a power of ten. */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  return ([1, 2, 5, 10].map((step) => step * power).find((n) => n >= max) ?? 10 * power) as number
}

function shortDay(day: string): string {
  const [, month, date] = day.split('-')
  return `${Number(date)}/${Number(month)}`
}

export function ViewsChart({ days }: { days: { day: string; count: number }[] }) {
  const top = niceCeiling(Math.max(0, ...days.map((d) => d.count)))
  const plotHeight = HEIGHT - TOP - BOTTOM
  const slot = (WIDTH - LEFT) / Math.max(1, days.length)
  const barWidth = Math.max(2, slot * 0.7)
  const total = days.reduce((sum, d) => sum + d.count, 0)
  const y = (count: number) => TOP + plotHeight - (count / top) * plotHeight
  return (
    <figure class="views-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="views-chart-title"
        class="views-chart__svg"
      >
        <title id="views-chart-title">
          {`Reads per day for the last ${days.length} days: ${total.toLocaleString('en')} in all.`}
        </title>
        {[0, top / 2, top].map((tick) => (
          <g class="views-chart__grid">
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 6} y={y(tick) + 4} text-anchor="end">
              {tick.toLocaleString('en')}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = LEFT + i * slot + (slot - barWidth) / 2
          return (
            <g class="views-chart__day">
              <rect
                class="views-chart__bar"
                x={x.toFixed(1)}
                y={y(d.count).toFixed(1)}
                width={barWidth.toFixed(1)}
                height={(TOP + plotHeight - y(d.count)).toFixed(1)}
              >
                <title>{`${d.day}: ${d.count.toLocaleString('en')} reads`}</title>
              </rect>
              <text x={(x + barWidth / 2).toFixed(1)} y={HEIGHT - 8} text-anchor="middle">
                {shortDay(d.day)}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption>
        <details>
          <summary>Reads per day (UTC) as a table</summary>
          <table class="editor-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Reads</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr>
                  <td>{d.day}</td>
                  <td>{d.count.toLocaleString('en')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  )
}
