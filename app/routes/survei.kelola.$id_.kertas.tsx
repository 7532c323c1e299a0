// Staff type in paper SKM forms for their unit ("save and enter the next one").
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/forms";
import { SheetForm } from "~/components/satisfaction/SheetForm";
import { requireUnitStaff } from "~/domain/satisfaction/access.server";
import { getElements, listSurveyUnits } from "~/domain/satisfaction/figures.server";
import { enterPaperSheet } from "~/domain/satisfaction/responses.server";
import { sheetSchema } from "~/domain/satisfaction/satisfaction.schema";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, notFound, redirectWithFlash } from "~/utils/boundary.server";
import { z } from "zod";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("satisfaction.desk.paperTitle", { unit: data?.unit.name ?? "" })} · Balai` },
];

const paperSchema = sheetSchema.extend({
  answeredOn: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "satisfaction.validation.date")
      .optional(),
  ),
});

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const id = idParam(params, "id", "satisfaction.unit.notFound");
  const user = await requireUser(request, context);
  await requireUnitStaff(context.db, user, id);
  const unit = (await listSurveyUnits(context.db)).find((u) => u.id === id);
  if (!unit) notFound("satisfaction.unit.notFound");
  return { unit, elements: await getElements(context.db) };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const id = idParam(params, "id", "satisfaction.unit.notFound");
  const user = await requireUser(request, context);
  const input = form.parse(paperSchema);
  await enterPaperSheet(context.db, user, { mailer: context.mailer, publicUrl: context.config.publicUrl }, id, input);
  return redirectWithFlash(context, `/survei/kelola/${id}/kertas`, { key: "satisfaction.desk.paperSaved" });
});

export default function PaperEntry() {
  const t = useT();
  const { unit, elements } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <h1>{t("satisfaction.desk.paperTitle", { unit: unit.name })}</h1>
      <p>
        <Link to={`/survei/kelola/${unit.id}`}>{t("satisfaction.desk.unitTitle", { unit: unit.name })}</Link>
      </p>
      <SheetForm elements={elements} services={unit.services} state={state}>
        <Field name="answeredOn" type="date" label={t("satisfaction.desk.paperDate")} state={state} />
      </SheetForm>
    </>
  );
}
