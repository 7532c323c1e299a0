// The survey desks the signed-in staff member may open: their units (all for planners and admins).
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "~/domain/accounts/roles";
import { deskUnits } from "~/domain/satisfaction/access.server";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { requireUser } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("satisfaction.desk.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const user = await requireUser(request, context);
  const ties = await deskUnits(context.db, user);
  const units = await context.db.serviceUnit.findMany({
    where: { id: { in: ties.map((t) => t.id) } },
    select: { id: true, name: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  return { units, admin: can.manageUsers(user) };
});

export default function DeskIndex() {
  const t = useT();
  const { units, admin } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("satisfaction.desk.title")}</h1>
      {units.length === 0 ? (
        <p>{t("satisfaction.desk.none")}</p>
      ) : (
        <ul className="skm-units">
          {units.map((u) => (
            <li key={u.id}>
              <Link to={`/survei/kelola/${u.id}`}>{u.name}</Link>
            </li>
          ))}
        </ul>
      )}
      {admin && (
        <p>
          <Link to="/survei/kelola/unsur">{t("satisfaction.desk.elements")}</Link>
        </p>
      )}
      <p>
        <Link to="/survei/rapor">{t("satisfaction.reportCards")}</Link>
      </p>
    </>
  );
}
