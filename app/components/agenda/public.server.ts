// Loader and action shared by /agenda/:year and /agenda/:year/:level/:area.
import { json, redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { ballotSchema } from "~/domain/agenda/agenda.schema";
import { castBallot, deliberationView, findDeliberation, publicAgenda, voterStatus } from "~/domain/agenda/agenda.server";
import { votingOpen } from "~/domain/agenda/phases";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { getUser, requireUser } from "~/utils/auth.server";
import { setFlash } from "~/utils/flash.server";
import { failure, invalid, readForm } from "~/utils/forms.server";

export interface Where {
  year: number;
  level?: string;
  areaCode?: string;
}

export function whereFromParams(params: Record<string, string | undefined>): Where {
  const year = Number(params.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2200) throw json({ messageKey: "agenda.notFound" }, { status: 404 });
  return { year, level: params.level, areaCode: params.area };
}

/** 403/404 from the domain become error pages. */
export function rethrow(error: unknown): never {
  if (error instanceof DomainError && (error.status === 403 || error.status === 404)) {
    throw json({ messageKey: error.messageKey }, { status: error.status });
  }
  throw error;
}

export async function findOr404(context: AppLoadContext, request: Request, where: Where) {
  const user = await getUser(request, context);
  const found = await findDeliberation(context.db, user, where);
  if (!found.deliberation) throw json({ messageKey: "agenda.notFound" }, { status: 404 });
  return { user, ...found, deliberation: found.deliberation };
}

export async function publicLoader(context: AppLoadContext, request: Request, where: Where) {
  const { user, deliberation: d, others } = await findOr404(context, request, where);
  const page = await publicAgenda(context.db, user, d).catch(rethrow);
  const voter = await voterStatus(context.db, d, user?.id ?? null);
  return json({
    d: { ...deliberationView(d), minutes: d.phase === "decided" || d.phase === "closed" ? d.minutes : null },
    ...page,
    others,
    signedIn: !!user,
    canPlan: can.plan(user),
    votingOpen: votingOpen(d),
    voter: { eligible: voter.eligible, reason: voter.reason, ballot: voter.ballot, remaining: voter.remaining, assisted: "assisted" in voter ? voter.assisted : false },
  });
}

export async function voteAction(context: AppLoadContext, request: Request, where: Where) {
  const user = await requireUser(request, context);
  const { deliberation: d } = await findOr404(context, request, where);
  const form = await readForm(request, context, ballotSchema);
  if (!form.ok) return invalid(form);
  try {
    const result = await castBallot(context.db, user, d.id, form.data.ballot);
    const url = new URL(request.url);
    return redirect(`${url.pathname}#vote`, { headers: { "Set-Cookie": await setFlash(context, { key: "agenda.vote.saved", params: { remaining: result.remaining } }) } });
  } catch (error) {
    if (error instanceof DomainError) return invalid(failure(error, form.formData), error.status);
    throw error;
  }
}

export function deliberationId(params: Record<string, string | undefined>): number {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw json({ messageKey: "agenda.notFound" }, { status: 404 });
  return id;
}
