// The web survey of one unit (service chosen on the form). Public, no account; the
// answer is stored without anything about who gave it. Limits per IP.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SheetForm } from "~/components/satisfaction/SheetForm";
import { getElements, listSurveyUnits } from "~/domain/satisfaction/figures.server";
import { submitWebSheet } from "~/domain/satisfaction/responses.server";
import { sheetSchema } from "~/domain/satisfaction/satisfaction.schema";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { defineAction, defineLoader, idParam, notFound, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("satisfaction.form.title", { unit: data?.unit.name ?? "" })} · Balai` },
];

async function unitOf(db: Parameters<typeof listSurveyUnits>[0], id: number) {
  const unit = (await listSurveyUnits(db)).find((u) => u.id === id);
  if (!unit) notFound("satisfaction.unit.notFound");
  return unit;
}

export const loader = /* @__PURE__ */ defineLoader(async ({ params, context }) => {
  const id = idParam(params, "id", "satisfaction.unit.notFound");
  const [unit, elements] = await Promise.all([unitOf(context.db, id), getElements(context.db)]);
  return { unit, elements };
});

export const action = /* @__PURE__ */ defineAction(async ({ params, context, form }) => {
  const id = idParam(params, "id", "satisfaction.unit.notFound");
  const input = form.parse(sheetSchema);
  await submitWebSheet(
    context.db,
    { limits: context.surveyLimits, ip: context.clientIp, mailer: context.mailer, publicUrl: context.config.publicUrl },
    id,
    input,
  );
  return redirectWithFlash(context, `/survei/hasil/${id}`, { key: "satisfaction.form.thanks" });
});

export default function UnitSurvey() {
  const t = useT();
  const { unit, elements } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <h1>{t("satisfaction.form.title", { unit: unit.name })}</h1>
      <p>{t("satisfaction.form.anonymous")}</p>
      <SheetForm elements={elements} services={unit.services} state={state} />
    </>
  );
}
