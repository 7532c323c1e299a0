// Staff: WhatsApp messages that did not become aspirations by themselves ("Halo pak",
// a question). Staff turn one into an aspiration (the resident gets its code on
// WhatsApp) or answer it. Plain forms: works without JavaScript.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfField, FormAlert } from "~/components/forms";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { idSchema } from "~/domain/ids";
import { answerMessage, convertToAspiration, listInbox } from "~/domain/notifications/whatsapp-inbound.server";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("channels.inbox.title")} · Balai` }];

const answerSchema = z.object({
  messageId: idSchema,
  answer: z.string().trim().min(2, "channels.inbox.answerInvalid").max(1000, "channels.inbox.answerInvalid"),
});
const convertSchema = z.object({
  messageId: idSchema,
  title: z.string().trim().min(5, "channels.inbox.titleInvalid").max(150, "channels.inbox.titleInvalid"),
});

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  await requirePermission(request, context, can.manageAspirations);
  return { messages: await listInbox(context.db) };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requirePermission(request, context, can.manageAspirations);
  switch (form.get("intent")) {
    case "answer": {
      const input = form.parse(answerSchema);
      await answerMessage(context.db, actor.id, input.messageId, input.answer);
      return redirectWithFlash(context, "/aspirations/staff/inbox", { key: "channels.inbox.answered" });
    }
    case "convert": {
      const input = form.parse(convertSchema);
      const created = await convertToAspiration(context.db, actor.id, input.messageId, { title: input.title }, context.config.publicUrl);
      return redirectWithFlash(context, `/aspirations/${created.code}/manage`, { key: "channels.inbox.converted", params: { code: created.code } });
    }
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function Inbox() {
  const t = useT();
  const locale = useLocale();
  const { messages } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const failedFor = state?.values.messageId;
  return (
    <>
      <h1>{t("channels.inbox.title")}</h1>
      <p>{t("channels.inbox.intro")}</p>
      {!messages.some((m) => String(m.id) === failedFor) && <FormAlert state={state} />}
      {messages.length === 0 ? (
        <p>{t("channels.inbox.none")}</p>
      ) : (
        <ol className="stack">
          {messages.map((m) => {
            const failed = failedFor === String(m.id) ? state : undefined;
            const error = failed && (failed.errors.answer ?? failed.errors.title ?? failed.formError);
            return (
              <li key={m.id} className="card">
                <p>
                  <strong>{t("channels.inbox.from")}:</strong> {m.from} · <strong>{t("channels.inbox.received")}:</strong>{" "}
                  {formatDateTime(m.receivedAt, locale)}
                  {m.photoCount > 0 && <> · {t("channels.inbox.photos", { count: m.photoCount })}</>}
                </p>
                <blockquote>{m.text || "—"}</blockquote>
                {error && (
                  <p className="field-error" role="alert">
                    {t(error.key, error.params)}
                  </p>
                )}
                <Form method="post" className="stack">
                  <CsrfField />
                  <input type="hidden" name="intent" value="answer" />
                  <input type="hidden" name="messageId" value={m.id} />
                  <label htmlFor={`answer-${m.id}`}>{t("channels.inbox.answerText")}</label>
                  <textarea id={`answer-${m.id}`} name="answer" rows={2} maxLength={1000} required />
                  <button type="submit">{t("channels.inbox.answer")}</button>
                </Form>
                <Form method="post" className="stack">
                  <CsrfField />
                  <input type="hidden" name="intent" value="convert" />
                  <input type="hidden" name="messageId" value={m.id} />
                  <label htmlFor={`title-${m.id}`}>{t("channels.inbox.title.field")}</label>
                  <input id={`title-${m.id}`} name="title" defaultValue={m.text.slice(0, 150)} maxLength={150} required />
                  <button type="submit" className="button-secondary">
                    {t("channels.inbox.convert")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
