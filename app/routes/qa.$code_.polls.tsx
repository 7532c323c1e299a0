// The moderators' polls: prepare, change or delete a draft, open, close, reopen,
// show/hide results on the projector, copy from an earlier session. Plain forms (posted from the console's
// panel, /qa/<CODE>/moderate); a refused form comes back here with its message.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ModeratorPollsPanel } from "~/components/polls";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { publishPollChange } from "~/domain/qa/polls-broadcast.server";
import { copyPollSchema, createPollSchema, deletePollSchema, editPollSchema, pollActionSchema } from "~/domain/qa/polls.schema";
import { copyPoll, copySources, createPoll, deletePoll, editPoll, moderatorPolls, pollAction } from "~/domain/qa/polls.server";
import { requireSession } from "~/domain/qa/qa.server";
import { metaT, useT } from "~/i18n/react";
import pollsStyles from "~/styles/polls.css";
import qaStyles from "~/styles/qa.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: qaStyles },
  { rel: "stylesheet", href: pollsStyles },
];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("polls.mod.title")}${data ? ` · ${data.session.eventTitle}` : ""} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const user = await requirePermission(request, context, can.moderate);
  const session = await requireSession(context.db, params.code ?? "");
  const [polls, sources] = await Promise.all([moderatorPolls(context.db, user, session), copySources(context.db, user, session)]);
  return data({ session: { code: session.code, eventTitle: session.eventTitle }, polls, sources }, { headers: { "Cache-Control": "no-store" } });
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const user = await requirePermission(request, context, can.moderate);
  const session = await requireSession(context.db, params.code ?? "");
  let change;
  let done: "polls.mod.created" | "polls.mod.done" | "polls.mod.copied" | "polls.mod.edited" | "polls.mod.deleted";
  switch (form.get("intent")) {
    case "create":
      change = await createPoll(context.db, user, session, form.parse(createPollSchema));
      done = "polls.mod.created";
      break;
    case "action":
      change = await pollAction(context.db, user, session, form.parse(pollActionSchema));
      done = "polls.mod.done";
      break;
    case "edit":
      change = await editPoll(context.db, user, session, form.parse(editPollSchema));
      done = "polls.mod.edited";
      break;
    case "delete":
      change = await deletePoll(context.db, user, session, form.parse(deletePollSchema));
      done = "polls.mod.deleted";
      break;
    case "copy":
      change = await copyPoll(context.db, user, session, form.parse(copyPollSchema).sourceId);
      done = "polls.mod.copied";
      break;
    default:
      throw new DomainError("error.badRequest");
  }
  publishPollChange(context.realtime, change);
  return redirectWithFlash(context, `/qa/${session.code}/moderate#polls`, { key: done });
});

export default function QaPolls() {
  const t = useT();
  const { session, polls, sources } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <div className="qa-page qa-console">
      <p className="qa-kicker">
        {t("qa.title")} · <span className="qa-code">{session.code}</span>
      </p>
      <h1>{t("qa.mod.title", { event: session.eventTitle })}</h1>
      <p>
        <Link to={`/qa/${session.code}/moderate`}>{t("polls.mod.back")}</Link>
      </p>
      {state?.formError?.key === "qa.stale" && <p className="muted">{t("qa.mod.refreshed")}</p>}
      <ModeratorPollsPanel code={session.code} polls={polls} sources={sources} state={state} />
    </div>
  );
}
