import type { MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfField, Field, FormAlert, SelectField } from "~/components/forms";
import { signupSchema } from "~/domain/accounts/accounts.schema";
import { signUp } from "~/domain/accounts/accounts.server";
import { listKelurahan } from "~/domain/areas/areas.server";
import { metaT, useT } from "~/i18n/react";
import { getUser, startSession } from "~/utils/auth.server";
import { defineAction, defineLoader } from "~/utils/boundary.server";
import { setFlash } from "~/utils/flash.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("auth.signup.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  if (await getUser(request, context)) throw redirect("/");
  return { kelurahan: await listKelurahan(context.db) };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const input = form.parse(signupSchema);
  // the contact signed up with gets a code; it hears nothing else from Balai until it is entered
  const user = await signUp(context.db, input, context.config, { secret: context.config.sessionSecret, limits: context.contactLimits });
  const headers = new Headers({ "Set-Cookie": await setFlash(context, { key: "auth.signup.welcome", params: { name: user.name } }) });
  return startSession(request, context, user.id, "/", headers);
});

export default function Signup() {
  const t = useT();
  const { kelurahan } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("auth.signup.title")}</h1>
      <FormAlert state={state} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <Field name="name" label={t("auth.signup.name")} autoComplete="name" required state={state} />
        <Field name="identifier" label={t("auth.login.identifier")} hint={t("auth.login.identifierHint")} autoComplete="username" required state={state} />
        <Field
          name="password"
          type="password"
          label={t("auth.signup.password")}
          hint={t("auth.signup.passwordHint")}
          autoComplete="new-password"
          required
          state={state}
        />
        <SelectField name="kelurahanId" label={t("auth.signup.kelurahan")} state={state}>
          <option value="">{t("form.choose")}</option>
          {kelurahan.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="rwId" label={t("auth.signup.rw")} state={state}>
          <option value="">{t("form.choose")}</option>
          {kelurahan.map((k) => (
            <optgroup key={k.id} label={k.name}>
              {k.rws.map((rw) => (
                <option key={rw.id} value={rw.id}>{`${rw.name} ${k.name}`}</option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <button type="submit" disabled={busy}>
          {t("auth.signup.submit")}
        </button>
      </Form>
      <p>
        {t("auth.signup.haveAccount")} <Link to="/login">{t("nav.login")}</Link>
      </p>
    </>
  );
}
