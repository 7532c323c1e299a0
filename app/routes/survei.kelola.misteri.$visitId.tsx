// One mystery visit: its checklist (what the standard promised, a score 0-100 and notes
// per item), the visit's notes, and the score 0-1000 with its zone once recorded.
// Supervisors of the unit and admins only.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfField, FormAlert } from "~/components/forms";
import { getVisit, recordVisit } from "~/domain/satisfaction/mystery.server";
import type { MessageKey } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaT(matches)("satisfaction.mystery.title")} · Balai` },
  { name: "robots", content: "noindex" },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const id = idParam(params, "visitId", "satisfaction.mystery.notFound");
  const user = await requireUser(request, context);
  return { visit: await getVisit(context.db, user, id) };
});

const scoreField = z.coerce
  .number({ invalid_type_error: "satisfaction.validation.score100" })
  .int("satisfaction.validation.score100")
  .min(0, "satisfaction.validation.score100")
  .max(100, "satisfaction.validation.score100");

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const id = idParam(params, "visitId", "satisfaction.mystery.notFound");
  const user = await requireUser(request, context);
  const visit = await getVisit(context.db, user, id);
  const shape = Object.fromEntries(
    visit.items.flatMap((i) => [
      [`score_${i.id}`, scoreField],
      [`notes_${i.id}`, z.string().max(1000).default("")],
    ]),
  );
  const input = form.parse(z.object({ ...shape, notes: z.string().max(4000).default("") }));
  const values = input as Record<string, string | number>;
  await recordVisit(context.db, user, id, {
    notes: String(values.notes ?? ""),
    items: visit.items.map((i) => ({ id: i.id, score: Number(values[`score_${i.id}`]), notes: String(values[`notes_${i.id}`] ?? "") })),
  });
  return redirectWithFlash(context, `/survei/kelola/misteri/${id}`, { key: "satisfaction.mystery.recorded" });
});

export default function MysteryVisit() {
  const t = useT();
  const { visit } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <h1>{t("satisfaction.mystery.visitTitle", { service: visit.serviceName })}</h1>
      <p>
        <Link to={`/survei/kelola/${visit.unitId}/misteri`}>{t("satisfaction.mystery.title")}</Link>
      </p>
      {visit.score !== null && visit.zone && (
        <p className={`skm-zone zone-${visit.zone}`}>
          <strong>{t("satisfaction.mystery.result", { score: visit.score, zone: t(`satisfaction.mystery.zone.${visit.zone}` as MessageKey) })}</strong>
        </p>
      )}
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <FormAlert state={state} />
        {visit.items.map((i) => {
          const scoreName = `score_${i.id}`;
          const error = state?.errors?.[scoreName];
          return (
            <fieldset key={i.id} className="skm-question">
              <legend>
                {t(`satisfaction.mystery.item.${i.key}` as MessageKey)} <span className="muted">(#{i.id})</span>
              </legend>
              {i.expected && (
                <p>
                  {t("satisfaction.mystery.expected")}: {i.expected}
                </p>
              )}
              <div className="field">
                <label htmlFor={`f-${scoreName}`}>{t("satisfaction.mystery.score")}</label>
                <input
                  id={`f-${scoreName}`}
                  name={scoreName}
                  inputMode="numeric"
                  required
                  defaultValue={state?.values?.[scoreName] ?? (i.score === null ? "" : String(i.score))}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `f-${scoreName}-error` : undefined}
                />
                {error && (
                  <p className="field-error" id={`f-${scoreName}-error`}>
                    {t(error.key)}
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor={`f-notes_${i.id}`}>{t("satisfaction.mystery.notes")}</label>
                <input id={`f-notes_${i.id}`} name={`notes_${i.id}`} defaultValue={state?.values?.[`notes_${i.id}`] ?? i.notes} />
              </div>
            </fieldset>
          );
        })}
        <div className="field">
          <label htmlFor="f-notes">{t("satisfaction.mystery.visitNotes")}</label>
          <textarea id="f-notes" name="notes" rows={4} defaultValue={state?.values?.notes ?? visit.notes} />
        </div>
        <button type="submit">{t("satisfaction.mystery.record")}</button>
      </Form>
    </>
  );
}
