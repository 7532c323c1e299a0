// The unit's confidential integrity reports (extra fees, "fast lanes"), for its
// supervisors and admins: newest first, a page at a time, each opening the staff page
// of the report, where it is followed up like any aspiration.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusTag } from "~/components/aspirations/AspirationFields";
import { Pagination } from "~/components/Pagination";
import { TableRegion } from "~/components/TableRegion";
import { listIntegrityReports } from "~/domain/services/integrity.server";
import { pageQuerySchema } from "~/domain/services/services.schema";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { requireUser } from "~/utils/auth.server";
import { defineLoader, idParam } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("services.integrity.list.title", { name: data?.unit.name ?? "" })} · Balai` },
  { name: "robots", content: "noindex" },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const actor = await requireUser(request, context);
  const unitId = idParam(params, "id", "services.unit.notFound");
  const { page } = pageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return listIntegrityReports(context.db, actor, unitId, page);
});

export default function IntegrityReports() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <p className="svc-kicker">
        <Link to="/layanan/kelola">{t("services.staff.title")}</Link> › <Link to={`/layanan/kelola/unit/${data.unit.id}`}>{data.unit.name}</Link>
      </p>
      <h1>{t("services.integrity.list.title", { name: data.unit.name })}</h1>
      <p className="lead">{t("services.integrity.list.intro")}</p>
      {data.reports.length === 0 ? (
        <p>{t("services.integrity.list.empty")}</p>
      ) : (
        <>
          <p>{t("services.integrity.list.count", { count: data.total })}</p>
          <TableRegion label={t("services.integrity.list.link")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("services.integrity.list.report")}</th>
                  <th scope="col">{t("services.integrity.list.service")}</th>
                  <th scope="col">{t("services.integrity.list.status")}</th>
                  <th scope="col">{t("services.integrity.list.received")}</th>
                </tr>
              </thead>
              <tbody>
                {data.reports.map((r) => (
                  <tr key={r.code}>
                    <td>
                      <Link to={`/aspirations/${r.code}/manage`}>{r.title}</Link> <span className="code-inline">{r.code}</span>
                    </td>
                    <td>{r.service ? <Link to={`/layanan/${r.service.slug}`}>{r.service.name}</Link> : "-"}</td>
                    <td>
                      <StatusTag status={r.status} />
                    </td>
                    <td>{formatDateTime(r.createdAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <Pagination page={data.page} pages={data.pages} />
        </>
      )}
    </>
  );
}
