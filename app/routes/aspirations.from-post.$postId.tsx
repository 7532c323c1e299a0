import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ConversionPage } from "~/components/aspirations/ConversionPage";
import { metaT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { conversionAction, conversionLoader } from "~/utils/aspiration-conversion.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("aspirations.convert.title")} · Balai` }];
// functions (not calls at module level) so the browser bundle drops them with the .server import
export function loader(args: LoaderFunctionArgs) {
  return conversionLoader("post", "postId")(args);
}
export function action(args: ActionFunctionArgs) {
  return conversionAction("post", "postId")(args);
}
export default ConversionPage;
