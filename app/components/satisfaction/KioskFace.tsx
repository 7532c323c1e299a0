// The four faces of the kiosk (1 very unhappy … 4 very happy): large, simple, high
// contrast. Decorative: the button's text says what each one means.
const MOUTH: Record<number, string> = {
  1: "M30 72 Q50 52 70 72",
  2: "M32 68 Q50 60 68 68",
  3: "M32 62 Q50 74 68 62",
  4: "M28 58 Q50 84 72 58",
};

export function KioskFace({ score }: { score: number }) {
  return (
    <svg viewBox="0 0 100 100" width="120" height="120" aria-hidden="true" focusable="false" className="kiosk-face-icon">
      <circle cx="50" cy="50" r="46" className="face-fill" />
      <circle cx="35" cy="40" r="6" className="face-eye" />
      <circle cx="65" cy="40" r="6" className="face-eye" />
      <path d={MOUTH[score] ?? MOUTH[3]} className="face-mouth" fill="none" strokeWidth="7" strokeLinecap="round" />
    </svg>
  );
}
