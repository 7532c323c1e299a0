// Pieces shared by the service pages: cost and time said plainly, the list of
// changes between two versions, the version line.
import { useRouteLoaderData } from "@remix-run/react";
import { can, type Actor } from "~/domain/accounts/roles";
import type { Change, Duration } from "~/domain/services/diff";
import { costText, durationText } from "~/domain/services/format";
import { formatDate, type Locale, type Translate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export { costText, durationText };

/** One sentence per change, in the reader's language. */
export function changeSentences(t: Translate, change: Change): string[] {
  switch (change.kind) {
    case "cost":
      return [t("services.change.cost", { from: costText(t, change.from), to: costText(t, change.to) })];
    case "costBasis":
      return [t("services.change.costBasis", { to: change.to ?? "—" })];
    case "duration":
      return [t("services.change.duration", { from: durationText(t, change.from), to: durationText(t, change.to) })];
    case "requirementAdded":
      return [t("services.change.requirementAdded", { name: change.name })];
    case "requirementRemoved":
      return [t("services.change.requirementRemoved", { name: change.name })];
    case "requirementChanged":
      return [t("services.change.requirementChanged", { name: change.name, to: change.to })];
    case "stepsCounter":
    case "stepsOnline":
      return [
        t(change.kind === "stepsCounter" ? "services.change.stepsCounter" : "services.change.stepsOnline"),
        ...change.added.map((text) => t("services.change.stepAdded", { text })),
        ...change.removed.map((text) => t("services.change.stepRemoved", { text })),
        ...(change.reordered ? [t("services.change.stepsReordered")] : []),
      ];
    case "online":
      return [change.to ? t("services.change.online", { to: change.to }) : t("services.change.onlineGone")];
    case "product":
      return [t("services.change.product", { to: change.to })];
    case "complaints":
      return [t("services.change.complaints")];
    case "name":
      return [t("services.change.name", { from: change.from, to: change.to })];
  }
}

export function ChangeList({ changes, className }: { changes: Change[]; className?: string }) {
  const t = useT();
  return (
    <ul className={className ?? "svc-changes"}>
      {changes.map((c, i) => {
        const [head, ...rest] = changeSentences(t, c);
        return (
          <li key={i}>
            {head}
            {rest.length > 0 && (
              <ul>
                {rest.map((r, j) => (
                  <li key={j}>{r}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function versionMeta(t: Translate, locale: Locale, v: { number: number; effectiveFrom: Date | string }, checked: Date | string): string {
  return t("services.version.meta", {
    number: v.number,
    effective: formatDate(new Date(v.effectiveFrom), locale),
    checked: formatDate(new Date(checked), locale),
  });
}

/** Cost and time first, in large type: what a person in a hurry looks for. */
export function CostAndTime({ cost, duration, costBasis }: { cost: number; duration: Duration; costBasis?: string | null }) {
  const t = useT();
  return (
    <dl className="svc-facts">
      <div className="svc-fact">
        <dt>{t("services.cost")}</dt>
        <dd>
          <span className="svc-fact-value" data-testid="service-cost">
            {costText(t, cost)}
          </span>
          {cost === 0 ? (
            <span className="svc-fact-note">{t("services.cost.freePlain")}</span>
          ) : (
            costBasis && <span className="svc-fact-note">{t("services.cost.basis", { basis: costBasis })}</span>
          )}
        </dd>
      </div>
      <div className="svc-fact">
        <dt>{t("services.time")}</dt>
        <dd>
          <span className="svc-fact-value" data-testid="service-time">
            {durationText(t, duration)}
          </span>
        </dd>
      </div>
    </dl>
  );
}

export function useServiceFormat() {
  const t = useT();
  const locale = useLocale();
  return { t, locale, cost: (n: number) => costText(t, n), duration: (d: Duration) => durationText(t, d) };
}

/** The signed-in person from the root loader, to show staff links (the server checks every action). */
export function useServiceStaff(): { desk: boolean; edit: boolean } {
  const root = useRouteLoaderData("root") as { user?: Actor | null } | undefined;
  const user = root?.user ?? null;
  return { desk: can.serviceDesk(user), edit: can.manageAllServices(user) || can.superviseUnit(user) };
}
