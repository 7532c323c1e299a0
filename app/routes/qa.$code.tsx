// The participant page: ask, upvote, follow the answers. Plain forms and a full
// page on reload without JavaScript; live over Socket.IO with it.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { AnswerText, AspirationCodes, LiveRefusal, QuestionMeta } from "~/components/qa";
import { ParticipantPollPanel } from "~/components/polls";
import { participantPoll } from "~/domain/qa/polls.server";
import { usePollLive } from "~/realtime/polls-client";
import pollsStyles from "~/styles/polls.css";
import { CheckboxField, CsrfField, Field, FormAlert, TextAreaField, type FormState } from "~/components/forms";
import { publicSession, publishChange, publishVoteCount } from "~/domain/qa/broadcast.server";
import { askSchema, QUESTION_MAX, voteSchema } from "~/domain/qa/qa.schema";
import { answeredPage, askQuestion, ensureParticipant, isBanned, participantSnapshot, requireSession } from "~/domain/qa/qa.server";
import { sortQuestions } from "~/domain/qa/rules";
import { ANSWERED_PAGE_SIZE, OPEN_PAGE_SIZE, openShown, type QuestionView } from "~/domain/qa/views";
import type { MessageKey } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import type { AckError } from "~/realtime/contract";
import { useQaLive } from "~/realtime/qa-client";
import qaStyles from "~/styles/qa.css";
import { getUser } from "~/utils/auth.server";
import { eventTitleIn } from "~/domain/events/events.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { participantFor } from "~/utils/qa-cookie.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: qaStyles },
  { rel: "stylesheet", href: pollsStyles },
];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [{ title: `${metaT(matches)("qa.title")}${data ? ` · ${data.title}` : ""} · Balai` }];

const sortOf = (request: Request): "popular" | "newest" => (new URL(request.url).searchParams.get("sort") === "newest" ? "newest" : "popular");
/** ?answered=2…: an older page of answered questions (page 1 is in the live list) */
/** ?open=N: how many open questions are shown (a whole number of OPEN_PAGE_SIZE pages) */
const openOf = (request: Request): number => openShown(new URL(request.url).searchParams.get("open"));
const answeredOf = (request: Request): number => Math.max(1, Math.min(100_000, Math.floor(Number(new URL(request.url).searchParams.get("answered"))) || 1));

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const session = await requireSession(context.db, params.code ?? "");
  if (params.code !== session.code) throw redirect(`/qa/${session.code}`);
  const { participantId, setCookie } = await participantFor(request, context);
  const answered = answeredOf(request);
  const sort = sortOf(request);
  const [snapshot, older, banned] = await Promise.all([
    participantSnapshot(context.db, session, participantId, { shown: openOf(request), sort }),
    answered > 1 ? answeredPage(context.db, session, participantId, answered) : Promise.resolve(null),
    isBanned(context.db, session.id, participantId),
  ]);
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (setCookie) headers.append("Set-Cookie", setCookie);
  const poll = await participantPoll(context.db, session, participantId);
  // the event's title in the reader's language (the live snapshot carries the stored text)
  const title = await eventTitleIn(context.db, session.eventId, getLocale(request));
  return data({ snapshot: { ...snapshot, session: publicSession(session) }, title, sort, openShown: openOf(request), banned, older, poll }, { headers });
});

const actionSchema = z.discriminatedUnion("intent", [askSchema.extend({ intent: z.literal("ask") }), voteSchema.extend({ intent: z.literal("vote") })]);

// Asks and votes without JavaScript: the same limits (per participant and per IP)
// and the same vote queue as the socket handlers (context.qaLimits, context.votes).
export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const session = await requireSession(context.db, params.code ?? "");
  const input = form.parse(actionSchema);
  const { participantId, setCookie } = await participantFor(request, context);
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  const shown = openOf(request);
  const backQuery = new URLSearchParams({
    ...(sortOf(request) === "newest" && { sort: "newest" }),
    ...(shown > OPEN_PAGE_SIZE && { open: String(shown) }),
  }).toString();
  const back = `/qa/${session.code}${backQuery ? `?${backQuery}` : ""}`;
  await ensureParticipant(context.db, participantId);
  if (input.intent === "ask") {
    const user = await getUser(request, context);
    const { question, change } = await askQuestion(
      context.db,
      context.qaLimits,
      { participantId, userId: user?.id ?? null, ip: context.clientIp },
      session,
      input,
    );
    if (change) publishChange(context.realtime, change);
    return redirectWithFlash(context, `${back}#q-${question.id}`, { key: question.status === "pending" ? "qa.ask.sentPending" : "qa.ask.sent" }, headers);
  }
  const result = await context.votes.cast({ participantId, ip: context.clientIp }, session.id, input);
  publishVoteCount(context.realtime, session.id, result.questionId, result.voteCount);
  return redirect(`${back}#q-${result.questionId}`, { headers });
});

/** A refusal of the live path, shown like the form's: input problems and "too fast" next to the question, the rest above the form. */
function liveFailure(error: AckError, text: string): FormState {
  const message = { key: error.messageKey, params: error.params };
  return error.code === "invalid" || error.code === "rate_limited" ? { errors: { text: message }, values: { text } } : { formError: message };
}

export default function QaParticipant() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionState = useActionData<typeof action>();
  const live = useQaLive(data.snapshot.session.code, "participant", data.snapshot, { open: data.openShown, sort: data.sort });
  const polls = usePollLive(live, data.snapshot.session.code, "participant", { current: data.poll });
  const { session, questions, myVotes } = live.snapshot;
  const [liveState, setLiveState] = useState<FormState | undefined>();
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const state = liveState ?? actionState;
  const open = session.status === "open" && !data.banned;
  // the asker's own questions stay in their box whatever happens to them, with where they are now
  const mine = questions.filter((q) => q.mine);
  const published = sortQuestions(
    questions.filter((q) => q.status === "approved" || q.status === "answered"),
    data.sort,
  );
  const voted = new Set(myVotes);
  // the open questions in the list now (live arrivals included) against the total at the last load or join
  const openInList = published.filter((q) => q.status === "approved").length;
  const openCount = live.snapshot.open && { shown: openInList, total: Math.max(live.snapshot.open.total, openInList) };
  const moreHref = `?${new URLSearchParams({ ...(data.sort === "newest" && { sort: "newest" }), open: String(data.openShown + OPEN_PAGE_SIZE) })}`;

  function onAsk(event: FormEvent<HTMLFormElement>) {
    const socket = live.emit;
    if (!socket) return; // no live connection: the browser posts the form
    event.preventDefault();
    const formEl = event.currentTarget;
    const fd = new FormData(formEl);
    socket.emit(
      "qa:ask",
      { code: session.code, text: String(fd.get("text") ?? ""), displayName: String(fd.get("displayName") ?? ""), anonymous: fd.get("anonymous") === "on" },
      (res) => {
        if ("error" in res) {
          setLiveState(liveFailure(res.error, String(fd.get("text") ?? "")));
          return;
        }
        setLiveState(undefined);
        formEl.reset();
        setNotice(res.data.question.status === "pending" ? "qa.ask.sentPending" : "qa.ask.sent");
        live.setSnapshot((s) => ({
          ...s,
          questions: s.questions.some((q) => q.id === res.data.question.id) ? s.questions : [...s.questions, res.data.question],
        }));
      },
    );
  }

  function onVote(event: FormEvent<HTMLFormElement>, q: QuestionView, on: boolean) {
    const socket = live.emit;
    if (!socket) return;
    event.preventDefault();
    socket.emit("qa:vote", { code: session.code, questionId: q.id, on }, (res) => {
      if ("error" in res) {
        setLiveState({ formError: { key: res.error.messageKey, params: res.error.params } });
        return;
      }
      live.setSnapshot((s) => ({
        ...s,
        myVotes: res.data.on ? [...new Set([...s.myVotes, q.id])] : s.myVotes.filter((id) => id !== q.id),
        questions: s.questions.map((x) => (x.id === q.id ? { ...x, voteCount: res.data.voteCount } : x)),
      }));
    });
  }

  return (
    <div className="qa-page">
      <p className="qa-kicker">
        {t("qa.title")} · <span className="qa-code">{session.code}</span>
      </p>
      <h1>{data.title}</h1>
      <p className="qa-live" role="status">
        {live.online ? t("qa.live.connected") : live.offline ? t("qa.live.offline") : ""}
      </p>
      <LiveRefusal error={live.joinError} />
      {session.status === "closed" && <div className="alert alert-info">{t("qa.closedNotice")}</div>}
      {data.banned && <div className="alert alert-error">{t("qa.bannedNotice")}</div>}
      {notice && (
        <div className="alert alert-info" role="status">
          {t(notice)}
        </div>
      )}

      <ParticipantPollPanel code={session.code} live={live} polls={polls} />

      {open && (
        <section aria-labelledby="ask-title" className="qa-ask">
          <h2 id="ask-title">{t("qa.ask.title")}</h2>
          <FormAlert state={state} />
          <Form method="post" className="stack" onSubmit={onAsk}>
            <CsrfField />
            <input type="hidden" name="intent" value="ask" />
            <TextAreaField
              name="text"
              label={t("qa.ask.text")}
              hint={t("qa.ask.textHint", { max: QUESTION_MAX })}
              state={state}
              required
              rows={3}
              maxLength={QUESTION_MAX}
            />
            <Field name="displayName" label={t("qa.ask.name")} state={state} autoComplete="nickname" />
            <CheckboxField name="anonymous" label={t("qa.ask.anonymous")} state={state} />
            <button type="submit">{t("qa.ask.submit")}</button>
          </Form>
        </section>
      )}

      {mine.length > 0 && (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{t("qa.mine")}</h2>
          <ul className="qa-list">
            {mine.map((q) => {
              const listed = q.status === "approved" || q.status === "answered";
              return (
                // a published question's anchor (#q-…) is its place in the list below
                <li key={q.id} id={listed ? undefined : `q-${q.id}`} className={`qa-item qa-item-${q.status}`}>
                  <p className="qa-text">{q.text}</p>
                  <p className={`qa-status qa-status-${q.status}`}>
                    {t(mineStatusKey(q, session.onScreenQuestionId))}
                    {listed && (
                      <>
                        {" · "}
                        {t("qa.votes", { count: q.voteCount })}
                        {" · "}
                        <a href={`#q-${q.id}`}>{t("qa.mine.inList")}</a>
                      </>
                    )}
                  </p>
                  <AspirationCodes q={q} />
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby="list-title">
        <h2 id="list-title">{t("qa.list.title")}</h2>
        <nav className="qa-sort" aria-label={t("qa.sort.label")}>
          <Link to="?sort=popular" aria-current={data.sort === "popular" ? "page" : undefined} preventScrollReset>
            {t("qa.sort.popular")}
          </Link>
          <Link to="?sort=newest" aria-current={data.sort === "newest" ? "page" : undefined} preventScrollReset>
            {t("qa.sort.newest")}
          </Link>
        </nav>
        {published.length === 0 ? (
          <p>{t("qa.list.empty")}</p>
        ) : (
          <ul className="qa-list">
            {published.map((q) => {
              const on = voted.has(q.id);
              return (
                <li key={q.id} id={`q-${q.id}`} className={`qa-item qa-item-${q.status}`}>
                  <p className="qa-text">{q.text}</p>
                  <QuestionMeta q={q} onScreen={session.onScreenQuestionId === q.id} />
                  <AnswerText q={q} />
                  {q.mine && <AspirationCodes q={q} />}
                  <div className="qa-vote-row">
                    <span className="qa-votes" data-votes={q.voteCount}>
                      {t("qa.votes", { count: q.voteCount })}
                    </span>
                    {open && q.status === "approved" && (
                      <Form method="post" className="inline-form" onSubmit={(e) => onVote(e, q, !on)} preventScrollReset>
                        <CsrfField />
                        <input type="hidden" name="intent" value="vote" />
                        <input type="hidden" name="questionId" value={q.id} />
                        <input type="hidden" name="on" value={on ? "false" : "true"} />
                        <button
                          type="submit"
                          className={on ? "button-secondary" : undefined}
                          aria-pressed={on}
                          aria-label={t(on ? "qa.unvoteLabel" : "qa.voteLabel", { text: q.text.slice(0, 80) })}
                        >
                          {t(on ? "qa.unvote" : "qa.vote")}
                        </button>
                      </Form>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {openCount && openCount.total > openCount.shown && (
          <p className="qa-more">
            {t("qa.open.shown", { shown: openCount.shown, total: openCount.total })}{" "}
            {/* back to where the reader was: the last question shown before the new ones */}
            <Link to={`${moreHref}${published.length ? `#q-${published[published.length - 1]!.id}` : ""}`} preventScrollReset>
              {t("qa.open.more")}
            </Link>
          </p>
        )}
        {(data.snapshot.answered?.total ?? 0) > ANSWERED_PAGE_SIZE && !data.older && (
          <p>
            <Link to={`?${new URLSearchParams({ ...(data.sort === "newest" ? { sort: "newest" } : {}), answered: "2" })}#answered-title`}>
              {t("qa.answered.older")}
            </Link>
          </p>
        )}
      </section>

      {data.older && <OlderAnswers older={data.older} sort={data.sort} />}
    </div>
  );
}

/** Where the asker's question is now: waiting, not published, in the list, on the screen, answered. */
function mineStatusKey(q: QuestionView, onScreen: number | null): MessageKey {
  if (q.status === "pending") return "qa.q.pending";
  if (q.status === "rejected") return "qa.q.rejected";
  if (q.status === "answered") return "qa.q.answered";
  return onScreen === q.id ? "qa.q.mineOnScreen" : "qa.q.mineApproved";
}

function OlderAnswers({ older, sort }: { older: { questions: QuestionView[]; page: number; pages: number; total: number }; sort: "popular" | "newest" }) {
  const t = useT();
  const href = (page: number) =>
    `?${new URLSearchParams({ ...(sort === "newest" ? { sort: "newest" } : {}), ...(page > 1 ? { answered: String(page) } : {}) })}#answered-title`;
  return (
    <section aria-labelledby="answered-title">
      <h2 id="answered-title">{t("qa.answered.title")}</h2>
      <p>{t("qa.answered.page", { page: older.page, pages: older.pages, total: older.total })}</p>
      <ul className="qa-list">
        {older.questions.map((q) => (
          <li key={q.id} id={`q-${q.id}`} className={`qa-item qa-item-${q.status}`}>
            <p className="qa-text">{q.text}</p>
            <QuestionMeta q={q} onScreen={false} />
            <AnswerText q={q} />
            <span className="qa-votes" data-votes={q.voteCount}>
              {t("qa.votes", { count: q.voteCount })}
            </span>
          </li>
        ))}
      </ul>
      <nav className="pagination" aria-label={t("qa.answered.nav")}>
        <Link to={href(older.page - 1)} rel="prev">
          {t("qa.answered.newer")}
        </Link>
        {older.page < older.pages ? (
          <Link to={href(older.page + 1)} rel="next">
            {t("qa.answered.older")}
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </section>
  );
}
