// The figures as people read them: the IKM with its grade, the sample ("217 dari 357
// responden") said plainly when too small, the nine NRRs in a table, and accessible
// SVG charts whose figures are always in a table next to them.
import { Link } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { TableRegion } from "~/components/TableRegion";
import type { ElementLabels } from "~/domain/satisfaction/elements";
import { formatIkm, type ElementKey, type Grade, type IkmResult } from "~/domain/satisfaction/ikm";
import { PROFILE_FIELDS, type ProfileField } from "~/domain/satisfaction/satisfaction.schema";
import type { MessageKey } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { periodText } from "./PeriodPicker";
import { profileLabel } from "./SheetForm";

export function gradeLabel(grade: Grade): MessageKey {
  return `satisfaction.grade.${grade}` as MessageKey;
}

export function IkmSummary({ result, respondents }: { result: IkmResult; respondents: number }) {
  const t = useT();
  const locale = useLocale();
  if (result.shown === null || result.grade === null) return <p className="alert">{t("satisfaction.results.noIkm")}</p>;
  return (
    <div className={`skm-ikm grade-${result.grade}`}>
      <p className="skm-ikm-label">{t("satisfaction.results.ikm")}</p>
      <p className="skm-ikm-value">{formatIkm(result.shown, locale)}</p>
      <p className="skm-ikm-grade">{t("satisfaction.results.grade", { grade: result.grade, label: t(gradeLabel(result.grade)) })}</p>
      <p className="muted">
        {t("satisfaction.report.respondents")}: {respondents}
      </p>
    </div>
  );
}

export interface SampleView {
  respondents: number;
  needed: number | null;
  representative: boolean;
}

export function SampleNote({ sample, users }: { sample: SampleView; users: { users: number | null; source: "queue" | "staff" | null } }) {
  const t = useT();
  if (sample.needed === null || users.users === null)
    return <p className="alert">{t("satisfaction.results.sampleUnknown", { respondents: sample.respondents })}</p>;
  const pct = sample.needed ? Math.min(100, Math.round((sample.respondents / sample.needed) * 100)) : 100;
  return (
    <div className="skm-sample">
      <p className="skm-sample-count">
        <strong>{t("satisfaction.results.sample", { respondents: sample.respondents, needed: sample.needed })}</strong>
      </p>
      {/* an SVG attribute, not an inline style: the CSP allows no style attributes */}
      <svg className="skm-progress" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect x="0" y="0" width={pct} height="4" />
      </svg>
      {sample.representative ? (
        <p>{t("satisfaction.results.sampleOk", { users: users.users, needed: sample.needed })}</p>
      ) : (
        <p className="alert alert-warning" role="note">
          {t("satisfaction.results.sampleSmall", { needed: sample.needed, users: users.users })} {t("satisfaction.results.voluntary")}
        </p>
      )}
      {users.source && (
        <p className="muted">
          {t(users.source === "queue" ? "satisfaction.results.usersFrom.queue" : "satisfaction.results.usersFrom.staff", { users: users.users })}
        </p>
      )}
    </div>
  );
}

export const formatNrr = (locale: "id" | "en", v: number) =>
  new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);

const weightedFormat = (locale: "id" | "en", v: number) =>
  new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB", { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(v);

/**
 * The nine NRRs as a chart and a table. With `result` (the SKM report) the table also has
 * each weighted NRR (NRR × 1/9) and a footer with their sum (IKM 1–4), × 25, and the grade.
 */
export function ElementsTable({
  id,
  elements,
  nrr,
  counts,
  result,
}: {
  id: string;
  elements: ElementLabels[];
  nrr: Record<ElementKey, number | null>;
  counts?: Record<ElementKey, { count: number }>;
  result?: IkmResult;
}) {
  const t = useT();
  const locale = useLocale();
  const columns = 2 + (counts ? 1 : 0);
  return (
    <>
      <BarChartSvg
        id={`${id}-chart`}
        title={t("satisfaction.report.elementsChart")}
        max={4}
        rows={elements.map((e) => ({
          label: `${e.key} ${e.name[locale]}`,
          value: nrr[e.key],
          text: nrr[e.key] === null ? "—" : formatNrr(locale, nrr[e.key]!),
        }))}
      />
      <TableRegion labelledBy={`${id}-caption`}>
        <table>
          <caption id={`${id}-caption`}>{t("satisfaction.results.elements")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("satisfaction.results.element")}</th>
              {counts && <th scope="col">{t("satisfaction.results.answers")}</th>}
              <th scope="col">{t("satisfaction.results.nrr")}</th>
              {result && <th scope="col">{t("satisfaction.skm.weighted")}</th>}
            </tr>
          </thead>
          <tbody>
            {elements.map((e) => (
              <tr key={e.key}>
                <th scope="row">
                  {e.key} {e.name[locale]}
                </th>
                {counts && <td>{counts[e.key].count}</td>}
                <td>{nrr[e.key] === null ? "—" : formatNrr(locale, nrr[e.key]!)}</td>
                {result && <td>{nrr[e.key] === null ? "—" : weightedFormat(locale, nrr[e.key]! / 9)}</td>}
              </tr>
            ))}
          </tbody>
          {result && result.ikm4 !== null && result.shown !== null && result.grade && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={columns}>
                  {t("satisfaction.skm.ikm4")}
                </th>
                <td>{weightedFormat(locale, result.ikm4)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={columns}>
                  {t("satisfaction.skm.ikm100")}
                </th>
                <td>
                  <strong>{formatIkm(result.shown, locale)}</strong> ·{" "}
                  {t("satisfaction.results.grade", { grade: result.grade, label: t(gradeLabel(result.grade)) })}
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      </TableRegion>
    </>
  );
}

export interface ChartRow {
  label: string;
  value: number | null;
  text: string;
}

/** Horizontal bars; the SVG is one image described by its title, the figures are in the table beside it. */
export function BarChartSvg({ id, title, rows, max }: { id: string; title: string; rows: ChartRow[]; max: number }) {
  const labelWidth = 250;
  const width = 640;
  const barArea = width - labelWidth - 60;
  const rowHeight = 26;
  const height = rows.length * rowHeight + 8;
  return (
    <svg className="skm-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} focusable="false">
      <title id={`${id}-title`}>{title}</title>
      {rows.map((r, i) => {
        const y = i * rowHeight + 4;
        const w = r.value === null ? 0 : (r.value / max) * barArea;
        return (
          <g key={r.label} aria-hidden="true">
            <text x={labelWidth - 8} y={y + 15} textAnchor="end">
              {r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}
            </text>
            <rect className="skm-bar" x={labelWidth} y={y + 3} width={Math.max(w, 1)} height={16} />
            <text x={labelWidth + Math.max(w, 1) + 4} y={y + 15}>
              {r.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The IKM over periods as a line on 25-100 with the grade bounds; the figures are in the table beside it. */
export function TrendChart({ id, title, points }: { id: string; title: string; points: { period: string; ikm: number | null }[] }) {
  const width = 640;
  const height = 220;
  const left = 44;
  const bottom = 30;
  const top = 10;
  const min = 50;
  // room on the right for the last period's label, centred on its point
  const x = (i: number) => left + (points.length <= 1 ? 0 : (i * (width - left - 40)) / (points.length - 1));
  const y = (v: number) => top + ((100 - Math.max(min, v)) / (100 - min)) * (height - top - bottom);
  const path = points
    .map((p, i) => (p.ikm === null ? null : `${x(i)},${y(p.ikm)}`))
    .filter(Boolean)
    .join(" ");
  return (
    <svg className="skm-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} focusable="false">
      <title id={`${id}-title`}>{title}</title>
      <g aria-hidden="true">
        {[88.31, 76.61, 65].map((b) => (
          <g key={b}>
            <line className="skm-bound" x1={left} x2={width - 10} y1={y(b)} y2={y(b)} />
            <text x={4} y={y(b) + 4}>
              {b}
            </text>
          </g>
        ))}
        <polyline className="skm-line" points={path} fill="none" />
        {points.map((p, i) => (
          <g key={p.period}>
            {p.ikm !== null && <circle className="skm-dot" cx={x(i)} cy={y(p.ikm)} r={4} />}
            <text x={x(i)} y={height - 8} textAnchor="middle">
              {p.period}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

export interface TrendPoint {
  period: string;
  ikm: number | null;
  grade: Grade | null;
  respondents: number;
}

/** The trend over earlier periods: the chart and the same figures in a table (results page and report card). */
export function TrendSection({ trend }: { trend: TrendPoint[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="trend-h">
      <h2 id="trend-h">{t("satisfaction.report.trend")}</h2>
      <TrendChart id="trend" title={t("satisfaction.report.trendChart")} points={trend} />
      <TableRegion labelledBy="trend-caption">
        <table>
          <caption id="trend-caption">{t("satisfaction.report.trend")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("satisfaction.results.period")}</th>
              <th scope="col">IKM</th>
              <th scope="col">{t("satisfaction.report.grade")}</th>
              <th scope="col">{t("satisfaction.report.respondents")}</th>
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr key={p.period}>
                <th scope="row">{periodText(t, p.period)}</th>
                <td>{p.ikm === null ? "—" : formatIkm(p.ikm, locale)}</td>
                <td>{p.grade ? `${p.grade} (${t(gradeLabel(p.grade))})` : "—"}</td>
                <td>{p.respondents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

const PROFILE_TITLE: Record<ProfileField, MessageKey> = {
  ageGroup: "satisfaction.form.ageGroup",
  sex: "satisfaction.form.sex",
  education: "satisfaction.form.education",
  occupation: "satisfaction.form.occupation",
};

export type Profile = Record<ProfileField, { value: string | null; count: number }[]>;

/** The respondents' profile: one table per field (age, sex, education, occupation), with shares when asked. */
export function ProfileTables({ profile, shares = false }: { profile: Profile; shares?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const pct = new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB", { style: "percent", maximumFractionDigits: 1 });
  return (
    <div className="skm-profile-tables">
      {(Object.keys(PROFILE_FIELDS) as ProfileField[]).map((field) => {
        const total = profile[field].reduce((a, r) => a + r.count, 0);
        return (
          <TableRegion key={field} labelledBy={`profile-${field}`}>
            <table>
              <caption id={`profile-${field}`}>{t(PROFILE_TITLE[field])}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(PROFILE_TITLE[field])}</th>
                  <th scope="col">{t("satisfaction.results.count")}</th>
                  {shares && <th scope="col">{t("satisfaction.skm.share")}</th>}
                </tr>
              </thead>
              <tbody>
                {profile[field].map((row) => (
                  <tr key={row.value ?? "none"}>
                    <th scope="row">{t(profileLabel(field, row.value))}</th>
                    <td>{row.count}</td>
                    {shares && <td>{total ? pct.format(row.count / total) : "—"}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        );
      })}
    </div>
  );
}

export interface RankingRow {
  id: number;
  name: string;
  ikm: number | null;
  grade: Grade | null;
  respondents: number;
  rank?: number | null;
}

/** Units side by side for a period (the ranking page and the office report): each row links to `linkTo(id)`. */
export function RankingTable({ rows, linkTo }: { rows: RankingRow[]; linkTo: (id: number) => string }) {
  const t = useT();
  const locale = useLocale();
  const ranked = rows.some((r) => r.rank !== undefined);
  return (
    <TableRegion labelledBy="ranking-caption">
      <table>
        <caption id="ranking-caption">{t("satisfaction.report.ranking")}</caption>
        <thead>
          <tr>
            {ranked && <th scope="col">{t("satisfaction.report.rank")}</th>}
            <th scope="col">{t("satisfaction.report.unit")}</th>
            <th scope="col">IKM</th>
            <th scope="col">{t("satisfaction.report.grade")}</th>
            <th scope="col">{t("satisfaction.report.respondents")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {ranked && <td>{r.rank ?? "—"}</td>}
              <th scope="row">
                <Link to={linkTo(r.id)}>{r.name}</Link>
              </th>
              <td>{r.ikm === null ? "—" : formatIkm(r.ikm, locale)}</td>
              <td>{r.grade ? `${r.grade} (${t(gradeLabel(r.grade))})` : "—"}</td>
              <td>{r.respondents}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** A short list of labelled figures (counts, medians). */
export function Facts({ rows }: { rows: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="skm-facts">
      {rows.map((r) => (
        <Fragment key={r.label}>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
