// The survey through a single-use link (after a queue visit, or handed out by staff).
// The unit and service come with the link; once answered the link says so.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SheetForm } from "~/components/satisfaction/SheetForm";
import { getElements, getUnit } from "~/domain/satisfaction/figures.server";
import { submitTokenSheet, tokenForSurvey } from "~/domain/satisfaction/responses.server";
import { sheetSchema } from "~/domain/satisfaction/satisfaction.schema";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { defineAction, defineLoader, notFound, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("satisfaction.form.title", { unit: data?.unit.name ?? "" })} · Balai` },
  { name: "robots", content: "noindex" },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ params, context }) => {
  const link = await tokenForSurvey(context.db, params.token ?? "");
  const unit = await getUnit(context.db, link.unitId);
  if (!unit) notFound("satisfaction.unit.notFound");
  const service = link.serviceId ? await context.db.service.findUnique({ where: { id: link.serviceId }, select: { name: true } }) : null;
  return { unit, service: service?.name ?? null, used: link.used, fromVisit: link.fromVisit, elements: link.used ? [] : await getElements(context.db) };
});

export const action = /* @__PURE__ */ defineAction(async ({ params, context, form }) => {
  const input = form.parse(sheetSchema.omit({ serviceId: true }));
  const { unitId } = await submitTokenSheet(
    context.db,
    { limits: context.surveyLimits, ip: context.clientIp, mailer: context.mailer, publicUrl: context.config.publicUrl },
    params.token ?? "",
    input,
  );
  return redirectWithFlash(context, `/survei/hasil/${unitId}`, { key: "satisfaction.form.thanks" });
});

export default function TokenSurvey() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  if (data.used) {
    return (
      <>
        <h1>{t("satisfaction.token.usedTitle")}</h1>
        <p>{t("satisfaction.token.used")}</p>
        <p>
          <Link to={`/survei/hasil/${data.unit.id}`}>{t("satisfaction.results")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("satisfaction.form.title", { unit: data.unit.name })}</h1>
      {data.fromVisit && <p>{t("satisfaction.form.fromVisit")}</p>}
      {data.service && (
        <p>
          {t("satisfaction.form.service")}: <strong>{data.service}</strong>
        </p>
      )}
      <p>{t("satisfaction.form.anonymous")}</p>
      <SheetForm elements={data.elements} state={state} />
    </>
  );
}
