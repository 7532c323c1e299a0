// A person's notification choices: channels, at once or a daily digest, or nothing
// outside the app. A plain form (works without JavaScript).
import type { MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/forms";
import { getPreferences, preferencesSchema, savePreferences } from "~/domain/notifications/preferences.server";
import { metaT, useT } from "~/i18n/react";
import { requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("channels.prefs.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const user = await requireUser(request, context);
  return { prefs: await getPreferences(context.db, user.id), hasEmail: !!user.email, hasPhone: !!user.phone };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const user = await requireUser(request, context);
  await savePreferences(context.db, user.id, form.parse(preferencesSchema));
  return redirectWithFlash(context, "/account/notifications", { key: "channels.prefs.saved" });
});

export default function NotificationPreferences() {
  const t = useT();
  const { prefs, hasEmail, hasPhone } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("channels.prefs.title")}</h1>
      <p>{t("channels.prefs.intro")}</p>
      <Form method="post" className="stack">
        <CsrfField />
        <fieldset>
          <legend>{t("channels.outbox.channel")}</legend>
          {hasEmail && (
            <label>
              <input type="checkbox" name="email" defaultChecked={prefs.email} /> {t("channels.prefs.email")}
            </label>
          )}
          {hasPhone && (
            <>
              <label>
                <input type="checkbox" name="whatsapp" defaultChecked={prefs.whatsapp} /> {t("channels.prefs.whatsapp")}
              </label>
              <label>
                <input type="checkbox" name="sms" defaultChecked={prefs.sms} /> {t("channels.prefs.sms")}
              </label>
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>{t("channels.prefs.delivery")}</legend>
          <label>
            <input type="radio" name="delivery" value="immediate" defaultChecked={prefs.delivery === "immediate"} /> {t("channels.prefs.immediate")}
          </label>
          <label>
            <input type="radio" name="delivery" value="daily" defaultChecked={prefs.delivery === "daily"} /> {t("channels.prefs.daily")}
          </label>
        </fieldset>
        <label>
          <input type="checkbox" name="optOut" defaultChecked={prefs.optOut} /> {t("channels.prefs.optOut")}
        </label>
        <button type="submit">{t("channels.prefs.save")}</button>
      </Form>
    </>
  );
}
