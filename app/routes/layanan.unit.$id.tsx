// A service unit: where and when, its announcements, its Maklumat Pelayanan
// (printable: the print stylesheet keeps only the pledge), its services and offices.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { costText, durationText } from "~/components/services";
import { imageUrls } from "~/domain/images/images";
import { getUnitPage, maklumatImageRef } from "~/domain/services/services.server";
import { formatDate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { defineLoader, idParam } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${data ? data.unit.name : metaT(matches)("services.unit.notFound")} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ params, context }) => {
  const page = await getUnitPage(context.db, idParam(params, "id", "services.unit.notFound"));
  const ref = maklumatImageRef(page.maklumat?.imageKey ?? null);
  return { ...page, maklumatImage: ref && imageUrls(context.images, ref) };
});

export default function UnitPage() {
  const t = useT();
  const locale = useLocale();
  const { unit, maklumat, maklumatImage, announcements, services } = useLoaderData<typeof loader>();
  const place = unit.area.name;
  return (
    <article className="svc-unit">
      <div className="svc-no-print">
        <p className="svc-kicker">
          <Link to="/layanan">{t("services.nav")}</Link>
          {unit.parent && (
            <>
              {" "}
              › <Link to={`/layanan/unit/${unit.parent.id}`}>{unit.parent.name}</Link>
            </>
          )}
        </p>
        <h1>{unit.name}</h1>
        <p className="muted">{t(`services.unit.kind.${unit.kind as "kecamatan" | "kelurahan"}`)}</p>
        <dl className="svc-where">
          <dt>{t("services.unit.address")}</dt>
          <dd>{unit.address}</dd>
          <dt>{t("services.unit.hours")}</dt>
          <dd>{unit.openingHours}</dd>
          {(unit.phone || unit.whatsapp || unit.email) && (
            <>
              <dt>{t("services.unit.contact")}</dt>
              <dd>{[unit.phone, unit.whatsapp && `WhatsApp ${unit.whatsapp}`, unit.email].filter(Boolean).join(" · ")}</dd>
            </>
          )}
        </dl>
        {announcements.length > 0 && (
          <section aria-labelledby="ann-title">
            <h2 id="ann-title">{t("services.unit.announcements")}</h2>
            <ul className="svc-announcements">
              {announcements.map((a) => (
                <li key={a.id}>
                  <strong>{a.title}</strong>
                  {a.body && <p>{a.body}</p>}
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="unit-services">
          <h2 id="unit-services">{t("services.unit.services")}</h2>
          <ul className="svc-unit-services">
            {services.map((s) => (
              <li key={s.slug}>
                <Link to={`/layanan/${s.slug}`}>{s.name}</Link> · {costText(t, s.costAmount)} ·{" "}
                {durationText(t, { value: s.durationValue, unit: s.durationUnit })}
              </li>
            ))}
          </ul>
        </section>
        {unit.children.length > 0 && (
          <section aria-labelledby="unit-offices">
            <h2 id="unit-offices">{t("services.unit.offices")}</h2>
            <ul className="svc-units">
              {unit.children.map((c) => (
                <li key={c.id}>
                  <Link to={`/layanan/unit/${c.id}`}>{c.name}</Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        <ul className="svc-unit-links">
          <li>
            <Link to={`/layanan/unit/${unit.id}/antrian`}>{t("queue.take")}</Link>
          </li>
          <li>
            <Link to={`/layanan/unit/${unit.id}/angka`}>{t("queue.figures.link")}</Link>
          </li>
          <li>
            <Link to={`/layanan/unit/${unit.id}/display`}>{t("services.unit.display")}</Link>
          </li>
        </ul>
      </div>

      <section aria-labelledby="maklumat-title" className="svc-maklumat">
        <h2 id="maklumat-title">{t("services.maklumat")}</h2>
        {maklumat && <p className="hint svc-no-print">{t("services.maklumat.print")}</p>}
        {maklumat ? (
          <>
            <p className="svc-print-only svc-maklumat-unit">{unit.name}</p>
            <div className="svc-maklumat-text" data-testid="maklumat-text">
              {maklumat.text}
            </div>
            <p className="svc-maklumat-sign">
              {t("services.maklumat.signed", { place, date: formatDate(new Date(maklumat.signedOn), locale) })}
              <br />
              {maklumat.signerTitle}
              <br />
              <strong>{maklumat.signerName}</strong>
            </p>
            {maklumatImage && (
              <figure>
                <img
                  src={maklumatImage.src}
                  srcSet={maklumatImage.srcSet}
                  sizes="(min-width: 60rem) 56rem, 100vw"
                  loading="lazy"
                  alt={t("services.maklumat.imageAlt", { name: maklumat.signerName })}
                />
                <figcaption>{t("services.maklumat.image")}</figcaption>
              </figure>
            )}
          </>
        ) : (
          <p>{t("services.maklumat.none")}</p>
        )}
      </section>
    </article>
  );
}
