import { useEffect, useState } from "react";

/** Shown once JavaScript runs; without it the browser's print menu uses the same print layout (CSS). */
export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button-secondary no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
