// The moderator console: queue, publish, screen control, answers, archive,
// session switches, bans, CSV export. Plain forms (they work without
// JavaScript); with JavaScript the console also follows changes live.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { AnswerText, AspirationCodes, LiveRefusal, QuestionMeta } from "~/components/qa";
import { ModeratorPollsPanel } from "~/components/polls";
import { copySources, moderatorPolls } from "~/domain/qa/polls.server";
import { usePollLive } from "~/realtime/polls-client";
import pollsStyles from "~/styles/polls.css";
import { CsrfField, FormAlert } from "~/components/forms";
import { can } from "~/domain/accounts/roles";
import { eventTitleIn } from "~/domain/events/events.server";
import { publishChange } from "~/domain/qa/broadcast.server";
import { banSchema, LABEL_MAX, moderateSchema, QUESTION_MAX, REPLY_MAX, sessionActionSchema } from "~/domain/qa/qa.schema";
import { banAsker, moderateQuestion, moderatorSnapshot, requireSession, sessionAction } from "~/domain/qa/qa.server";
import { allowedActions, sortQuestions } from "~/domain/qa/rules";
import type { QuestionView, Snapshot } from "~/domain/qa/views";
import { metaT, useT } from "~/i18n/react";
import { useQaLive } from "~/realtime/qa-client";
import qaStyles from "~/styles/qa.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: qaStyles },
  { rel: "stylesheet", href: pollsStyles },
];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [{ title: `${metaT(matches)("qa.mod.title", { event: data?.title ?? "" })} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const user = await requirePermission(request, context, can.moderate);
  const session = await requireSession(context.db, params.code ?? "");
  const snapshot = await moderatorSnapshot(context.db, user, session);
  const [polls, pollSources, title] = await Promise.all([
    moderatorPolls(context.db, user, session),
    copySources(context.db, user, session),
    // the event's title in the reader's language (the live snapshot carries the stored text)
    eventTitleIn(context.db, session.eventId, getLocale(request)),
  ]);
  return data({ snapshot, polls, pollSources, title }, { headers: { "Cache-Control": "no-store" } });
});

const actionSchema = z.discriminatedUnion("intent", [
  moderateSchema.extend({ intent: z.literal("moderate") }),
  sessionActionSchema.extend({ intent: z.literal("session") }),
  banSchema.extend({ intent: z.literal("ban") }),
]);

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const user = await requirePermission(request, context, can.moderate);
  const session = await requireSession(context.db, params.code ?? "");
  const input = form.parse(actionSchema);
  const change =
    input.intent === "moderate"
      ? await moderateQuestion(context.db, user, session, input)
      : input.intent === "session"
        ? await sessionAction(context.db, user, session, input)
        : await banAsker(context.db, user, session, input.questionId);
  publishChange(context.realtime, change);
  return { ok: true as const };
});

function Hidden({ values }: { values: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(values).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

/** One moderator action on one question, with the version this console saw. */
function QForm({ q, action, children, className = "inline-form" }: { q: QuestionView; action: string; children: ReactNode; className?: string }) {
  return (
    <Form method="post" className={className} preventScrollReset>
      <CsrfField />
      <Hidden values={{ intent: "moderate", questionId: q.id, version: q.version, action }} />
      {children}
    </Form>
  );
}

function SessionButton({ action, label, revision }: { action: string; label: string; revision: number }) {
  return (
    <Form method="post" className="inline-form" preventScrollReset>
      <CsrfField />
      <Hidden values={{ intent: "session", action, revision }} />
      <button type="submit" className="button-secondary">
        {label}
      </button>
    </Form>
  );
}

function QuestionCard({ q, snapshot }: { q: QuestionView; snapshot: Snapshot }) {
  const t = useT();
  const allowed = new Set(allowedActions(q.status));
  const s = snapshot.session;
  const mergeTargets = snapshot.questions.filter((x) => x.id !== q.id && x.mergedIntoId == null && (x.status === "approved" || x.status === "answered"));
  const label = (key: Parameters<typeof t>[0]) => `${t(key)}: ${t("qa.mod.questionFor", { id: q.id })}`;
  return (
    <li id={`q-${q.id}`} className={`qa-item qa-item-${q.status}`} data-question-id={q.id}>
      <p className="qa-text">
        <span className="muted">#{q.id} </span>
        {q.text}
      </p>
      {q.originalText && <p className="muted">{t("qa.q.edited", { text: q.originalText })}</p>}
      <QuestionMeta q={q} onScreen={s.onScreenQuestionId === q.id} next={s.nextQuestionId === q.id} />
      <p className="qa-meta">
        <span>{t("qa.q.author", { id: q.author ?? "" })}</span> ·{" "}
        <span className="qa-votes" data-votes={q.voteCount}>
          {t("qa.votes", { count: q.voteCount })}
        </span>
        {q.mergedIntoId ? <span> · {t("qa.q.mergedInto", { id: q.mergedIntoId })}</span> : null}
      </p>
      <AnswerText q={q} />
      <AspirationCodes q={q} />
      <div className="qa-actions">
        {allowed.has("approve") && (
          <QForm q={q} action="approve">
            <button type="submit" aria-label={label("qa.mod.approve")}>
              {t("qa.mod.approve")}
            </button>
          </QForm>
        )}
        {allowed.has("show") && s.onScreenQuestionId !== q.id && (
          <QForm q={q} action="show">
            <button type="submit" aria-label={label("qa.mod.show")}>
              {t("qa.mod.show")}
            </button>
          </QForm>
        )}
        {allowed.has("next") && s.nextQuestionId !== q.id && (
          <QForm q={q} action="next">
            <button type="submit" className="button-secondary" aria-label={label("qa.mod.setNext")}>
              {t("qa.mod.setNext")}
            </button>
          </QForm>
        )}
        {allowed.has("pin") && (
          <QForm q={q} action={q.pinned ? "unpin" : "pin"}>
            <button type="submit" className="button-secondary" aria-label={label(q.pinned ? "qa.mod.unpin" : "qa.mod.pin")}>
              {t(q.pinned ? "qa.mod.unpin" : "qa.mod.pin")}
            </button>
          </QForm>
        )}
        {allowed.has("reject") && (
          <QForm q={q} action="reject">
            <button type="submit" className="button-secondary" aria-label={label("qa.mod.reject")}>
              {t("qa.mod.reject")}
            </button>
          </QForm>
        )}
        {allowed.has("archive") && (
          <QForm q={q} action="archive">
            <button type="submit" className="button-secondary" aria-label={label("qa.mod.archive")}>
              {t("qa.mod.archive")}
            </button>
          </QForm>
        )}
        {allowed.has("restore") && (
          <QForm q={q} action="restore">
            <button type="submit" aria-label={label("qa.mod.restore")}>
              {t("qa.mod.restore")}
            </button>
          </QForm>
        )}
      </div>
      {(allowed.has("answer") || allowed.has("edit") || allowed.has("label") || allowed.has("merge") || q.status !== "archived") && (
        <details className="qa-more">
          <summary>
            {t("qa.mod.more")}
            <span className="visually-hidden"> {t("qa.mod.questionFor", { id: q.id })}</span>
          </summary>
          {allowed.has("answer") && (
            <QForm q={q} action="answer" className="stack">
              <div className="field">
                <label htmlFor={`reply-${q.id}`}>
                  {t("qa.mod.reply")} <span className="muted">{t("form.optional")}</span>
                </label>
                <textarea id={`reply-${q.id}`} name="reply" rows={3} maxLength={REPLY_MAX} defaultValue={q.answerText ?? ""} />
              </div>
              <button type="submit">{t("qa.mod.answer")}</button>
            </QForm>
          )}
          {allowed.has("edit") && (
            <QForm q={q} action={q.status === "pending" || q.status === "rejected" ? "approve" : "edit"} className="stack">
              <div className="field">
                <label htmlFor={`text-${q.id}`}>{t("qa.mod.editText")}</label>
                <textarea id={`text-${q.id}`} name="text" rows={3} maxLength={QUESTION_MAX} defaultValue={q.text} />
              </div>
              <button type="submit">{t(q.status === "pending" || q.status === "rejected" ? "qa.mod.approveEdited" : "qa.mod.edit")}</button>
            </QForm>
          )}
          {allowed.has("label") && (
            <QForm q={q} action="label">
              <label htmlFor={`label-${q.id}`}>{t("qa.mod.label")}</label>
              <input id={`label-${q.id}`} name="label" maxLength={LABEL_MAX} defaultValue={q.label ?? ""} />
              <button type="submit" className="button-secondary">
                {t("qa.mod.saveLabel")}
              </button>
            </QForm>
          )}
          {allowed.has("merge") && mergeTargets.length > 0 && (
            <QForm q={q} action="merge">
              <label htmlFor={`into-${q.id}`}>{t("qa.mod.merge")}</label>
              <select id={`into-${q.id}`} name="intoId" defaultValue="">
                <option value="" disabled>
                  {t("form.choose")}
                </option>
                {mergeTargets.map((x) => (
                  <option key={x.id} value={x.id}>
                    #{x.id} {x.text.slice(0, 60)}
                  </option>
                ))}
              </select>
              <button type="submit" className="button-secondary">
                {t("qa.mod.mergeSubmit")}
              </button>
            </QForm>
          )}
          <Form method="post" className="inline-form" preventScrollReset>
            <CsrfField />
            <Hidden values={{ intent: "ban", questionId: q.id }} />
            <button type="submit" className="button-secondary">
              {t("qa.mod.ban")}
            </button>
          </Form>
          {(q.status === "approved" || q.status === "answered") && (
            <Form method="post" action={`/aspirations/from-question/${q.id}`} className="inline-form">
              <CsrfField />
              <button type="submit" className="button-secondary">
                {t("qa.mod.createAspiration")}
              </button>
            </Form>
          )}
        </details>
      )}
    </li>
  );
}

function Section({ id, title, list, snapshot }: { id: string; title: string; list: QuestionView[]; snapshot: Snapshot }) {
  const t = useT();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {list.length === 0 ? (
        <p className="muted">{t("qa.mod.nothing")}</p>
      ) : (
        <ul className="qa-list">
          {list.map((q) => (
            <QuestionCard key={q.id} q={q} snapshot={snapshot} />
          ))}
        </ul>
      )}
    </section>
  );
}

export default function QaModerate() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = result?.ok === false ? result : undefined;
  const navigation = useNavigation();
  const live = useQaLive(data.snapshot.session.code, "moderator", data.snapshot);
  const polls = usePollLive(live, data.snapshot.session.code, "moderator", { current: null, polls: data.polls });
  const snapshot = live.snapshot;
  const s = snapshot.session;
  const qs = snapshot.questions;
  const by = (status: string) => qs.filter((q) => q.status === status && (status === "archived" || q.mergedIntoId == null));
  const onScreen = qs.find((q) => q.id === s.onScreenQuestionId);
  const next = qs.find((q) => q.id === s.nextQuestionId);
  const counts = live.counts;
  return (
    <div className="qa-page qa-console wide-layout">
      <p className="qa-kicker">
        {t("qa.title")} · <span className="qa-code">{s.code}</span> · {t(s.status === "open" ? "qa.status.open" : "qa.status.closed")}
      </p>
      <h1>{t("qa.mod.title", { event: data.title })}</h1>
      <p className="qa-links">
        <a href={`/qa/${s.code}`}>{t("qa.mod.participantLink")}</a> · <a href={`/qa/${s.code}/screen`}>{t("qa.mod.screenLink")}</a> ·{" "}
        <a href={`/qa/${s.code}/export.csv`} download>
          {t("qa.mod.export")}
        </a>
      </p>
      <p className="qa-counts" role="status" aria-live="polite">
        {counts &&
          (counts.participants !== undefined
            ? t("qa.mod.counts", { participants: counts.participants, questions: counts.questions, pending: counts.pending, votes: counts.votes })
            : t("qa.mod.countsNoLive", { questions: counts.questions, pending: counts.pending, votes: counts.votes }))}
      </p>
      {navigation.state === "idle" && result?.ok && (
        <div className="alert alert-info" role="status">
          {t("qa.mod.done")}
        </div>
      )}
      <LiveRefusal error={live.joinError} />
      <FormAlert state={state} />
      {state?.formError?.key === "qa.stale" && <p className="muted">{t("qa.mod.refreshed")}</p>}

      <div className="qa-tools">
        <section aria-labelledby="session-title" className="qa-session-controls">
          <h2 id="session-title">{t("qa.mod.session")}</h2>
          <p>{t(s.premoderation ? "qa.mod.premoderationOn" : "qa.mod.premoderationOff")}</p>
          <div className="qa-actions">
            <SessionButton
              action={s.premoderation ? "premoderationOff" : "premoderationOn"}
              label={t(s.premoderation ? "qa.mod.turnPremodOff" : "qa.mod.turnPremodOn")}
              revision={s.revision}
            />
            <SessionButton
              action={s.status === "open" ? "close" : "reopen"}
              label={t(s.status === "open" ? "qa.mod.close" : "qa.mod.reopen")}
              revision={s.revision}
            />
            {s.onScreenQuestionId && <SessionButton action="clearScreen" label={t("qa.mod.clearScreen")} revision={s.revision} />}
            {s.nextQuestionId && <SessionButton action="clearNext" label={t("qa.mod.clearNext")} revision={s.revision} />}
          </div>
          <Form method="post" className="stack" preventScrollReset>
            <CsrfField />
            <Hidden values={{ intent: "session", action: "blockedWords", revision: s.revision }} />
            <div className="field">
              <label htmlFor="blocked-words">{t("qa.mod.blockedWords")}</label>
              <p className="hint" id="blocked-words-hint">
                {t("qa.mod.blockedWordsHint")}
              </p>
              <textarea
                id="blocked-words"
                name="words"
                rows={2}
                aria-describedby="blocked-words-hint"
                defaultValue={s.extraBlockedWords.join(", ")}
                key={s.extraBlockedWords.join(",")}
              />
            </div>
            <button type="submit" className="button-secondary">
              {t("qa.mod.saveWords")}
            </button>
          </Form>
        </section>

        <ModeratorPollsPanel code={s.code} polls={polls.polls} sources={data.pollSources} />
      </div>

      {/* on a laptop three columns side by side: waiting, on the screen and published, answered */}
      <div className="qa-board">
        <div className="qa-column">
          <Section id="queue-title" title={t("qa.mod.queue", { count: by("pending").length })} list={by("pending")} snapshot={snapshot} />
          <Section id="rejected-title" title={t("qa.mod.rejected", { count: by("rejected").length })} list={by("rejected")} snapshot={snapshot} />
        </div>
        <div className="qa-column">
          <div className="qa-screen-state">
            <section aria-labelledby="now-title" className="card">
              <h2 id="now-title">{t("qa.mod.onScreen")}</h2>
              <p className="qa-text" data-testid="mod-on-screen">
                {onScreen ? onScreen.text : t("qa.mod.nothing")}
              </p>
            </section>
            <section aria-labelledby="next-title" className="card">
              <h2 id="next-title">{t("qa.mod.next")}</h2>
              <p className="qa-text">{next ? next.text : t("qa.mod.nothing")}</p>
            </section>
          </div>
          <Section
            id="published-title"
            title={t("qa.mod.published", { count: by("approved").length })}
            list={sortQuestions(by("approved"), "popular")}
            snapshot={snapshot}
          />
        </div>
        <div className="qa-column">
          <Section id="answered-title" title={t("qa.mod.answered", { count: by("answered").length })} list={by("answered")} snapshot={snapshot} />
          <Section id="archived-title" title={t("qa.mod.archived", { count: by("archived").length })} list={by("archived")} snapshot={snapshot} />
        </div>
      </div>
    </div>
  );
}
