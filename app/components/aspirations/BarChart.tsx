// A small bar chart (received vs resolved per group) drawn with HTML, not a scaled SVG: its labels
// are text at the page's size on every screen (a 640-unit SVG on a 360 px phone shrank them to
// about 5 px). The same figures are always in the table next to it; the chart is one image to
// assistive technology, named by its title.
export interface BarRow {
  label: string;
  received: number;
  resolved: number;
}

/** One bar: its length is an SVG attribute (the CSP allows no inline styles), its figure is text beside it. */
function Bar({ className, width, value }: { className: string; width: string; value: number }) {
  return (
    <span className="bar-track">
      <svg className="bar" focusable="false">
        <rect className={className} width={width} height="100%" />
      </svg>
      <span className="bar-value">{value}</span>
    </span>
  );
}

export function BarChart({ id, title, rows }: { id: string; title: string; rows: BarRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.received));
  const share = (n: number) => `${Math.max((n / max) * 100, 0.5).toFixed(1)}%`;
  return (
    <div className="bar-chart" id={id} role="img" aria-label={title}>
      {rows.map((r) => (
        <div className="bar-row" key={r.label} aria-hidden="true">
          <span className="bar-label">{r.label}</span>
          <Bar className="bar-received" width={share(r.received)} value={r.received} />
          <Bar className="bar-resolved" width={share(r.resolved)} value={r.resolved} />
        </div>
      ))}
    </div>
  );
}
