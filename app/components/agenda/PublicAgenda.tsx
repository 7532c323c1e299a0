// The public page of a deliberation: phase and dates, the score formula, the items
// in priority order with their breakdown, decisions and sources, dot voting during
// the public review (plain form: works without JavaScript), exports.
import { Form, Link } from "@remix-run/react";
import { CsrfField, FormAlert, type FormState } from "~/components/forms";
import type { PublicAgendaPage } from "~/domain/agenda/agenda.server";
import type { MessageKey } from "~/i18n";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { DecisionTag, FormErrors, PhaseTimeline, ScheduleList, ScoreBreakdown, ScoreFormula, formatRupiah, levelLabel } from "./AgendaParts";

/** The page, from the route's loader data and (after a refused ballot) its action data. */
export function PublicAgenda({ data, state }: { data: PublicAgendaPage; state?: FormState }) {
  const t = useT();
  const locale = useLocale();
  const { d, items, voter } = data;
  const heading = t("agenda.heading", { year: d.year, level: levelLabel(t, d.level), area: d.areaName });
  const ballot = voter.ballot;
  const showVoting = data.votingOpen;
  // errors about fields the page does not show (an item that is not one of these) are spelled out
  const fields = new Set(items.map((item) => `dots-${item.id}`));
  const stray = Object.entries(state?.errors ?? {}).filter(([field]) => !fields.has(field));
  return (
    <>
      <h1>{heading}</h1>
      <PhaseTimeline phase={d.phase} />
      <ScheduleList d={d} />
      <ul className="agenda-links">
        {d.event && (
          <li>
            <Link to={`/events/${d.event.id}`}>{t("agenda.public.sessionEvent")}</Link>
          </li>
        )}
        {data.canPlan && (
          <li>
            <Link to={`/agenda/manage/${d.id}`}>{t("agenda.public.manage")}</Link>
          </li>
        )}
      </ul>
      <ScoreFormula d={d} />

      {showVoting && (
        <section className="agenda-vote" id="vote" aria-labelledby="vote-title">
          <h2 id="vote-title">{t("agenda.vote.title")}</h2>
          <p>{t("agenda.vote.intro", { budget: d.votesPerResident, end: formatDate(d.reviewEnd, locale) })}</p>
          {d.verifiedResidentsOnly && <p>{t("agenda.vote.verifiedOnly")}</p>}
          {!data.signedIn ? (
            <p>
              <Link to={`/login?redirectTo=${encodeURIComponent(d.path)}`}>{t("agenda.vote.signIn")}</Link>
            </p>
          ) : !voter.eligible ? (
            <p>
              {voter.reason ? t(voter.reason) : null}
              {voter.reason === "agenda.vote.noArea" && (
                <>
                  {" "}
                  <Link to="/account">{t("nav.account")}</Link>
                </>
              )}
            </p>
          ) : (
            <Form method="post" noValidate>
              <CsrfField />
              <p className="agenda-remaining" aria-live="polite">
                {t("agenda.vote.remaining", { remaining: voter.remaining, budget: d.votesPerResident })}
              </p>
              {voter.assisted && <p>{t("agenda.vote.assisted")}</p>}
              {stray.length > 0 ? <FormErrors state={{ formError: state?.formError, errors: Object.fromEntries(stray) }} /> : <FormAlert state={state} />}
              {items.map((item) => {
                const name = `dots-${item.id}`;
                const error = state?.errors?.[name];
                return (
                  <div className="field" key={item.id}>
                    <label htmlFor={`f-${name}`}>{t("agenda.vote.field", { title: item.title })}</label>
                    <input
                      id={`f-${name}`}
                      name={name}
                      type="number"
                      min={0}
                      max={d.votesPerResident}
                      inputMode="numeric"
                      defaultValue={state?.values?.[name] ?? String(ballot[item.id] ?? 0)}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `f-${name}-error` : undefined}
                    />
                    {error && (
                      <p className="field-error" id={`f-${name}-error`}>
                        {t(error.key, error.params)}
                      </p>
                    )}
                  </div>
                );
              })}
              <button type="submit">{t("agenda.vote.submit")}</button>
            </Form>
          )}
        </section>
      )}

      <h2>{t("agenda.public.items")}</h2>
      {d.phase !== "draft" && data.dotCount > 0 && <p>{t("agenda.public.voters", { voters: data.voterCount, dots: data.dotCount })}</p>}
      {items.length === 0 ? (
        <p>{t("agenda.public.noItems")}</p>
      ) : (
        <ol className="agenda-items">
          {items.map((item) => (
            <li key={item.id} id={`item-${item.id}`} className="agenda-item">
              <div className="agenda-item-head">
                <span className="agenda-rank">{t("agenda.public.rank", { rank: item.rank })}</span>
                <span className="agenda-score">
                  {t("agenda.score.total")}: {item.breakdown.total}
                </span>
              </div>
              <h3>{item.title}</h3>
              <p>{item.rationale}</p>
              <ul className="agenda-meta">
                {item.costEstimate !== null && (
                  <li>
                    {t("agenda.public.cost")}: {formatRupiah(item.costEstimate, locale)}
                  </li>
                )}
                {item.agency && (
                  <li>
                    {t("agenda.public.agency")}: {item.agency}
                  </li>
                )}
                {item.carriedFrom && <li>{t("agenda.public.carried", { year: item.carriedFrom.year })}</li>}
                {showVoting && voter.eligible && <li>{t("agenda.vote.yours", { dots: ballot[item.id] ?? 0 })}</li>}
              </ul>
              <ScoreBreakdown breakdown={item.breakdown} weights={d} label={`${t("agenda.score.breakdown")}: ${item.title}`} />
              <p>
                <strong>{t("agenda.decision.label")}:</strong> <DecisionTag decision={item.decision} />
                {item.decisionReason && (
                  <>
                    {" "}
                    {t("agenda.decision.reason")}: {item.decisionReason}
                  </>
                )}
              </p>
              <h4>{t("agenda.public.sources")}</h4>
              <ul className="agenda-sources">
                {item.aspirations.map((a) => (
                  <li key={a.id}>
                    <Link to={`/aspirations/${a.code}`}>{a.code}</Link>: {a.title}{" "}
                    <span className="muted">
                      ({t(`agenda.aspStatus.${a.status}` as MessageKey)}
                      {a.kelurahan ? `, ${[a.rw, a.kelurahan].filter(Boolean).join(" ")}` : ""})
                    </span>
                    {a.members > 0 && <> {t("agenda.public.grouped", { count: a.members })}</>}
                    {a.sourceQuestion && (
                      <div>
                        {t("agenda.public.question", { text: a.sourceQuestion.text })} ·{" "}
                        <Link to={`/events/${a.sourceQuestion.eventId}`}>{a.sourceQuestion.eventTitle}</Link>
                      </div>
                    )}
                    {!a.sourceQuestion && a.sourceEvent && (
                      <div>
                        {t("agenda.public.raisedAt", { event: "" })}
                        <Link to={`/events/${a.sourceEvent.id}`}>{a.sourceEvent.title}</Link>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}

      {d.minutes && (
        <section aria-labelledby="minutes-title">
          <h2 id="minutes-title">{t("agenda.public.minutes")}</h2>
          <p className="agenda-minutes-text">{d.minutes}</p>
        </section>
      )}

      <h2>{t("agenda.public.exports")}</h2>
      <ul className="agenda-links">
        <li>
          <a href={`${d.path}/export.csv`} download>
            {t("agenda.public.csv")}
          </a>
        </li>
        <li>
          <a href={`${d.path}/export.json`}>{t("agenda.public.json")}</a>
        </li>
        {d.event && (
          <li>
            <a href={`${d.path}/session.ics`}>{t("agenda.public.ics")}</a>
          </li>
        )}
      </ul>

      {data.others.length > 0 && (
        <>
          <h2>{t("agenda.public.others")}</h2>
          <ul>
            {data.others.map((o) => (
              <li key={o.id}>
                <Link to={o.path}>
                  {levelLabel(t, o.level)} {o.areaName}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
