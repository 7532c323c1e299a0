// One service, written for a person in a hurry: cost and time first, what to bring
// as a checklist, the steps, where and when, the online alternative, how to
// complain. `?v=<n>` (the QR code of a printed guide) says what changed since.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChangeList, CostAndTime, costText, durationText, versionMeta } from "~/components/services";
import { getServicePage, mayEditUnit } from "~/domain/services/services.server";
import { getUser } from "~/utils/auth.server";
import { formatDate, formatDateTime, translator } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { defineLoader } from "~/utils/boundary.server";
import { printedVersionParam, siteOrigin, slugParam } from "~/utils/services.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaT(matches);
  if (!data) return [{ title: `${t("services.notFound")} · Balai` }];
  const s = data.service;
  const v = s.currentVersion;
  const description = t("services.meta.description", {
    cost: costText(t, v.costAmount),
    time: durationText(t, { value: v.durationValue, unit: v.durationUnit }),
  });
  const image = `${data.origin}/layanan/${s.slug}/kartu.png?v=${v.number}`;
  return [
    { title: `${s.name} · ${s.unit.name} · Balai` },
    { name: "description", content: description },
    { property: "og:type", content: "website" },
    { property: "og:title", content: `${s.name} · ${s.unit.name}` },
    { property: "og:description", content: description },
    { property: "og:url", content: `${data.origin}/layanan/${s.slug}` },
    { property: "og:image", content: image },
    { property: "og:image:width", content: "1200" },
    { property: "og:image:height", content: "630" },
    { property: "og:image:alt", content: `${s.name}: ${description}` },
    { name: "twitter:card", content: "summary_large_image" },
  ];
};

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const slug = slugParam(params);
  const printed = printedVersionParam(request);
  const service = await getServicePage(context.db, slug, printed);
  // the editor link only for those the editor will let in (the server checks again there)
  const mayEdit = await mayEditUnit(context.db, await getUser(request, context), service.unitId);
  return { service, mayEdit, origin: siteOrigin(request, context.config.publicUrl) };
});

export default function ServicePage() {
  const t = useT();
  const locale = useLocale();
  const { service: s, origin, mayEdit } = useLoaderData<typeof loader>();
  const v = s.currentVersion;
  const duration = { value: v.durationValue, unit: v.durationUnit };
  const c = s.comparison;
  const shareText = translator(locale)("services.share.text", {
    name: s.name,
    cost: costText(t, v.costAmount),
    time: durationText(t, duration),
    url: `${origin}/layanan/${s.slug}`,
  });
  return (
    <article className="svc-page">
      <p className="svc-kicker">
        <Link to="/layanan">{t("services.nav")}</Link> › <Link to={`/layanan/unit/${s.unit.id}`}>{s.unit.name}</Link>
      </p>
      <h1>{s.name}</h1>
      <p className="svc-summary">{v.summary}</p>
      <p className="svc-version" data-testid="service-version">
        {versionMeta(t, locale, v, s.lastCheckedAt)}
      </p>

      {c && (
        <section
          className={c.status === "older" && c.changes.length > 0 ? "alert svc-printed svc-printed-changed" : "alert alert-info svc-printed"}
          role="status"
          aria-live="polite"
          data-testid="printed-comparison"
        >
          {c.status === "current" && <p>{t("services.printed.current", { printed: c.printed })}</p>}
          {c.status === "unknown" && <p>{t("services.printed.unknown", { printed: c.printed })}</p>}
          {c.status === "older" && c.changes.length === 0 && <p>{t("services.printed.olderSame", { printed: c.printed })}</p>}
          {c.status === "older" && c.changes.length > 0 && (
            <>
              <p>
                <strong>{t("services.printed.older", { printed: c.printed, date: formatDate(new Date(c.printedOn), locale) })}</strong>
              </p>
              <ChangeList changes={c.changes} />
            </>
          )}
        </section>
      )}

      <CostAndTime cost={v.costAmount} duration={duration} costBasis={v.costBasis} />

      <section aria-labelledby="bring-title">
        <h2 id="bring-title">{t("services.bring")}</h2>
        <p className="hint">{t("services.bring.hint")}</p>
        <ul className="svc-checklist">
          {v.requirements.map((r, i) => (
            <li key={i}>
              <input type="checkbox" id={`req-${i}`} aria-describedby={r.validity ? `req-${i}-v` : undefined} />
              <label htmlFor={`req-${i}`}>{r.name}</label>
              {r.validity && (
                <span className="svc-validity" id={`req-${i}-v`}>
                  {r.validity}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>

      {v.stepsCounter.length > 0 && (
        <section aria-labelledby="steps-title">
          <h2 id="steps-title">{t("services.steps.counter")}</h2>
          <ol className="svc-steps">
            {v.stepsCounter.map((step, i) => (
              <li key={i}>
                {step.actor && <strong>{step.actor}: </strong>}
                {step.text}
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="where-title">
        <h2 id="where-title">{t("services.where")}</h2>
        <dl className="svc-where">
          <dt>{t("services.unit.address")}</dt>
          <dd>
            {s.unit.name}, {s.unit.address}
          </dd>
          <dt>{t("services.unit.hours")}</dt>
          <dd>{s.unit.openingHours}</dd>
          {(s.unit.phone || s.unit.whatsapp || s.unit.email) && (
            <>
              <dt>{t("services.unit.contact")}</dt>
              <dd>{[s.unit.phone, s.unit.whatsapp && `WhatsApp ${s.unit.whatsapp}`, s.unit.email].filter(Boolean).join(" · ")}</dd>
            </>
          )}
        </dl>
      </section>

      {v.onlineUrl && (
        <section aria-labelledby="online-title">
          <h2 id="online-title">{t("services.online.alternative", { name: v.onlineName ?? v.onlineUrl })}</h2>
          {v.stepsOnline.length > 0 && (
            <ol className="svc-steps">
              {v.stepsOnline.map((step, i) => (
                <li key={i}>
                  {step.actor && <strong>{step.actor}: </strong>}
                  {step.text}
                </li>
              ))}
            </ol>
          )}
          <p>
            <a href={v.onlineUrl} rel="noopener noreferrer">
              {t("services.online.open", { name: v.onlineName ?? v.onlineUrl })}
            </a>
          </p>
        </section>
      )}

      <section aria-labelledby="product-title">
        <h2 id="product-title">{t("services.product")}</h2>
        <p>{v.product}</p>
      </section>

      <section aria-labelledby="complaints-title">
        <h2 id="complaints-title">{t("services.complaints")}</h2>
        <p className="svc-prewrap">{v.complaints}</p>
        <div className="svc-integrity">
          <p>
            <Link to={`/layanan/${s.slug}/integritas`}>
              <strong>{t("services.integrity.link")}</strong>
            </Link>
          </p>
          <p className="hint">{t("services.integrity.linkHint")}</p>
        </div>
      </section>

      {s.classes.length > 0 && (
        <section aria-labelledby="classes-title">
          <h2 id="classes-title">{t("services.classes")}</h2>
          <ul>
            {s.classes.map((e) => (
              <li key={e.id}>
                <Link to={`/events/${e.id}`}>{e.title}</Link> · {formatDateTime(new Date(e.startsAt), locale)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <p className="svc-actions">
        <Link className="button" to={`/layanan/${s.slug}/cetak`}>
          {t("services.print")}
        </Link>
        <Link className="button button-secondary" to={`/layanan/${s.slug}/cetak?ukuran=besar`}>
          {t("services.printLarge")}
        </Link>
        <a className="button button-secondary" href={`https://wa.me/?text=${encodeURIComponent(shareText)}`} rel="noopener noreferrer">
          {t("services.share.whatsapp")}
        </a>
        {mayEdit && (
          // a plain link: a Remix <Link> to the editor from this route broke hydration (React #418)
          // under lazy route discovery; the editor is a page load away either way
          <a className="button button-secondary" href={`/layanan/kelola/${s.slug}`}>
            {t("services.staff.edit")}
          </a>
        )}
      </p>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("services.history")}</h2>
        <ol className="svc-history" reversed>
          {s.history.map((h) => (
            <li key={h.number}>
              <Link to={`/layanan/${s.slug}/versi/${h.number}`}>{t("services.history.view", { number: h.number })}</Link>
              {h.number === v.number && <> ({t("services.history.current")})</>} · {t("services.version.effective")}{" "}
              {formatDate(new Date(h.effectiveFrom), locale)} · {h.reason}
              {h.by && <> · {t("services.history.by", { name: h.by })}</>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
