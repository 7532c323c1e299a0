// Digital classes (events of kind "class"), for whoever edits services: link each class
// to the services it teaches, or unlink it. Plain forms; a page at a time.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { statusKey } from "~/components/events";
import { CsrfField, FormAlert } from "~/components/forms";
import { Pagination } from "~/components/Pagination";
import { DomainError } from "~/domain/errors";
import { classDesk, linkClass, unlinkClass } from "~/domain/services/classes.server";
import { classLinkSchema, pageQuerySchema } from "~/domain/services/services.schema";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("services.classes.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const actor = await requireUser(request, context);
  const { page } = pageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return classDesk(context.db, actor, page);
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requireUser(request, context);
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  switch (form.get("intent")) {
    case "link":
      await linkClass(context.db, actor, form.parse(classLinkSchema));
      return redirectWithFlash(context, back, { key: "services.classes.linked" });
    case "unlink":
      await unlinkClass(context.db, actor, form.parse(classLinkSchema));
      return redirectWithFlash(context, back, { key: "services.classes.unlinked" });
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function ClassDesk() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const linkingEvent = state?.values?.eventId;
  const linkError = (eventId: number) => (linkingEvent === String(eventId) ? (state?.errors?.serviceId ?? state?.errors?.eventId) : undefined);
  return (
    <>
      <p className="svc-kicker">
        <Link to="/layanan/kelola">{t("services.staff.title")}</Link>
      </p>
      <h1>{t("services.classes.title")}</h1>
      <p className="lead">{t("services.classes.intro")}</p>
      {data.mayCreate && (
        <p>
          <Link to="/events/new">{t("services.classes.create")}</Link>
        </p>
      )}
      {data.events.length === 0 ? (
        <p>{t("services.classes.empty")}</p>
      ) : (
        <ul className="svc-classes">
          {data.events.map((e) => (
            <li key={e.id} className="svc-class">
              <h2>
                <Link to={`/events/${e.id}`}>{e.title}</Link>
              </h2>
              <p className="meta">
                {formatDateTime(e.startsAt, locale)} · {t(statusKey(e.status))}
                {e.attendanceCount !== null && <> · {t("services.classes.attendance", { count: e.attendanceCount })}</>}
              </p>
              <h3>{t("services.classes.teaches")}</h3>
              {e.services.length === 0 ? (
                <p>{t("services.classes.none")}</p>
              ) : (
                <ul>
                  {e.services.map((s) => (
                    <li key={s.id}>
                      <Link to={`/layanan/${s.slug}`}>{s.name}</Link> ({s.unit})
                      {s.mayUnlink && (
                        <Form method="post" className="svc-inline-form">
                          <CsrfField />
                          <input type="hidden" name="eventId" value={e.id} />
                          <input type="hidden" name="serviceId" value={s.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="unlink"
                            className="button-secondary"
                            aria-label={t("services.classes.unlinkLabel", { service: s.name, event: e.title })}
                          >
                            {t("services.classes.unlink")}
                          </button>
                        </Form>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {data.services.length > 0 && (
                <Form method="post" className="svc-class-link">
                  <CsrfField />
                  <input type="hidden" name="eventId" value={e.id} />
                  {linkingEvent === String(e.id) && <FormAlert state={state} />}
                  {/* one form per class: ids carry the class, so they stay unique on the page */}
                  <div className="field">
                    <label htmlFor={`class-${e.id}-service`}>{t("services.classes.service")}</label>
                    <select
                      id={`class-${e.id}-service`}
                      name="serviceId"
                      required
                      defaultValue=""
                      aria-invalid={linkError(e.id) ? true : undefined}
                      aria-describedby={linkError(e.id) ? `class-${e.id}-error` : undefined}
                    >
                      <option value="">–</option>
                      {data.services.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name} ({s.unit.name})
                        </option>
                      ))}
                    </select>
                    {linkError(e.id) && (
                      <p className="field-error" id={`class-${e.id}-error`}>
                        {t(linkError(e.id)!.key, linkError(e.id)!.params)}
                      </p>
                    )}
                  </div>
                  <button type="submit" name="intent" value="link">
                    {t("services.classes.link")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pages={data.pages} />
    </>
  );
}
