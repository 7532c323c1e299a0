// A participant's poll page: the open poll's plain form (JavaScript off) and,
// after answering, the results. No account: the signed participant cookie.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ParticipantPollCard } from "~/components/polls";
import { publishPollResults } from "~/domain/qa/polls-broadcast.server";
import { answerSchema } from "~/domain/qa/polls.schema";
import { answerPoll, participantPoll, pollResults } from "~/domain/qa/polls.server";
import { ensureParticipant, requireSession } from "~/domain/qa/qa.server";
import { metaT, useT } from "~/i18n/react";
import pollsStyles from "~/styles/polls.css";
import qaStyles from "~/styles/qa.css";
import { eventTitleIn } from "~/domain/events/events.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { participantFor } from "~/utils/qa-cookie.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: qaStyles },
  { rel: "stylesheet", href: pollsStyles },
];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("polls.p.title")}${data ? ` · ${data.session.eventTitle}` : ""} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const session = await requireSession(context.db, params.code ?? "");
  if (params.code !== session.code) throw redirect(`/qa/${session.code}/poll`);
  const { participantId, setCookie } = await participantFor(request, context);
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (setCookie) headers.append("Set-Cookie", setCookie);
  return data(
    {
      session: { code: session.code, eventTitle: await eventTitleIn(context.db, session.eventId, getLocale(request)) },
      current: await participantPoll(context.db, session, participantId),
    },
    { headers },
  );
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const session = await requireSession(context.db, params.code ?? "");
  const input = form.parse(answerSchema);
  const { participantId, setCookie } = await participantFor(request, context);
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  await ensureParticipant(context.db, participantId);
  const stored = await answerPoll(context.db, context.qaLimits, { participantId, ip: context.clientIp }, session, input);
  const poll = await participantPoll(context.db, session, participantId);
  if (poll && poll.poll.id === stored.pollId) publishPollResults(context.realtime, session.id, await pollResults(context.db, poll.poll), stored.answerId);
  // the results page: the answer and the results so far
  return redirectWithFlash(context, `/qa/${session.code}/poll#poll`, { key: "polls.p.sent" }, headers);
});

export default function QaPoll() {
  const t = useT();
  const { session, current } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <div className="qa-page">
      <p className="qa-kicker">
        {t("qa.title")} · <span className="qa-code">{session.code}</span>
      </p>
      <p>
        <Link to={`/qa/${session.code}`}>{t("polls.p.back")}</Link>
      </p>
      {current ? (
        <ParticipantPollCard code={session.code} current={current} state={state} />
      ) : (
        <>
          <h1>{session.eventTitle}</h1>
          <p>{t("polls.p.none")}</p>
        </>
      )}
    </div>
  );
}
