// Mystery shopping at a unit: the visits with their score and zone, and a form to plan
// one (its checklist comes from the service's current standard and SETIA). Supervisors
// of the unit and admins only.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, Field, FormAlert, SelectField } from "~/components/forms";
import { getUnit } from "~/domain/satisfaction/figures.server";
import { planVisit, unitVisits } from "~/domain/satisfaction/mystery.server";
import { planVisitSchema } from "~/domain/satisfaction/satisfaction.schema";
import { formatDate, type MessageKey } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, notFound, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaT(matches)("satisfaction.mystery.title")} · Balai` },
  { name: "robots", content: "noindex" },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const id = idParam(params, "id", "satisfaction.unit.notFound");
  const user = await requireUser(request, context);
  const data = await unitVisits(context.db, user, id);
  const unit = await getUnit(context.db, id);
  if (!unit) notFound("satisfaction.unit.notFound");
  return { unit, ...data };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const id = idParam(params, "id", "satisfaction.unit.notFound");
  const user = await requireUser(request, context);
  const input = form.parse(planVisitSchema);
  const visit = await planVisit(context.db, user, input);
  if (visit.unitId !== id) notFound();
  return redirectWithFlash(context, `/survei/kelola/misteri/${visit.id}`, { key: "satisfaction.mystery.planned" });
});

export default function MysteryVisits() {
  const t = useT();
  const locale = useLocale();
  const { unit, visits, services } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <h1>
        {t("satisfaction.mystery.title")}: {unit.name}
      </h1>
      <p>{t("satisfaction.mystery.intro")}</p>
      <p>
        <Link to={`/survei/kelola/${unit.id}`}>{t("satisfaction.desk.unitTitle", { unit: unit.name })}</Link>
      </p>
      {visits.length === 0 ? (
        <p>{t("satisfaction.mystery.none")}</p>
      ) : (
        <ul className="skm-list">
          {visits.map((v) => (
            <li key={v.id}>
              <Link to={`/survei/kelola/misteri/${v.id}`}>
                {v.serviceName} · {formatDate(new Date(v.plannedFor), locale)}
              </Link>{" "}
              — {t(`satisfaction.mystery.status.${v.status}` as MessageKey)}
              {v.score !== null && v.zone && (
                <span className={`zone zone-${v.zone}`}>
                  {" "}
                  · {t("satisfaction.mystery.result", { score: v.score, zone: t(`satisfaction.mystery.zone.${v.zone}` as MessageKey) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <Form method="post" className="stack card" noValidate>
        <CsrfField />
        <h2>{t("satisfaction.mystery.plan")}</h2>
        <FormAlert state={state} />
        <SelectField name="serviceId" label={t("satisfaction.mystery.service")} required state={state}>
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <Field name="plannedFor" type="date" label={t("satisfaction.mystery.plannedFor")} required state={state} />
        <Field name="shopperName" label={t("satisfaction.mystery.shopper")} state={state} />
        <button type="submit">{t("satisfaction.mystery.plan")}</button>
      </Form>
    </>
  );
}
