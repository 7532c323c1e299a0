// A small accessible SVG bar chart (received vs resolved per group). The same
// figures are always in a data table next to it; the SVG is described by its title.
export interface BarRow {
  label: string;
  received: number;
  resolved: number;
}

export function BarChart({ id, title, rows }: { id: string; title: string; rows: BarRow[] }) {
  const labelWidth = 170;
  const width = 640;
  const barArea = width - labelWidth - 40;
  const rowHeight = 34;
  const max = Math.max(1, ...rows.map((r) => r.received));
  const height = rows.length * rowHeight + 8;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} focusable="false">
      <title id={`${id}-title`}>{title}</title>
      {rows.map((r, i) => {
        const y = i * rowHeight + 4;
        const w1 = (r.received / max) * barArea;
        const w2 = (r.resolved / max) * barArea;
        return (
          <g key={r.label} aria-hidden="true">
            <text x={labelWidth - 8} y={y + 18} textAnchor="end">
              {r.label.length > 24 ? `${r.label.slice(0, 23)}…` : r.label}
            </text>
            <rect className="bar-received" x={labelWidth} y={y + 2} width={Math.max(w1, 1)} height={13} />
            <text x={labelWidth + Math.max(w1, 1) + 4} y={y + 13}>
              {r.received}
            </text>
            <rect className="bar-resolved" x={labelWidth} y={y + 16} width={Math.max(w2, 1)} height={11} />
            <text x={labelWidth + Math.max(w2, 1) + 4} y={y + 26}>
              {r.resolved}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
