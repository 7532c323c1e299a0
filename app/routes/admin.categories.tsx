import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, FormAlert, type FormState } from "~/components/forms";
import { can } from "~/domain/accounts/roles";
import { listCategories, saveCategory, type CategoryView } from "~/domain/discussions/categories.server";
import { categorySchema, settingsSchema } from "~/domain/discussions/discussions.schema";
import { getDiscussionSettings, updateDiscussionSettings } from "~/domain/discussions/settings.server";
import { metaT, useT } from "~/i18n/react";
import discussionsCss from "~/styles/discussions.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: discussionsCss }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("discussions.categories.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  await requirePermission(request, context, can.manageCategories);
  const [categories, settings] = await Promise.all([listCategories(context.db, { includeArchived: true }), getDiscussionSettings(context.db)]);
  return { categories, settings };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requirePermission(request, context, can.manageCategories);
  if (new URL(request.url).searchParams.get("settings") === "1") {
    await updateDiscussionSettings(context.db, actor, form.parse(settingsSchema));
    return redirectWithFlash(context, "/admin/categories", { key: "discussions.flash.settingsSaved" });
  }
  await saveCategory(context.db, actor, form.parse(categorySchema));
  return redirectWithFlash(context, "/admin/categories", { key: "discussions.flash.categorySaved" });
});

function Input({
  name,
  label,
  prefix,
  state,
  defaultValue,
  type = "text",
}: {
  name: string;
  label: string;
  prefix: string;
  state?: FormState;
  defaultValue?: string | number;
  type?: string;
}) {
  const t = useT();
  const id = `${prefix}-${name}`;
  const error = state?.errors?.[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        required
        defaultValue={state?.values?.[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        inputMode={type === "number" ? "numeric" : undefined}
      />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {t(error.key, error.params)}
        </p>
      )}
    </div>
  );
}

function Check({ name, label, prefix, state, defaultChecked }: { name: string; label: string; prefix: string; state?: FormState; defaultChecked: boolean }) {
  const id = `${prefix}-${name}`;
  const checked = state?.values ? state.values[name] === "on" : defaultChecked;
  return (
    <div className="field field-checkbox">
      <input id={id} name={name} type="checkbox" defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

function CategoryForm({ category, state }: { category?: CategoryView; state?: FormState }) {
  const t = useT();
  const prefix = category ? `c${category.id}` : "new";
  const mine =
    state && (state.values?.categoryId ?? "") === (category ? String(category.id) : "") && !("reportThreshold" in (state.values ?? {})) ? state : undefined;
  return (
    <Form method="post" className="category-form">
      <CsrfField />
      {category && <input type="hidden" name="categoryId" value={category.id} />}
      <FormAlert state={mine} />
      <div className="form-grid">
        <Input name="slug" label={t("discussions.categories.slug")} prefix={prefix} state={mine} defaultValue={category?.slug} />
        <Input name="nameId" label={t("discussions.categories.nameId")} prefix={prefix} state={mine} defaultValue={category?.nameId} />
        <Input name="nameEn" label={t("discussions.categories.nameEn")} prefix={prefix} state={mine} defaultValue={category?.nameEn} />
        <Input name="position" label={t("discussions.categories.position")} prefix={prefix} state={mine} defaultValue={category?.position ?? 0} type="number" />
      </div>
      <Check
        name="requireApproval"
        label={t("discussions.categories.requireApproval")}
        prefix={prefix}
        state={mine}
        defaultChecked={category?.requireApprovalForNewAccounts ?? true}
      />
      {category && <Check name="archived" label={t("discussions.categories.archived")} prefix={prefix} state={mine} defaultChecked={category.archived} />}
      <button type="submit">{category ? t("discussions.categories.save") : t("discussions.categories.add")}</button>
    </Form>
  );
}

export default function AdminCategories() {
  const t = useT();
  const { categories, settings } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const settingsState = state?.values && "reportThreshold" in state.values ? state : undefined;
  // the hidden id of the form that was sent was refused: no form on the page is its own
  const idError = state?.errors?.categoryId;
  return (
    <>
      <h1>{t("discussions.categories.title")}</h1>
      {idError && <FormAlert state={{ formError: idError }} />}
      <section aria-labelledby="settings-heading" className="admin-section">
        <h2 id="settings-heading">{t("discussions.categories.settings")}</h2>
        <Form method="post" action="/admin/categories?settings=1" className="stack">
          <CsrfField />
          <FormAlert state={settingsState} />
          <Input
            name="reportThreshold"
            label={t("discussions.categories.threshold")}
            prefix="s"
            state={settingsState}
            defaultValue={settings.reportThreshold}
            type="number"
          />
          <Input
            name="newAccountDays"
            label={t("discussions.categories.newAccountDays")}
            prefix="s"
            state={settingsState}
            defaultValue={settings.newAccountDays}
            type="number"
          />
          <button type="submit">{t("discussions.categories.saveSettings")}</button>
        </Form>
      </section>
      {categories.map((c) => (
        <section key={c.id} aria-label={t("discussions.categories.edit", { name: c.nameId })} className="admin-section">
          <h2>
            {c.nameId} <span className="muted">/ {c.nameEn}</span>
          </h2>
          <CategoryForm category={c} state={state} />
        </section>
      ))}
      <section aria-labelledby="add-heading" className="admin-section">
        <h2 id="add-heading">{t("discussions.categories.add")}</h2>
        <CategoryForm state={state} />
      </section>
    </>
  );
}
