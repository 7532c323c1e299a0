// Live polls on the Q&A pages (issue 17): results readable without colours or
// charts (counts and percentages in text next to each bar; a word cloud also as
// a ranked list), the participant's answer form (a plain form without
// JavaScript), the moderator's panel (plain forms) and the projector's view.
import { Form } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { CsrfField, FormAlert, type FormState } from "~/components/forms";
import type { ParticipantPoll, PollResults, PollView } from "~/domain/qa/polls";
import { POLL_OPTION_MAX, POLL_QUESTION_MAX, WORD_ANSWER_MAX } from "~/domain/qa/polls";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import type { ModeratorPollItem, PollLive } from "~/realtime/polls-client";
import type { QaLive } from "~/realtime/qa-client";

const kindKey = (kind: PollView["kind"]): MessageKey => `polls.kind.${kind}`;
const statusKey = (status: PollView["status"]): MessageKey => `polls.status.${status}`;

/** Bars with their counts and percentages in text; a word cloud as a cloud and as a ranked list. */
export function PollResultsView({ results, big = false }: { results: PollResults; big?: boolean }) {
  const t = useT();
  if (results.answers === 0) return <p className="poll-none">{t("polls.noAnswers")}</p>;
  if (results.kind === "words") {
    const top = results.rows[0]?.count ?? 1;
    return (
      <div className={big ? "poll-results poll-results-big" : "poll-results"}>
        <p className="poll-answers">{t("polls.answers", { count: results.answers })}</p>
        <p className="poll-cloud" aria-hidden="true">
          {results.rows.map((r) => (
            <span key={r.label} className={`poll-cloud-word poll-cloud-w${Math.max(1, Math.ceil((r.count / top) * 5))}`}>
              {r.label}
            </span>
          ))}
        </p>
        <p className="poll-ranked-title">{t("polls.ranked")}</p>
        <ol className="poll-rows poll-ranked">
          {results.rows.map((r) => (
            <li key={r.label} className="poll-row" data-word={r.label}>
              <span className="poll-label">{r.label}</span>
              <progress max={100} value={r.percent} aria-hidden="true" />
              <span className="poll-count">{t("polls.rowCount", { count: r.count, percent: r.percent })}</span>
            </li>
          ))}
        </ol>
      </div>
    );
  }
  return (
    <div className={big ? "poll-results poll-results-big" : "poll-results"}>
      <p className="poll-answers">{t("polls.answers", { count: results.answers })}</p>
      <ul className="poll-rows">
        {results.rows.map((r) => (
          <li key={r.id} className="poll-row" data-option={r.label}>
            <span className="poll-label">{r.label}</span>
            <progress max={100} value={r.percent} aria-hidden="true" />
            <span className="poll-count">{t("polls.rowCount", { count: r.count, percent: r.percent })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The answer form: radios, checkboxes or a words field. Posts to /qa/<CODE>/poll without JavaScript. */
export function PollAnswerForm({
  code,
  current,
  state,
  onSubmit,
}: {
  code: string;
  current: ParticipantPoll;
  state?: FormState;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const t = useT();
  const { poll, mine } = current;
  const optionsError = state?.errors?.optionIds;
  const wordsError = state?.errors?.words;
  const idBase = `poll-${poll.id}`;
  return (
    <Form method="post" action={`/qa/${code}/poll`} className="stack poll-form" onSubmit={onSubmit} preventScrollReset>
      <CsrfField />
      <FormAlert state={state} />
      <input type="hidden" name="pollId" value={poll.id} />
      {poll.kind === "words" ? (
        <div className="field">
          <label htmlFor={`${idBase}-words`}>{t("polls.p.words")}</label>
          <p className="hint" id={`${idBase}-hint`}>
            {t("polls.p.wordsHint")}
          </p>
          <input
            id={`${idBase}-words`}
            name="words"
            maxLength={WORD_ANSWER_MAX}
            defaultValue={state?.values?.words ?? mine?.words ?? ""}
            aria-describedby={wordsError ? `${idBase}-hint ${idBase}-error` : `${idBase}-hint`}
            aria-invalid={wordsError ? true : undefined}
            required
            autoComplete="off"
          />
          {wordsError && (
            <p className="field-error" id={`${idBase}-error`}>
              {t(wordsError.key, wordsError.params)}
            </p>
          )}
        </div>
      ) : (
        <fieldset className="poll-choices" aria-describedby={optionsError ? `${idBase}-error` : undefined}>
          <legend>{t(poll.kind === "multiple" ? "polls.p.chooseMany" : "polls.p.choose")}</legend>
          {poll.kind === "scale" && <p className="hint">{`${t("polls.p.scaleLow")} · ${t("polls.p.scaleHigh")}`}</p>}
          {poll.options.map((o) => (
            <label key={o.id} className="poll-choice">
              <input
                type={poll.kind === "multiple" ? "checkbox" : "radio"}
                name="optionIds"
                value={o.id}
                defaultChecked={mine?.optionIds.includes(o.id)}
                required={poll.kind !== "multiple"}
              />{" "}
              {o.label}
            </label>
          ))}
          {optionsError && (
            <p className="field-error" id={`${idBase}-error`}>
              {t(optionsError.key, optionsError.params)}
            </p>
          )}
        </fieldset>
      )}
      <button type="submit">{t(mine ? "polls.p.change" : "polls.p.submit")}</button>
    </Form>
  );
}

function answerText(current: ParticipantPoll): string {
  if (!current.mine) return "";
  if (current.mine.words !== null) return current.mine.words;
  return current.poll.options
    .filter((o) => current.mine!.optionIds.includes(o.id))
    .map((o) => o.label)
    .join(", ");
}

/** The participant's poll: the question, the answer form while open, their answer and the results after answering. */
export function ParticipantPollCard({
  code,
  current,
  state,
  onSubmit,
  notice,
}: {
  code: string;
  current: ParticipantPoll;
  state?: FormState;
  onSubmit?: (e: FormEvent<HTMLFormElement>) => void;
  notice?: boolean;
}) {
  const t = useT();
  const { poll } = current;
  return (
    <section aria-labelledby="poll-title" className="poll-card" id="poll" data-poll-id={poll.id}>
      <p className="qa-kicker">
        {t("polls.p.title")} · {t(kindKey(poll.kind))}
      </p>
      <h2 id="poll-title">{poll.question}</h2>
      {notice && (
        <p className="alert alert-info" role="status">
          {t("polls.p.sent")}
        </p>
      )}
      {current.mine && <p className="poll-mine">{t("polls.p.yours", { answer: answerText(current) })}</p>}
      {poll.status === "open" && <PollAnswerForm code={code} current={current} state={state} onSubmit={onSubmit} />}
      {poll.status === "closed" && <p>{t("polls.p.closed")}</p>}
      {current.results && (
        <div aria-live="polite">
          {poll.status === "open" && <h3>{t("polls.p.results")}</h3>}
          <PollResultsView results={current.results} />
        </div>
      )}
    </section>
  );
}

/** The participant page's poll, live: answers over the socket when connected, the plain form otherwise. */
export function ParticipantPollPanel({ code, live, polls }: { code: string; live: QaLive; polls: PollLive }) {
  const [state, setState] = useState<FormState | undefined>();
  const [sent, setSent] = useState(false);
  const current = polls.current;
  if (!current) return null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const socket = live.emit;
    if (!socket || !current) return; // the browser posts the form
    event.preventDefault();
    const fd = new FormData(event.currentTarget);
    const words = fd.get("words");
    socket.emit(
      "poll:answer",
      { code, pollId: current.poll.id, optionIds: fd.getAll("optionIds").map(Number), ...(typeof words === "string" ? { words } : {}) },
      (res) => {
        if ("error" in res) {
          const message = { key: res.error.messageKey, params: res.error.params };
          const field = current.poll.kind === "words" ? "words" : "optionIds";
          setState(
            res.error.code === "invalid" ? { errors: { [field]: message }, values: typeof words === "string" ? { words } : {} } : { formError: message },
          );
          setSent(false);
          return;
        }
        setState(undefined);
        setSent(true);
        polls.setCurrent((c) =>
          c && c.poll.id === res.data.pollId
            ? {
                ...c,
                mine: { optionIds: res.data.optionIds, words: res.data.words },
                results: c.results ?? { pollId: c.poll.id, kind: c.poll.kind, answers: 0, rows: [], answersVersion: 0 }, // until the tick counts it
              }
            : c,
        );
      },
    );
  }
  return <ParticipantPollCard code={code} current={current} state={state} onSubmit={onSubmit} notice={sent} />;
}

/** The projector: the open poll with the join code; its live results when a moderator shows them. */
export function ScreenPoll({ current, joinText }: { current: ParticipantPoll | null; joinText: string }) {
  const t = useT();
  if (!current || (current.poll.status !== "open" && !current.poll.showResults)) return null;
  const { poll } = current;
  return (
    <section aria-labelledby="screen-poll" className="qa-screen-now poll-screen" data-testid="screen-poll">
      <h2 id="screen-poll" className="qa-screen-label">
        {t("polls.title")} · {t(statusKey(poll.status))}
      </h2>
      <p className="qa-screen-question">{poll.question}</p>
      {poll.status === "open" && <p className="qa-screen-meta">{joinText}</p>}
      {poll.showResults && current.results ? (
        <PollResultsView results={current.results} big />
      ) : (
        poll.kind !== "words" && (
          <ul className="poll-screen-options">
            {poll.options.map((o) => (
              <li key={o.id}>{o.label}</li>
            ))}
          </ul>
        )
      )}
      {!poll.showResults && <p className="qa-screen-meta">{t("polls.screen.hidden")}</p>}
    </section>
  );
}

function PollButton({ code, poll, action, label, secondary }: { code: string; poll: PollView; action: string; label: string; secondary?: boolean }) {
  const t = useT();
  return (
    <Form method="post" action={`/qa/${code}/polls`} className="inline-form" preventScrollReset>
      <CsrfField />
      <input type="hidden" name="intent" value="action" />
      <input type="hidden" name="pollId" value={poll.id} />
      <input type="hidden" name="version" value={poll.version} />
      <input type="hidden" name="action" value={action} />
      <button type="submit" className={secondary ? "button-secondary" : undefined} aria-label={`${label}: ${t("polls.mod.for", { id: poll.id })}`}>
        {label}
      </button>
    </Form>
  );
}

export interface CopySource {
  id: number;
  kind: string;
  question: string;
  code: string;
  eventTitle: string;
}

/** The fields of a poll (kind, question, choices), for a new poll and for changing a draft; errors next to their field, what was typed kept. */
function PollFields({ prefix, state, initial }: { prefix: string; state?: FormState; initial: { kind: string; question: string; options: string } }) {
  const t = useT();
  const errorOf = (field: string) => state?.errors?.[field];
  const questionError = errorOf("question");
  const optionsError = errorOf("options");
  const value = (field: "kind" | "question" | "options") => state?.values?.[field] ?? initial[field];
  return (
    <>
      <div className="field">
        <label htmlFor={`${prefix}-kind`}>{t("polls.mod.kind")}</label>
        <select id={`${prefix}-kind`} name="kind" defaultValue={value("kind")}>
          {(["single", "multiple", "scale", "words"] as const).map((k) => (
            <option key={k} value={k}>
              {t(kindKey(k))}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-question`}>{t("polls.mod.question")}</label>
        <input
          id={`${prefix}-question`}
          name="question"
          maxLength={POLL_QUESTION_MAX}
          required
          defaultValue={value("question")}
          aria-invalid={questionError ? true : undefined}
          aria-describedby={questionError ? `${prefix}-question-error` : undefined}
        />
        {questionError && (
          <p className="field-error" id={`${prefix}-question-error`}>
            {t(questionError.key, questionError.params)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-options`}>{t("polls.mod.options")}</label>
        <p className="hint" id={`${prefix}-options-hint`}>
          {t("polls.mod.optionsHint")}
        </p>
        <textarea
          id={`${prefix}-options`}
          name="options"
          rows={4}
          maxLength={POLL_OPTION_MAX * 12}
          defaultValue={value("options")}
          aria-invalid={optionsError ? true : undefined}
          aria-describedby={optionsError ? `${prefix}-options-hint ${prefix}-options-error` : `${prefix}-options-hint`}
        />
        {optionsError && (
          <p className="field-error" id={`${prefix}-options-error`}>
            {t(optionsError.key, optionsError.params)}
          </p>
        )}
      </div>
    </>
  );
}

/** A draft's own forms: change it (the poll's fields, prefilled) and delete it. */
function DraftForms({ code, poll, state }: { code: string; poll: PollView; state?: FormState }) {
  const t = useT();
  // a refused change of this draft comes back with its message and what was typed
  const mine = state?.values?.intent === "edit" && state.values.pollId === String(poll.id) ? state : undefined;
  const hasErrors = Boolean(mine && Object.keys(mine.errors ?? {}).length);
  const options = poll.kind === "single" || poll.kind === "multiple" ? poll.options.map((o) => o.label).join("\n") : "";
  return (
    <details className="qa-more" open={hasErrors}>
      <summary>
        {t("polls.mod.edit")}
        <span className="visually-hidden">: {t("polls.mod.for", { id: poll.id })}</span>
      </summary>
      <Form method="post" action={`/qa/${code}/polls`} className="stack" preventScrollReset>
        <CsrfField />
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="pollId" value={poll.id} />
        <input type="hidden" name="version" value={poll.version} />
        <PollFields prefix={`poll-${poll.id}`} state={mine} initial={{ kind: poll.kind, question: poll.question, options }} />
        <button type="submit">{t("polls.mod.editSubmit")}</button>
      </Form>
      <Form method="post" action={`/qa/${code}/polls`} className="inline-form" preventScrollReset>
        <CsrfField />
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="pollId" value={poll.id} />
        <input type="hidden" name="version" value={poll.version} />
        <button type="submit" className="button-secondary" aria-label={`${t("polls.mod.delete")}: ${t("polls.mod.for", { id: poll.id })}`}>
          {t("polls.mod.delete")}
        </button>
      </Form>
    </details>
  );
}

/** The console's polls panel: prepare, change or delete a draft, open, close, reopen, show/hide results, copy. Plain forms to /qa/<CODE>/polls. */
export function ModeratorPollsPanel({ code, polls, sources, state }: { code: string; polls: ModeratorPollItem[]; sources: CopySource[]; state?: FormState }) {
  const t = useT();
  // the new-poll form shows only its own errors (not those of a draft's change)
  const createState = state?.values?.intent === "create" ? state : undefined;
  const createErrors = Boolean(createState && Object.keys(createState.errors ?? {}).length);
  return (
    <section aria-labelledby="polls-title" className="poll-panel" id="polls">
      <h2 id="polls-title">{t("polls.mod.title")}</h2>
      <FormAlert state={state} />
      {polls.length === 0 ? (
        <p className="muted">{t("polls.mod.none")}</p>
      ) : (
        <ul className="qa-list">
          {polls.map(({ poll, results }) => (
            <li key={poll.id} className={`qa-item poll-item poll-item-${poll.status}`} data-poll-id={poll.id}>
              <p className="qa-text">
                <span className="muted">#{poll.id} </span>
                {poll.question}
              </p>
              <p className="qa-meta">
                {t(kindKey(poll.kind))} · <strong>{t(statusKey(poll.status))}</strong>
                {poll.showResults && <> · {t("polls.mod.resultsShown")}</>}
                {poll.copiedFromId && <> · {t("polls.mod.copiedFrom", { id: poll.copiedFromId })}</>}
              </p>
              <PollResultsView results={results} />
              <div className="qa-actions">
                {poll.status === "draft" && <PollButton code={code} poll={poll} action="open" label={t("polls.mod.open")} />}
                {poll.status === "open" && <PollButton code={code} poll={poll} action="close" label={t("polls.mod.close")} />}
                {poll.status === "closed" && <PollButton code={code} poll={poll} action="reopen" label={t("polls.mod.reopen")} secondary />}
                <PollButton
                  code={code}
                  poll={poll}
                  action={poll.showResults ? "hideResults" : "showResults"}
                  label={t(poll.showResults ? "polls.mod.hideResults" : "polls.mod.showResults")}
                  secondary
                />
              </div>
              {poll.status === "draft" && <DraftForms code={code} poll={poll} state={state} />}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t("polls.mod.openHint")}</p>
      <details className="qa-more" open={createErrors}>
        <summary>{t("polls.mod.create")}</summary>
        <Form method="post" action={`/qa/${code}/polls`} className="stack" preventScrollReset>
          <CsrfField />
          <input type="hidden" name="intent" value="create" />
          <PollFields prefix="poll" state={createState} initial={{ kind: "single", question: "", options: "" }} />
          <button type="submit">{t("polls.mod.createSubmit")}</button>
        </Form>
      </details>
      {sources.length > 0 && (
        <details className="qa-more">
          <summary>{t("polls.mod.copy")}</summary>
          <Form method="post" action={`/qa/${code}/polls`} className="stack" preventScrollReset>
            <CsrfField />
            <input type="hidden" name="intent" value="copy" />
            <div className="field">
              <label htmlFor="poll-source">{t("polls.mod.copySource")}</label>
              <select id="poll-source" name="sourceId" required defaultValue="">
                <option value="" disabled>
                  {t("form.choose")}
                </option>
                {sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.eventTitle} ({s.code}): {s.question.slice(0, 80)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button-secondary">
              {t("polls.mod.copySubmit")}
            </button>
          </Form>
        </details>
      )}
    </section>
  );
}

/** The closed event's public summary: each poll, its number of answers and the results. */
export function PollSummary({ polls }: { polls: (PollResults & { question: string })[] }) {
  const t = useT();
  if (polls.length === 0) return null;
  return (
    <>
      <h4>{t("polls.summary.title")}</h4>
      <ul className="outcomes poll-summary">
        {polls.map((p) => (
          <li key={p.pollId}>
            <p>
              <strong>{p.question}</strong> <span className="muted">({t("polls.summary.answers", { count: p.answers })})</span>
            </p>
            <PollResultsView results={p} />
          </li>
        ))}
      </ul>
    </>
  );
}
