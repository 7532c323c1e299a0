// Admins edit the question and answer labels of each SKM element, in both languages.
// Elements are kept by key (U1..U9); the values stay 1-4.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, FormAlert } from "~/components/forms";
import { can } from "~/domain/accounts/roles";
import { saveElementLabels } from "~/domain/satisfaction/desk.server";
import { getElements } from "~/domain/satisfaction/figures.server";
import { elementLabelsSchema } from "~/domain/satisfaction/satisfaction.schema";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("satisfaction.elements.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  await requirePermission(request, context, can.manageUsers);
  return { elements: await getElements(context.db) };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const user = await requirePermission(request, context, can.manageUsers);
  const input = form.parse(elementLabelsSchema);
  await saveElementLabels(context.db, user, input);
  return redirectWithFlash(context, `/survei/kelola/unsur#${input.key}`, { key: "satisfaction.elements.saved" });
});

export default function ElementSettings() {
  const t = useT();
  const { elements } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <h1>{t("satisfaction.elements.title")}</h1>
      <p>{t("satisfaction.elements.intro")}</p>
      {elements.map((e) => {
        const mine = state?.values?.key === e.key ? state : undefined;
        // field names carry the key so every form's ids stay unique on the page
        const v = (name: string, value: string) => mine?.values?.[name] ?? value;
        return (
          <section key={e.key} id={e.key} aria-labelledby={`${e.key}-h`} className="card">
            <h2 id={`${e.key}-h`}>
              {e.key} · {e.name.id}
            </h2>
            <Form method="post" className="stack skm-labels" noValidate>
              <CsrfField />
              <FormAlert state={mine} />
              <input type="hidden" name="key" value={e.key} />
              <LabelInput
                k={e.key}
                name="position"
                label={t("satisfaction.elements.position")}
                value={v("position", String(e.position))}
                error={mine?.errors?.position?.key}
              />
              <LabelInput k={e.key} name="nameId" label={t("satisfaction.elements.nameId")} value={v("nameId", e.name.id)} error={mine?.errors?.nameId?.key} />
              <LabelInput k={e.key} name="nameEn" label={t("satisfaction.elements.nameEn")} value={v("nameEn", e.name.en)} error={mine?.errors?.nameEn?.key} />
              <LabelInput
                k={e.key}
                name="questionId"
                label={t("satisfaction.elements.questionId")}
                value={v("questionId", e.question.id)}
                error={mine?.errors?.questionId?.key}
              />
              <LabelInput
                k={e.key}
                name="questionEn"
                label={t("satisfaction.elements.questionEn")}
                value={v("questionEn", e.question.en)}
                error={mine?.errors?.questionEn?.key}
              />
              {[1, 2, 3, 4].map((n) => (
                <div key={n} className="skm-answer-pair">
                  <LabelInput
                    k={e.key}
                    name={`answer${n}Id`}
                    label={t("satisfaction.elements.answerId", { n })}
                    value={v(`answer${n}Id`, e.answers.id[n - 1])}
                    error={mine?.errors?.[`answer${n}Id`]?.key}
                  />
                  <LabelInput
                    k={e.key}
                    name={`answer${n}En`}
                    label={t("satisfaction.elements.answerEn", { n })}
                    value={v(`answer${n}En`, e.answers.en[n - 1])}
                    error={mine?.errors?.[`answer${n}En`]?.key}
                  />
                </div>
              ))}
              <button type="submit">{t("satisfaction.elements.save", { key: e.key })}</button>
            </Form>
          </section>
        );
      })}
    </>
  );
}

function LabelInput({
  k,
  name,
  label,
  value,
  error,
}: {
  k: string;
  name: string;
  label: string;
  value: string;
  error?: Parameters<ReturnType<typeof useT>>[0];
}) {
  const t = useT();
  const id = `f-${k}-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} defaultValue={value} required aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}
