// Admins: every message Balai sends outside the app, its state, and the dead letters
// (messages that failed too often) to send again. Recipients show as references
// (user:12, contact:34), never as an address or a number.
import type { MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfField } from "~/components/forms";
import { Pagination } from "~/components/Pagination";
import { TableRegion } from "~/components/TableRegion";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { idSchema } from "~/domain/ids";
import { STATUSES, type OutboxStatus } from "~/domain/notifications/outbox";
import { listOutbox, retryAllDead, retryMessage } from "~/domain/notifications/outbox.server";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("channels.outbox.title")} · Balai` }];

const retrySchema = z.object({ messageId: idSchema });

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  await requirePermission(request, context, can.manageUsers);
  const url = new URL(request.url);
  const raw = url.searchParams.get("status");
  const status = (STATUSES as readonly string[]).includes(raw ?? "") ? (raw as OutboxStatus) : undefined;
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  return { status: status ?? "", page, ...(await listOutbox(context.db, { status, page })) };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  await requirePermission(request, context, can.manageUsers);
  const back = new URL(request.url);
  const here = back.pathname + back.search;
  switch (form.get("intent")) {
    case "retry": {
      const { messageId } = form.parse(retrySchema);
      await retryMessage(context.db, messageId);
      return redirectWithFlash(context, here, { key: "channels.outbox.retried" });
    }
    case "retryAll": {
      const count = await retryAllDead(context.db);
      return redirectWithFlash(context, here, { key: "channels.outbox.retriedAll", params: { count } });
    }
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function AdminOutbox() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("channels.outbox.title")}</h1>
      <p>{t("channels.outbox.intro")}</p>
      <p>{t("channels.outbox.counts", data.counts)}</p>
      <Form method="get" className="search-form">
        <div className="field">
          <label htmlFor="status">{t("channels.outbox.filter")}</label>
          <select id="status" name="status" defaultValue={data.status}>
            <option value="">{t("channels.outbox.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`channels.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("channels.outbox.filter")}</button>
      </Form>
      {data.counts.dead > 0 && (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="retryAll" />
          <button type="submit">{t("channels.outbox.retryAll")}</button>
        </Form>
      )}
      {data.rows.length === 0 ? (
        <p>{t("channels.outbox.none")}</p>
      ) : (
        <TableRegion label={t("channels.outbox.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("channels.outbox.channel")}</th>
                <th scope="col">{t("channels.outbox.recipient")}</th>
                <th scope="col">{t("channels.outbox.template")}</th>
                <th scope="col">{t("channels.outbox.status")}</th>
                <th scope="col">{t("channels.outbox.attempts")}</th>
                <th scope="col">{t("channels.outbox.error")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((m) => (
                <tr key={m.id}>
                  <td>{m.id}</td>
                  <td>{m.channel}</td>
                  <td>{m.recipientRef}</td>
                  <td>
                    <code>{m.templateKey}</code>
                    <br />
                    <small>{formatDateTime(m.createdAt, locale)}</small>
                  </td>
                  <td>{t(`channels.status.${m.status as OutboxStatus}`)}</td>
                  <td>{m.attempts}</td>
                  <td>
                    {m.lastError ?? ""}
                    {(m.status === "dead" || m.status === "failed") && (
                      <Form method="post" className="inline-form">
                        <CsrfField />
                        <input type="hidden" name="intent" value="retry" />
                        <input type="hidden" name="messageId" value={m.id} />
                        <button type="submit" className="button-secondary" aria-label={`${t("channels.outbox.retry")} #${m.id}`}>
                          {t("channels.outbox.retry")}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination page={data.page} pages={data.pages} />
    </>
  );
}
