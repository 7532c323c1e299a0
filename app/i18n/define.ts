// `defineMessages` lives apart from areas.ts so that area message files can import
// it while areas.ts imports them (a cycle that test runners evaluate in order).
export function defineMessages<const T extends Record<string, string>>(m: { id: T; en: Record<keyof T, string> }) {
  return m;
}
