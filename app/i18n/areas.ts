// Messages of the product areas, merged into the core dictionaries by index.ts.
// Add an area: create app/i18n/<area>.ts with
//   export const messages = defineMessages({ id: { "area.key": "…" }, en: { "area.key": "…" } });
// then spread it into both objects below. Keys are prefixed with the area ("events.", …).
export function defineMessages<const T extends Record<string, string>>(m: { id: T; en: Record<keyof T, string> }) {
  return m;
}

export const areaId = {};
export const areaEn: Record<keyof typeof areaId, string> = {};
