// The catalogue of services: by unit and keyword, a page at a time, with cost and
// time on every row. A plain GET form, so it works without JavaScript.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/Pagination";
import { costText, durationText, useServiceStaff } from "~/components/services";
import { catalogue, listUnits } from "~/domain/services/services.server";
import { catalogueQuerySchema } from "~/domain/services/services.schema";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { defineLoader } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("services.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const query = catalogueQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [result, units] = await Promise.all([catalogue(context.db, query), listUnits(context.db)]);
  return { ...result, query, units };
});

export default function ServiceCatalogue() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const staff = useServiceStaff();
  const kecamatan = [...new Set(data.units.map((u) => u.kecamatan))];
  return (
    <>
      <h1>{t("services.title")}</h1>
      <p className="lead">{t("services.intro")}</p>
      {staff.desk && (
        <p>
          <Link to="/layanan/kelola">{t("services.nav.staff")}</Link>
        </p>
      )}
      <Form method="get" className="svc-search" role="search" aria-label={t("services.catalogue.search")}>
        <div className="field">
          <label htmlFor="svc-q">{t("services.catalogue.searchLabel")}</label>
          <input id="svc-q" name="q" type="search" defaultValue={data.query.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="svc-unit">{t("services.catalogue.unit")}</label>
          <select id="svc-unit" name="unit" defaultValue={data.query.unit ? String(data.query.unit) : ""}>
            <option value="">{t("services.catalogue.allUnits")}</option>
            {kecamatan.map((k) => (
              <optgroup key={k} label={k}>
                {data.units
                  .filter((u) => u.kecamatan === k)
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit">{t("services.catalogue.submit")}</button>
      </Form>

      <p role="status">{t("services.catalogue.count", { count: data.total })}</p>
      {data.items.length === 0 ? (
        <p>{t("services.catalogue.empty")}</p>
      ) : (
        <ul className="svc-list">
          {data.items.map((s) => (
            <li key={s.slug} className="svc-card">
              <h2 className="svc-card-title">
                <Link to={`/layanan/${s.slug}`}>{s.name}</Link>
              </h2>
              <p className="svc-card-unit">{s.unit.name}</p>
              <p className="svc-card-facts">
                <span>
                  <strong>{t("services.cost")}:</strong> {costText(t, s.currentVersion.costAmount)}
                </span>
                <span>
                  <strong>{t("services.time")}:</strong> {durationText(t, { value: s.currentVersion.durationValue, unit: s.currentVersion.durationUnit })}
                </span>
              </p>
              <p className="svc-card-summary">{s.currentVersion.summary}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pages={data.pages} />

      <section aria-labelledby="units-title">
        <h2 id="units-title">{t("services.catalogue.units")}</h2>
        {kecamatan.map((k) => (
          <div key={k}>
            <h3>{k}</h3>
            <ul className="svc-units">
              {data.units
                .filter((u) => u.kecamatan === k)
                .map((u) => (
                  <li key={u.id}>
                    <Link to={`/layanan/unit/${u.id}`}>{u.name}</Link>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </section>
      <p>
        {t("services.catalogue.openData", { json: "JSON", csv: "CSV" })
          .split(/(JSON|CSV)/)
          .map((part, i) =>
            part === "JSON" ? (
              <a key={i} href="/layanan/data/katalog.json">
                JSON
              </a>
            ) : part === "CSV" ? (
              <a key={i} href="/layanan/data/katalog.csv">
                CSV
              </a>
            ) : (
              part
            ),
          )}
      </p>
    </>
  );
}
