// The SKM web survey: choose the unit (then the service on its form). Public, no account.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listSurveyUnits } from "~/domain/satisfaction/figures.server";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { defineLoader } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("satisfaction.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ context }) => {
  return { units: await listSurveyUnits(context.db) };
});

export default function SurveyIndex() {
  const t = useT();
  const { units } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("satisfaction.title")}</h1>
      <p>{t("satisfaction.intro")}</p>
      <p>{t("satisfaction.form.anonymous")}</p>
      <h2>{t("satisfaction.units")}</h2>
      <ul className="skm-units">
        {units.map((u) => (
          <li key={u.id}>
            <span className="skm-unit-name">{u.name}</span>{" "}
            <Link to={`/survei/unit/${u.id}`} aria-label={`${t("satisfaction.answer")}: ${u.name}`}>
              {t("satisfaction.answer")}
            </Link>{" "}
            ·{" "}
            <Link to={`/survei/hasil/${u.id}`} aria-label={`${t("satisfaction.results")}: ${u.name}`}>
              {t("satisfaction.results")}
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/survei/rapor">{t("satisfaction.reportCards")}</Link>
      </p>
    </>
  );
}
