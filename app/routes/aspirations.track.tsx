import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { findIdByCode } from "~/domain/aspirations/aspirations.server";
import { normalizeCode } from "~/domain/aspirations/code";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { defineLoader } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("aspirations.track.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const raw = (new URL(request.url).searchParams.get("code") ?? "").slice(0, 40);
  const code = normalizeCode(raw);
  if (code && (await findIdByCode(context.db, code))) throw redirect(`/aspirations/${code}`);
  // an unknown code is answered on this page (with the form to try again), as a 404
  return data({ code: raw, notFound: raw !== "" }, { status: raw ? 404 : 200 });
});

export default function Track() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("aspirations.track.title")}</h1>
      {page.notFound && (
        <div className="alert alert-error" role="alert">
          {t("aspirations.track.notFound")}
        </div>
      )}
      <Form method="get" className="search-form">
        <div className="field">
          <label htmlFor="track-code">{t("aspirations.track.code")}</label>
          <p className="hint" id="track-code-hint">
            {t("aspirations.track.hint")}
          </p>
          <input
            id="track-code"
            name="code"
            defaultValue={page.code}
            autoComplete="off"
            aria-invalid={page.notFound || undefined}
            aria-describedby="track-code-hint"
          />
        </div>
        <button type="submit">{t("aspirations.track.submit")}</button>
      </Form>
    </>
  );
}
