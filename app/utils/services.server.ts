// Small readers of the services routes' URLs (slug, printed version) and the site's origin.
import type { CardText } from "~/domain/services/card.server";
import { DomainError } from "~/domain/errors";
import { costText, durationText } from "~/domain/services/format";
import type { DurationUnit } from "~/domain/services/services.schema";
import type { Translate } from "~/i18n";

/** A service's address: lower-case words joined by hyphens; anything else is "not found". */
export function slugParam(params: Record<string, string | undefined>, name = "slug"): string {
  const raw = params[name] ?? "";
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(raw) || raw.length > 80) throw new DomainError("services.notFound", undefined, undefined, 404);
  return raw;
}

/** `?v=7` from a printed guide's QR code; anything else is ignored. */
export function printedVersionParam(request: Request): number | undefined {
  const raw = new URL(request.url).searchParams.get("v") ?? "";
  return /^\d{1,6}$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined;
}

export function siteOrigin(request: Request, publicUrl?: string): string {
  return publicUrl ? new URL(publicUrl).origin : new URL(request.url).origin;
}

/** The social card's words for a service, from its current version. */
export function cardTextFor(
  t: Translate,
  s: { name: string; unit: { name: string }; currentVersion: { number: number; costAmount: number; durationValue: number; durationUnit: DurationUnit } },
  origin: string,
): CardText {
  const v = s.currentVersion;
  return {
    name: s.name,
    unit: s.unit.name,
    costLabel: t("services.cost"),
    cost: costText(t, v.costAmount),
    timeLabel: t("services.time"),
    time: durationText(t, { value: v.durationValue, unit: v.durationUnit }),
    version: t("services.version.number", { number: v.number }),
    site: new URL(origin).host,
  };
}
