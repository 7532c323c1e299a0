import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, FormAlert, type FormState } from "~/components/forms";
import { can } from "~/domain/accounts/roles";
import { moderationQueue, type QueueItem } from "~/domain/discussions/moderation.server";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import discussionsCss from "~/styles/discussions.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader } from "~/utils/boundary.server";
import { threadAction } from "~/utils/discussions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: discussionsCss }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("discussions.moderation.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const actor = await requirePermission(request, context, can.moderate);
  return moderationQueue(context.db, actor);
});

export const action = /* @__PURE__ */ defineAction(async (args) => {
  await requirePermission(args.request, args.context, can.moderate);
  return threadAction(args);
});

/** A reason field with ids unique on this page (many forms side by side). */
function ReasonForm({
  intent,
  fields,
  submit,
  state,
  required = true,
}: {
  intent: string;
  fields: Record<string, number>;
  submit: string;
  state?: FormState;
  required?: boolean;
}) {
  const t = useT();
  const [idName, idValue] = Object.entries(fields)[0];
  const mine = state?.values?.intent === intent && state.values[idName] === String(idValue) ? state : undefined;
  const id = `${intent}-${idValue}`;
  const error = mine?.errors?.reason;
  return (
    <Form method="post" className="queue-form">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="back" value="/discussions/moderation" />
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="field">
        <label htmlFor={id}>
          {t("discussions.field.reason")} {!required && <span className="muted">{t("form.optional")}</span>}
        </label>
        <input
          id={id}
          name="reason"
          required={required}
          maxLength={500}
          defaultValue={mine?.values?.reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {t(error.key, error.params)}
          </p>
        )}
      </div>
      <button type="submit">{submit}</button>
    </Form>
  );
}

function Item({ item, state, kind }: { item: QueueItem; state?: FormState; kind: "reported" | "pending" }) {
  const t = useT();
  const locale = useLocale();
  const link = item.parentId === null ? `/discussions/${item.topicId}` : `/discussions/${item.topicId}/posts/${item.postId}`;
  return (
    <li className="queue-item">
      <p className="muted">{t("discussions.moderation.inTopic", { title: item.topicTitle })}</p>
      <p className="post-meta">
        <span className="post-author">{item.author?.name ?? "-"}</span>{" "}
        <time dateTime={item.createdAt.toISOString()}>{formatDateTime(item.createdAt, locale)}</time>
        {item.status === "hidden" && <span className="badge">{t("discussions.moderation.autoHidden")}</span>}
      </p>
      <div className="post-body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      {item.reports.length > 0 && (
        <ul className="report-list">
          {item.reports.map((r, i) => (
            <li key={i}>{t("discussions.moderation.reportBy", { name: r.reporter, reason: r.reason })}</li>
          ))}
        </ul>
      )}
      <p>
        <Link to={link}>{t("discussions.moderation.open")}</Link>
      </p>
      <div className="queue-actions">
        {kind === "pending" ? (
          <>
            <Form method="post" className="queue-form">
              <CsrfField />
              <input type="hidden" name="intent" value="approve" />
              <input type="hidden" name="postId" value={item.postId} />
              <input type="hidden" name="back" value="/discussions/moderation" />
              <button type="submit">{t("discussions.action.approve")}</button>
            </Form>
            <ReasonForm intent="reject" fields={{ postId: item.postId }} submit={t("discussions.action.reject")} state={state} />
          </>
        ) : (
          <>
            {item.status !== "hidden" && <ReasonForm intent="hide" fields={{ postId: item.postId }} submit={t("discussions.action.hide")} state={state} />}
            <ReasonForm
              intent="restore"
              fields={{ postId: item.postId }}
              submit={item.status === "hidden" ? t("discussions.action.restore") : t("discussions.action.dismiss")}
              state={state}
              required={false}
            />
          </>
        )}
        {item.author && item.author.role === "resident" && !item.author.blocked && (
          <ReasonForm intent="block" fields={{ userId: item.author.id }} submit={t("discussions.action.block")} state={state} />
        )}
      </div>
    </li>
  );
}

export default function ModerationQueue() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const { reported, pending } = data;
  // a reason is refused next to its field; anything else (a refused id, "no longer pending") is said at the top
  const { reason: _reason, ...otherErrors } = state?.errors ?? {};
  const pageError = state?.formError ?? Object.values(otherErrors)[0];
  return (
    <>
      <p>
        <Link to="/discussions">← {t("discussions.title")}</Link>
      </p>
      <h1>{t("discussions.moderation.title")}</h1>
      {pageError && <FormAlert state={{ formError: pageError }} />}
      <h2>
        {t("discussions.moderation.reported")} ({reported.length})
      </h2>
      {reported.length === 0 ? (
        <p>{t("discussions.moderation.none")}</p>
      ) : (
        <ul className="queue">
          {reported.map((i) => (
            <Item key={i.postId} item={i} state={state} kind="reported" />
          ))}
        </ul>
      )}
      <h2>
        {t("discussions.moderation.pending")} ({pending.length})
      </h2>
      {pending.length === 0 ? (
        <p>{t("discussions.moderation.none")}</p>
      ) : (
        <ul className="queue">
          {pending.map((i) => (
            <Item key={i.postId} item={i} state={state} kind="pending" />
          ))}
        </ul>
      )}
      <h2>
        {t("discussions.moderation.blocked")} ({data.blocked.length})
      </h2>
      {data.blocked.length === 0 ? (
        <p>{t("discussions.moderation.none")}</p>
      ) : (
        <ul className="queue">
          {data.blocked.map((u) => (
            <li key={u.id} className="queue-item">
              <p>
                <strong>{u.name}</strong> · {t("discussions.moderation.since", { date: formatDateTime(u.since, locale) })}
              </p>
              {u.reason && <p>{u.reason}</p>}
              <Form method="post" className="queue-form">
                <CsrfField />
                <input type="hidden" name="intent" value="unblock" />
                <input type="hidden" name="userId" value={u.id} />
                <input type="hidden" name="back" value="/discussions/moderation" />
                <button type="submit" aria-label={`${t("discussions.action.unblock")}: ${u.name}`}>
                  {t("discussions.action.unblock")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
