import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, Field, FormAlert, type FormState } from "~/components/forms";
import { confirmCode, contactKindSchema, contactStates, requestCode, resendCode, type ContactState } from "~/domain/accounts/contacts.server";
import { canVerifyResidency } from "~/domain/accounts/residency.server";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { metaT, useT } from "~/i18n/react";
import { requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("account.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const user = await requireUser(request, context);
  return { user, contacts: await contactStates(context.db, user.id), residencyDesk: canVerifyResidency(user), counterReset: can.resetPasswordAtCounter(user) };
});

/** The domain names its fields "value" and "code"; on this page each contact has its own. */
async function onField(field: string, work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError && error.field) throw new DomainError(error.messageKey, field, error.params, error.status);
    throw error;
  }
}

// one contact at a time: ask for a code to a new (or changed) contact, enter the code, or ask again
export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const user = await requireUser(request, context);
  const { kind } = form.parse(contactKindSchema);
  const deps = { secret: context.config.sessionSecret, limits: context.contactLimits };
  switch (form.get("intent")) {
    case "request":
      await onField(`${kind}Value`, () => requestCode(context.db, deps, user.id, kind, form.get(`${kind}Value`) ?? ""));
      return redirectWithFlash(context, "/account", { key: "channels.contact.sent" });
    case "resend":
      await onField(`${kind}Code`, () => resendCode(context.db, deps, user.id, kind));
      return redirectWithFlash(context, "/account", { key: "channels.contact.sent" });
    case "confirm":
      await onField(`${kind}Code`, () => confirmCode(context.db, deps, user.id, kind, form.get(`${kind}Code`) ?? ""));
      return redirectWithFlash(context, "/account", { key: "channels.contact.done" });
    default:
      throw new DomainError("error.badRequest", "kind");
  }
});

function ContactSection({ contact, state }: { contact: ContactState; state?: FormState }) {
  const t = useT();
  const label = t(contact.kind === "email" ? "channels.contact.email" : "channels.contact.phone");
  const mine = state?.values?.kind === contact.kind ? state : undefined;
  return (
    <section aria-labelledby={`contact-${contact.kind}`} className="stack">
      <h3 id={`contact-${contact.kind}`}>{label}</h3>
      <p>
        {contact.current ?? t("channels.contact.none")}{" "}
        {contact.current && <span className="tag">{t(contact.verified ? "channels.contact.verified" : "channels.contact.unverified")}</span>}
      </p>
      {mine && <FormAlert state={mine} />}
      {contact.pending && (
        <>
          <p>{t(contact.pending.expired ? "channels.contact.pendingExpired" : "channels.contact.pending", { value: contact.pending.value })}</p>
          {!contact.pending.expired && (
            <Form method="post" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="kind" value={contact.kind} />
              <Field name={`${contact.kind}Code`} label={t("channels.contact.code")} inputMode="numeric" autoComplete="one-time-code" required state={mine} />
              <button type="submit" name="intent" value="confirm">
                {t("channels.contact.confirm")}
              </button>
            </Form>
          )}
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="kind" value={contact.kind} />
            <button type="submit" name="intent" value="resend" className="button-secondary">
              {t("channels.contact.resend")}
            </button>
          </Form>
        </>
      )}
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="kind" value={contact.kind} />
        <Field
          name={`${contact.kind}Value`}
          type={contact.kind === "email" ? "email" : "tel"}
          label={t(contact.kind === "email" ? "channels.contact.newEmail" : "channels.contact.newPhone")}
          hint={contact.current ? t("channels.contact.newHint") : undefined}
          autoComplete={contact.kind === "email" ? "email" : "tel"}
          state={mine}
        />
        <button type="submit" name="intent" value="request" className="button-secondary">
          {t("channels.contact.send")}
        </button>
      </Form>
    </section>
  );
}

export default function Account() {
  const t = useT();
  const { user, contacts, residencyDesk, counterReset } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <h1>{t("account.title")}</h1>
      <dl>
        <dt>{t("admin.users.name")}</dt>
        <dd>{user.name}</dd>
        <dt>{t("account.contact")}</dt>
        <dd>{user.email ?? user.phone}</dd>
        <dt>{t("account.role")}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
      </dl>
      <h2>{t("channels.contact.title")}</h2>
      <p>{t("channels.contact.intro")}</p>
      {contacts.map((c) => (
        <ContactSection key={c.kind} contact={c} state={state} />
      ))}
      <p>
        <Link to="/account/password">{t("auth.password.title")}</Link>
      </p>
      <p>
        <Link to="/account/calendar">{t("events.calendar.title")}</Link>
      </p>
      <p>
        <Link to="/account/notifications">{t("channels.prefs.title")}</Link>
      </p>
      {residencyDesk && (
        <p>
          <Link to="/residents/verify">{t("agenda.residency.title")}</Link>
        </p>
      )}
      {counterReset && (
        <p>
          <Link to="/admin/users/reset">{t("nav.counterReset")}</Link>
        </p>
      )}
    </>
  );
}
