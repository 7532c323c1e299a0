// One version of a service as it was, and what changed from the one before it.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChangeList, CostAndTime } from "~/components/services";
import { getServiceVersion } from "~/domain/services/services.server";
import { formatDate, formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { defineLoader, idParam } from "~/utils/boundary.server";
import { slugParam } from "~/utils/services.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  {
    title: `${data ? metaT(matches)("services.version.title", { name: data.service.name, number: data.version.number }) : metaT(matches)("services.notFound")} · Balai`,
  },
  { name: "robots", content: "noindex" },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ params, context }) => {
  const slug = slugParam(params);
  const number = idParam(params, "number", "services.notFound");
  return getServiceVersion(context.db, slug, number);
});

export default function ServiceVersionPage() {
  const t = useT();
  const locale = useLocale();
  const { service, version: v, changes } = useLoaderData<typeof loader>();
  const isCurrent = service.currentVersion.number === v.number;
  return (
    <article className="svc-page">
      <p className="svc-kicker">
        <Link to={`/layanan/${service.slug}`}>{service.name}</Link>
      </p>
      <h1>{t("services.version.title", { name: v.name, number: v.number })}</h1>
      <p className="svc-version">
        {t("services.version.effective")} {formatDate(new Date(v.effectiveFrom), locale)} · {formatDateTime(new Date(v.createdAt), locale)}
      </p>
      {!isCurrent && (
        <p className="alert alert-info">
          {t("services.version.old")} <Link to={`/layanan/${service.slug}?v=${v.number}`}>{t("services.version.toCurrent")}</Link>
        </p>
      )}
      <p>
        <strong>{t("services.field.reason")}:</strong> {v.reason}
      </p>
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">{t("services.history.changes")}</h2>
        {v.number === 1 ? (
          <p>{t("services.history.first")}</p>
        ) : changes.length === 0 ? (
          <p>{t("services.history.noChanges")}</p>
        ) : (
          <ChangeList changes={changes} />
        )}
      </section>
      <CostAndTime cost={v.costAmount} duration={{ value: v.durationValue, unit: v.durationUnit }} costBasis={v.costBasis} />
      <h2>{t("services.bring")}</h2>
      <ul>
        {v.requirements.map((r, i) => (
          <li key={i}>
            {r.name}
            {r.validity && <> ({r.validity})</>}
          </li>
        ))}
      </ul>
      {v.stepsCounter.length > 0 && (
        <>
          <h2>{t("services.steps.counter")}</h2>
          <ol>
            {v.stepsCounter.map((s, i) => (
              <li key={i}>{s.actor ? `${s.actor}: ${s.text}` : s.text}</li>
            ))}
          </ol>
        </>
      )}
      {v.stepsOnline.length > 0 && (
        <>
          <h2>{t("services.steps.online")}</h2>
          <ol>
            {v.stepsOnline.map((s, i) => (
              <li key={i}>{s.actor ? `${s.actor}: ${s.text}` : s.text}</li>
            ))}
          </ol>
        </>
      )}
      <h2>{t("services.product")}</h2>
      <p>{v.product}</p>
    </article>
  );
}
