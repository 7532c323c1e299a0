import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusTag } from "~/components/aspirations/AspirationFields";
import { PrintButton } from "~/components/aspirations/PrintButton";
import { getPublicAspiration } from "~/domain/aspirations/aspirations.server";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { defineLoader, notFound } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaT(matches)("aspirations.receipt.title")} · Balai` },
  { name: "robots", content: "noindex" },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ context, params, request }) => {
  const a = await getPublicAspiration(context.db, params.code ?? "", null);
  if (!a) notFound("aspirations.notFound");
  const origin = context.config.publicUrl ?? new URL(request.url).origin;
  return {
    url: `${origin}/aspirations/${a.code}`,
    // a grouped duplicate's receipt shows its group's status and deadlines, as its page does
    a: {
      code: a.code,
      // a confidential integrity report's receipt names nothing of it
      title: a.sealed ? null : a.title,
      status: a.status,
      createdAt: a.createdAt,
      verifyDueAt: a.verifyDueAt,
      responseDueAt: a.responseDueAt,
      kelurahan: a.kelurahan,
    },
  };
});

export default function Receipt() {
  const t = useT();
  const locale = useLocale();
  const { a, url } = useLoaderData<typeof loader>();
  const date = (d: Date | null) => (d ? formatDateTime(d, locale) : "-");
  return (
    <>
      <h1>{t("aspirations.receipt.title")}</h1>
      <div className="receipt">
        <p>{t("aspirations.receipt.code")}</p>
        <p className="tracking-code" id="tracking-code">
          {a.code}
        </p>
        <dl>
          <dt>{t("aspirations.new.titleLabel")}</dt>
          <dd>{a.title ?? t("services.integrity.sealed.title")}</dd>
          <dt>{t("aspirations.detail.status")}</dt>
          <dd>
            <StatusTag status={a.status} />
          </dd>
          <dt>{t("aspirations.receipt.received")}</dt>
          <dd>{date(a.createdAt)}</dd>
          <dt>{t("aspirations.receipt.verifyBy")}</dt>
          <dd>{date(a.verifyDueAt)}</dd>
          <dt>{t("aspirations.receipt.respondBy")}</dt>
          <dd>{date(a.responseDueAt)}</dd>
        </dl>
        <p>{t("aspirations.receipt.keep", { url })}</p>
      </div>
      <div className="actions">
        <Link className="button" to={`/aspirations/${a.code}`}>
          {t("aspirations.receipt.view")}
        </Link>
        <PrintButton label={t("aspirations.receipt.print")} />
      </div>
    </>
  );
}
