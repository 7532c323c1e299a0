// Join a Q&A by its code (a GET form: works without JavaScript).
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { codeSchema } from "~/domain/qa/qa.schema";
import { findSession, listOpenSessions } from "~/domain/qa/qa.server";
import type { MessageKey } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import qaStyles from "~/styles/qa.css";
import { getUser } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: qaStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("qa.join.title")} · Balai` }];

// the code's error is shown next to the field of this GET form (not as an error page), with its status
export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const raw = new URL(request.url).searchParams.get("code");
  let error: MessageKey | null = null;
  if (raw !== null) {
    const parsed = codeSchema.safeParse(raw.slice(0, 40));
    if (parsed.success) {
      const session = await findSession(context.db, parsed.data);
      if (session) throw redirect(`/qa/${session.code}`);
      error = "qa.notFound";
    } else {
      error = "qa.validation.code";
    }
  }
  const open = await listOpenSessions(context.db, await getUser(request, context));
  return data(
    { code: raw ?? "", error, open: open.map((s) => ({ code: s.code, eventTitle: s.eventTitle })) },
    { status: error === "qa.notFound" ? 404 : error ? 400 : 200 },
  );
});

export default function QaJoin() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="qa-page">
      <h1>{t("qa.join.title")}</h1>
      <p className="lead">{t("qa.join.lead")}</p>
      <Form method="get" className="qa-join-form">
        <div className="field">
          <label htmlFor="qa-code">{t("qa.join.code")}</label>
          <p className="hint" id="qa-code-hint">
            {t("qa.join.codeHint")}
          </p>
          <input
            id="qa-code"
            name="code"
            defaultValue={data.code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={12}
            className="qa-code-input"
            aria-invalid={data.error ? true : undefined}
            aria-describedby={data.error ? "qa-code-hint qa-code-error" : "qa-code-hint"}
          />
          {data.error && (
            <p className="field-error" id="qa-code-error">
              {t(data.error)}
            </p>
          )}
        </div>
        <button type="submit">{t("qa.join.submit")}</button>
      </Form>
      <h2>{t("qa.join.open")}</h2>
      {data.open.length === 0 ? (
        <p>{t("qa.join.none")}</p>
      ) : (
        <ul className="cards">
          {data.open.map((s) => (
            <li key={s.code} className="card">
              <a href={`/qa/${s.code}`}>{s.eventTitle}</a>
              <p className="muted">{t("qa.event.code", { code: s.code })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
