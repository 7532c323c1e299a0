import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { ConversionPage } from "~/components/aspirations/ConversionPage";
import { metaT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { conversionAction, conversionLoader } from "~/utils/aspiration-conversion.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("aspirations.convert.title")} · Balai` }];
export const loader = /* @__PURE__ */ conversionLoader("point", "pointId");
export const action = /* @__PURE__ */ conversionAction("point", "pointId");
export default ConversionPage;
