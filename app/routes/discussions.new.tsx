import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, Field, FormAlert, SelectField, TextAreaField } from "~/components/forms";
import { listCategories } from "~/domain/discussions/categories.server";
import { newTopicSchema } from "~/domain/discussions/discussions.schema";
import { createTopic, kelurahanOptions } from "~/domain/discussions/discussions.server";
import { live } from "~/domain/discussions/live.server";
import { metaT, useLocale, useT } from "~/i18n/react";
import discussionsCss from "~/styles/discussions.css";
import { requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: discussionsCss }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("discussions.newTitle")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  await requireUser(request, context);
  const [categories, kelurahan] = await Promise.all([listCategories(context.db), kelurahanOptions(context.db)]);
  return { categories, kelurahan };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requireUser(request, context);
  const input = form.parse(newTopicSchema);
  const { topicId, post } = await createTopic(context.db, actor, input);
  live.created(context.realtime, post);
  return redirectWithFlash(context, `/discussions/${topicId}`, {
    key: post.status === "pending" ? "discussions.flash.topicPending" : "discussions.flash.topicCreated",
  });
});

export default function NewTopic() {
  const t = useT();
  const locale = useLocale();
  const { categories, kelurahan } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/discussions">← {t("discussions.title")}</Link>
      </p>
      <h1>{t("discussions.newTitle")}</h1>
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <FormAlert state={state} />
        <Field name="title" label={t("discussions.field.title")} hint={t("discussions.field.titleHint")} state={state} required />
        <SelectField name="categoryId" label={t("discussions.field.category")} state={state} required>
          <option value="">{t("discussions.field.chooseCategory")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {locale === "en" ? c.nameEn : c.nameId}
            </option>
          ))}
        </SelectField>
        <SelectField name="kelurahanId" label={t("discussions.field.kelurahan")} state={state}>
          <option value="">{t("discussions.field.noKelurahan")}</option>
          {kelurahan.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          name="body"
          label={t("discussions.field.body")}
          hint={t("discussions.field.bodyHint")}
          state={state}
          required
          rows={8}
          maxLength={10000}
        />
        <button type="submit">{t("discussions.submitTopic")}</button>
      </Form>
    </>
  );
}
