import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { PublicAgenda } from "~/components/agenda/PublicAgenda";
import { publicLoader, voteAction, whereFromParams } from "~/components/agenda/public.server";
import { metaT } from "~/i18n/react";
import agendaStyles from "~/styles/agenda.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];
export const meta: MetaFunction = ({ matches, params }) => [{ title: `${metaT(matches)("agenda.title")} ${params.year ?? ""} · Balai` }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) => publicLoader(context, request, whereFromParams(params));
export const action = ({ request, context, params }: ActionFunctionArgs) => voteAction(context, request, whereFromParams(params));

export default PublicAgenda;
