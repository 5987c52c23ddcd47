/**
 * Charts drawn as SVG on the server: they need no script, print well and scale with the page. Each one is
 * an image labelled by its caption; the page shows the same figures in a table beside it.
 */
const SERIES_COLOURS = ["#154273", "#5a8fc7", "#b3cde8"];

export type Series = { label: string; values: number[] };

/** A round axis maximum with room above the tallest bar for its label. */
function niceMax(n: number): number {
  const room = n * 1.15;
  if (room <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(room)) / 2;
  return Math.ceil(room / step) * step;
}

/** Stacked columns: one per category (month), one colour per series (kind). */
export function StackedColumns({
  categories,
  series,
  labelledBy,
}: {
  categories: string[];
  series: Series[];
  labelledBy: string;
}) {
  const width = 640;
  const height = 290;
  const left = 40;
  const bottom = 64; // month labels, then a separate row for the legend
  const top = 16;
  const totals = categories.map((_, i) => series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotH = height - bottom - top;
  const band = (width - left) / Math.max(categories.length, 1);
  const barW = Math.min(48, band * 0.6);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={labelledBy}
      preserveAspectRatio="xMidYMid meet"
    >
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={left} x2={width} y1={y(max * f)} y2={y(max * f)} className="chart__grid" />
          <text x={left - 6} y={y(max * f) + 4} className="chart__axis" textAnchor="end">
            {Math.round(max * f)}
          </text>
        </g>
      ))}
      {categories.map((c, i) => {
        let acc = 0;
        const x = left + i * band + (band - barW) / 2;
        return (
          <g key={c}>
            {series.map((s, k) => {
              const v = s.values[i] ?? 0;
              const y0 = y(acc);
              acc += v;
              return v > 0 ? (
                <rect
                  key={s.label}
                  x={x}
                  width={barW}
                  y={y(acc)}
                  height={y0 - y(acc)}
                  fill={SERIES_COLOURS[k % 3]}
                />
              ) : null;
            })}
            <text x={x + barW / 2} y={height - bottom + 18} className="chart__axis" textAnchor="middle">
              {c.slice(5)}/{c.slice(2, 4)}
            </text>
            {totals[i]! > 0 ? (
              <text x={x + barW / 2} y={y(totals[i]!) - 4} className="chart__value" textAnchor="middle">
                {totals[i]}
              </text>
            ) : null}
          </g>
        );
      })}
      {series.map((s, k) => (
        <g key={s.label} transform={`translate(${left + k * 190}, ${height - 8})`}>
          <rect width="12" height="12" y="-10" fill={SERIES_COLOURS[k % 3]} />
          <text x="18" className="chart__legend">
            {s.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** Horizontal bars, one per labelled value, largest first. */
export function Bars({
  items,
  labelledBy,
}: {
  items: { label: string; value: number }[];
  labelledBy: string;
}) {
  const rowH = 30;
  const width = 640;
  const labelW = 250;
  const height = Math.max(1, items.length) * rowH + 8;
  const max = niceMax(Math.max(0, ...items.map((i) => i.value)));
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={labelledBy}>
      {items.map((it, i) => {
        const w = ((width - labelW - 50) * it.value) / max;
        return (
          <g key={it.label} transform={`translate(0, ${i * rowH + 4})`}>
            <text x={labelW - 8} y={rowH / 2 + 4} textAnchor="end" className="chart__label">
              {it.label}
            </text>
            <rect
              x={labelW}
              y={4}
              width={Math.max(w, it.value > 0 ? 2 : 0)}
              height={rowH - 10}
              fill={SERIES_COLOURS[0]}
            />
            <text x={labelW + w + 6} y={rowH / 2 + 4} className="chart__value">
              {it.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
