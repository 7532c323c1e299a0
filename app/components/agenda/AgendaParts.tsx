// Pieces shared by the deliberation pages: the phase timeline, the score
// formula in plain words, and an item's score broken down by component.
import type { FormState } from "~/components/forms";
import type { MessageKey } from "~/i18n";
import { formatDate, formatDateTime } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export const PHASE_LIST = ["draft", "candidates", "review", "session", "decided", "closed"] as const;

/** Single fetch brings dates to the page as `Date`s. */
export interface Dates {
  phase: string;
  intakeStart: Date;
  intakeEnd: Date;
  reviewStart: Date;
  reviewEnd: Date;
  event: { startsAt: Date; endsAt: Date; venueName: string; venueAddress: string } | null;
}

export function PhaseTimeline({ phase }: { phase: string }) {
  const t = useT();
  const current = PHASE_LIST.indexOf(phase as (typeof PHASE_LIST)[number]);
  return (
    <ol className="agenda-phases" aria-label={t("agenda.phase.timeline")}>
      {PHASE_LIST.filter((p) => p !== "draft" || phase === "draft").map((p) => {
        const i = PHASE_LIST.indexOf(p);
        const state = i < current ? "done" : i === current ? "current" : "next";
        return (
          <li key={p} className={`agenda-phase agenda-phase-${state}`} aria-current={state === "current" ? "step" : undefined}>
            <span className="agenda-phase-name">{t(`agenda.phase.${p}` as MessageKey)}</span>
            {state === "current" && <span className="agenda-phase-help">{t(`agenda.phase.${p}.help` as MessageKey)}</span>}
          </li>
        );
      })}
    </ol>
  );
}

export function ScheduleList({ d }: { d: Dates }) {
  const t = useT();
  const locale = useLocale();
  const day = (v: Date) => formatDate(v, locale);
  return (
    <dl className="agenda-dates">
      <dt>{t("agenda.public.intake")}</dt>
      <dd>
        {day(d.intakeStart)} – {day(d.intakeEnd)}
      </dd>
      <dt>{t("agenda.public.review")}</dt>
      <dd>
        {day(d.reviewStart)} – {day(d.reviewEnd)}
      </dd>
      {d.event && (
        <>
          <dt>{t("agenda.public.session")}</dt>
          <dd>
            {formatDateTime(d.event.startsAt, locale)}, {d.event.venueName}, {d.event.venueAddress}
          </dd>
        </>
      )}
    </dl>
  );
}

export interface WeightsData {
  level: string;
  weightSupports: number;
  weightVotes: number;
  weightUrgency: number;
  weightReach: number;
}

export function ScoreFormula({ d }: { d: WeightsData }) {
  const t = useT();
  return (
    <section className="agenda-formula" aria-labelledby="score-formula">
      <h2 id="score-formula">{t("agenda.score.title")}</h2>
      <p className="agenda-formula-line">
        {t("agenda.score.formula", { supports: d.weightSupports, votes: d.weightVotes, urgency: d.weightUrgency, reach: d.weightReach })}
      </p>
      <p>{t("agenda.score.explain", { reachUnit: t(d.level === "kecamatan" ? "agenda.score.reachKelurahan" : "agenda.score.reachRw") })}</p>
      <p>{t("agenda.score.ties")}</p>
    </section>
  );
}

export interface BreakdownData {
  components: { supports: number; votes: number; urgency: number; reach: number };
  parts: { supports: number; votes: number; urgency: number; reach: number };
  total: number;
}

export function ScoreBreakdown({ breakdown, weights, label }: { breakdown: BreakdownData; weights: WeightsData; label: string }) {
  const t = useT();
  const rows = [
    ["supports", weights.weightSupports],
    ["votes", weights.weightVotes],
    ["urgency", weights.weightUrgency],
    ["reach", weights.weightReach],
  ] as const;
  return (
    <table className="agenda-breakdown">
      <caption className="visually-hidden">{label}</caption>
      <tbody>
        {rows.map(([c, w]) => (
          <tr key={c}>
            <th scope="row">{t(`agenda.score.${c}`)}</th>
            <td>{t("agenda.score.part", { count: breakdown.components[c], weight: w, part: breakdown.parts[c] })}</td>
          </tr>
        ))}
        <tr className="agenda-breakdown-total">
          <th scope="row">{t("agenda.score.total")}</th>
          <td>{breakdown.total}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function DecisionTag({ decision }: { decision: string | null }) {
  const t = useT();
  const key = decision ? (`agenda.decision.${decision}` as MessageKey) : "agenda.decision.undecided";
  return <span className={`agenda-decision agenda-decision-${decision ?? "none"}`}>{t(key)}</span>;
}

export function levelLabel(t: (k: MessageKey) => string, level: string) {
  return t(`agenda.level.${level}` as MessageKey);
}

export function formatRupiah(n: number, locale: "id" | "en") {
  return `Rp ${new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB").format(n)}`;
}

/**
 * Every message of a refused form whose fields are hidden (ids of items, residents,
 * carried items): a summary alone would not say what went wrong.
 */
export function FormErrors({ state }: { state?: FormState }) {
  const t = useT();
  const messages = [...(state?.formError ? [state.formError] : []), ...Object.values(state?.errors ?? {})];
  if (messages.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert">
      {messages.map((m, i) => (
        <p key={i}>{t(m.key, m.params)}</p>
      ))}
    </div>
  );
}
