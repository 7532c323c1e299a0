// /account/calendar: the private calendar feed's secret URL: create, change, delete.
import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfField } from "~/components/forms";
import { getCalendarToken, revokeCalendarToken, rotateCalendarToken } from "~/domain/events/rsvp.server";
import { metaT, useT } from "~/i18n/react";
import { requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";
import { originOf } from "~/utils/origin.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("events.calendar.title")} · Balai` }];
/** the page shows a secret address: never cached; its address goes to no other site (see rsvp.$code.tsx) */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const user = await requireUser(request, context);
  const token = await getCalendarToken(context.db, user);
  const url = token ? `${originOf(request, context)}/calendar/${token}/events.ics` : null;
  return data({ url }, { headers: { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" } });
});

const schema = z.object({ intent: z.enum(["rotate", "revoke"]) });

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const user = await requireUser(request, context);
  const { intent } = form.parse(schema);
  let key: "events.calendar.created" | "events.calendar.rotated" | "events.calendar.revoked";
  if (intent === "revoke") {
    await revokeCalendarToken(context.db, user);
    key = "events.calendar.revoked";
  } else {
    const had = await getCalendarToken(context.db, user);
    await rotateCalendarToken(context.db, user);
    key = had ? "events.calendar.rotated" : "events.calendar.created";
  }
  return redirectWithFlash(context, "/account/calendar", { key });
});

export default function AccountCalendar() {
  const t = useT();
  const { url } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("events.calendar.title")}</h1>
      <p>{t("events.calendar.lead")}</p>
      {url ? (
        <>
          <div className="field">
            <label htmlFor="feed-url">{t("events.calendar.url")}</label>
            <input id="feed-url" type="text" readOnly value={url} />
          </div>
          <p>
            <a href={url.replace(/^https?:/, "webcal:")}>{t("events.feed.subscribe")}</a>
          </p>
          <Form method="post" className="inline-form">
            <CsrfField />
            <button type="submit" name="intent" value="rotate" className="button-secondary">
              {t("events.calendar.rotate")}
            </button>
            <button type="submit" name="intent" value="revoke" className="button-secondary">
              {t("events.calendar.revoke")}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p>{t("events.calendar.none")}</p>
          <Form method="post">
            <CsrfField />
            <button type="submit" name="intent" value="rotate">
              {t("events.calendar.create")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
