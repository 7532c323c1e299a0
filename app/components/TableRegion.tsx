// A wide table that may scroll sideways on a narrow phone: the scrolling region
// must be reachable and scrollable with the keyboard (WCAG 2.1.1), so it takes
// focus and carries a name.
import type { ReactNode } from "react";

export function TableRegion({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" tabIndex={0} aria-label={labelledBy ? undefined : label} aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
