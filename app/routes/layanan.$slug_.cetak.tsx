// The one-page A4 guide (and its large-print version, ?ukuran=besar) from the same
// record as the web page, printed by the browser with a print stylesheet. Its QR
// code opens the live page with the printed version (?v=<n>), which tells a
// resident holding an old poster what changed since.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { costText, durationText } from "~/components/services";
import { getServiceForPrint } from "~/domain/services/services.server";
import { formatDate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { defineLoader } from "~/utils/boundary.server";
import { qrSvg } from "~/utils/qr.server";
import { siteOrigin, slugParam } from "~/utils/services.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: data ? `${metaT(matches)("services.printGuide.title", { name: data.service.name })} · Balai` : "Balai" },
  { name: "robots", content: "noindex" },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const service = await getServiceForPrint(context.db, slugParam(params));
  const large = new URL(request.url).searchParams.get("ukuran") === "besar";
  const origin = siteOrigin(request, context.config.publicUrl);
  const liveUrl = `${origin}/layanan/${service.slug}?v=${service.currentVersion.number}`;
  return { service, large, liveUrl, integrityUrl: `${origin}/layanan/${service.slug}/integritas`, qr: await qrSvg(liveUrl) };
});

export default function PrintGuide() {
  const t = useT();
  const locale = useLocale();
  const { service: s, large, liveUrl, integrityUrl, qr } = useLoaderData<typeof loader>();
  const v = s.currentVersion;
  return (
    <>
      <nav className="svc-no-print svc-print-bar" aria-label={t("services.print")}>
        <p>
          <Link to={`/layanan/${s.slug}`}>{t("services.printGuide.back")}</Link> ·{" "}
          {large ? (
            <Link to={`/layanan/${s.slug}/cetak`}>{t("services.printGuide.normal")}</Link>
          ) : (
            <Link to={`/layanan/${s.slug}/cetak?ukuran=besar`}>{t("services.printGuide.large")}</Link>
          )}
        </p>
        <p className="hint">{t("services.printGuide.hint")}</p>
      </nav>
      <article className={large ? "svc-print svc-print-large" : "svc-print"}>
        <header className="svc-print-head">
          <div>
            <p className="svc-print-unit">{s.unit.name}</p>
            <h1>{v.name}</h1>
            <p className="svc-print-summary">{v.summary}</p>
          </div>
          <figure className="svc-print-qr">
            {/* the SVG comes from our own QR generator (qrSvg), not from user input */}
            <div role="img" aria-label={t("services.printGuide.qrAlt", { url: liveUrl })} dangerouslySetInnerHTML={{ __html: qr }} />
            <figcaption>{t("services.printGuide.qr")}</figcaption>
          </figure>
        </header>

        <dl className="svc-print-facts">
          <div>
            <dt>{t("services.cost")}</dt>
            <dd data-testid="print-cost">{costText(t, v.costAmount)}</dd>
            {v.costAmount > 0 && v.costBasis && <dd className="svc-print-note">{t("services.cost.basis", { basis: v.costBasis })}</dd>}
            {v.costAmount === 0 && <dd className="svc-print-note">{t("services.cost.freePlain")}</dd>}
          </div>
          <div>
            <dt>{t("services.time")}</dt>
            <dd data-testid="print-time">{durationText(t, { value: v.durationValue, unit: v.durationUnit })}</dd>
          </div>
        </dl>

        <section>
          <h2>{t("services.bring")}</h2>
          <ul className="svc-print-checklist">
            {v.requirements.map((r, i) => (
              <li key={i}>
                <span aria-hidden="true" className="svc-box" />
                <strong>{r.name}</strong>
                {r.validity && <> — {r.validity}</>}
              </li>
            ))}
          </ul>
        </section>

        {v.stepsCounter.length > 0 && (
          <section>
            <h2>{t("services.steps.counter")}</h2>
            <ol>
              {v.stepsCounter.map((step, i) => (
                <li key={i}>
                  {step.actor ? (
                    <>
                      <strong>{step.actor}:</strong> {step.text}
                    </>
                  ) : (
                    step.text
                  )}
                </li>
              ))}
            </ol>
          </section>
        )}

        {v.onlineUrl && (
          <section>
            <h2>{t("services.online.alternative", { name: v.onlineName ?? v.onlineUrl })}</h2>
            <p>{v.onlineUrl}</p>
          </section>
        )}

        <section className="svc-print-cols">
          <div>
            <h2>{t("services.where")}</h2>
            <p>
              {s.unit.name}, {s.unit.address}
              <br />
              {s.unit.openingHours}
            </p>
          </div>
          <div>
            <h2>{t("services.product")}</h2>
            <p>{v.product}</p>
          </div>
        </section>

        <section>
          <h2>{t("services.complaints")}</h2>
          <p className="svc-prewrap">{v.complaints}</p>
          <p>
            <strong>{t("services.integrity.link")}</strong> {integrityUrl}
          </p>
        </section>

        <footer className="svc-print-foot">
          {t("services.printGuide.printed", { number: v.number, date: formatDate(new Date(v.effectiveFrom), locale) })} {liveUrl}
        </footer>
      </article>
    </>
  );
}
