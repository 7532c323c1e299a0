// The public page of a deliberation. This module serves /agenda/:year (the year's
// first deliberation) and, re-exported, /agenda/:year/:level/:area.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PublicAgenda } from "~/components/agenda/PublicAgenda";
import { ballotSchema } from "~/domain/agenda/agenda.schema";
import { castBallot, deliberationAt, publicAgendaPage } from "~/domain/agenda/agenda.server";
import { metaT } from "~/i18n/react";
import agendaStyles from "~/styles/agenda.css";
import { getUser, requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];
export const meta: MetaFunction = ({ matches, params }) => [{ title: `${metaT(matches)("agenda.title")} ${params.year ?? ""} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  const user = await getUser(request, context);
  return publicAgendaPage(context.db, user, params);
});

/** Dot voting: a resident replaces their whole ballot (plain form, works without JavaScript). */
export const action = /* @__PURE__ */ defineAction(async ({ request, context, params, form }) => {
  const user = await requireUser(request, context);
  const { deliberation } = await deliberationAt(context.db, user, params);
  const { ballot } = form.parse(ballotSchema);
  const result = await castBallot(context.db, user, deliberation.id, ballot);
  return redirectWithFlash(context, `${new URL(request.url).pathname}#vote`, { key: "agenda.vote.saved", params: { remaining: result.remaining } });
});

export default function PublicAgendaPage() {
  return <PublicAgenda data={useLoaderData<typeof loader>()} state={useActionData<typeof action>()} />;
}
