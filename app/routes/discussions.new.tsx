import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, Field, FormAlert, SelectField, TextAreaField, type FormState } from "~/components/forms";
import { listCategories } from "~/domain/discussions/categories.server";
import { newTopicSchema } from "~/domain/discussions/discussions.schema";
import { createTopic, kelurahanOptions } from "~/domain/discussions/discussions.server";
import { live } from "~/domain/discussions/live.server";
import { DomainError } from "~/domain/errors";
import { metaT, useLocale, useT } from "~/i18n/react";
import discussionsCss from "~/styles/discussions.css";
import { requireUser } from "~/utils/auth.server";
import { setFlash } from "~/utils/flash.server";
import { failure, invalid, readForm } from "~/utils/forms.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: discussionsCss }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("discussions.newTitle")} · Balai` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const [categories, kelurahan] = await Promise.all([listCategories(context.db), kelurahanOptions(context.db)]);
  return json({ categories, kelurahan });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireUser(request, context);
  const form = await readForm(request, context, newTopicSchema);
  if (!form.ok) return invalid(form);
  try {
    const { topicId, post } = await createTopic(context.db, actor, form.data);
    live.created(context.realtime, post);
    const flash = await setFlash(context, { key: post.status === "pending" ? "discussions.flash.topicPending" : "discussions.flash.topicCreated" });
    return redirect(`/discussions/${topicId}`, { headers: { "Set-Cookie": flash } });
  } catch (error) {
    if (error instanceof DomainError) return invalid(failure(error, form.formData), error.status);
    throw error;
  }
}

export default function NewTopic() {
  const t = useT();
  const locale = useLocale();
  const { categories, kelurahan } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as FormState | undefined;
  return (
    <>
      <p><Link to="/discussions">← {t("discussions.title")}</Link></p>
      <h1>{t("discussions.newTitle")}</h1>
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <FormAlert state={state} />
        <Field name="title" label={t("discussions.field.title")} hint={t("discussions.field.titleHint")} state={state} required />
        <SelectField name="categoryId" label={t("discussions.field.category")} state={state} required>
          <option value="">{t("discussions.field.chooseCategory")}</option>
          {categories.map((c) => <option key={c.id} value={c.id}>{locale === "en" ? c.nameEn : c.nameId}</option>)}
        </SelectField>
        <SelectField name="kelurahanId" label={t("discussions.field.kelurahan")} state={state}>
          <option value="">{t("discussions.field.noKelurahan")}</option>
          {kelurahan.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}
        </SelectField>
        <TextAreaField name="body" label={t("discussions.field.body")} hint={t("discussions.field.bodyHint")} state={state} required rows={8} maxLength={10000} />
        <button type="submit">{t("discussions.submitTopic")}</button>
      </Form>
    </>
  );
}
