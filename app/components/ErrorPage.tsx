// The one error page (root and route error boundaries): the status's title and the
// message of the error that was thrown (`{ messageKey, params }` from the boundary
// kit), in the reader's language; the generic text only when there is none.
import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { isMessageKey, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import type { ErrorData } from "~/utils/forms";

function errorData(value: unknown): ErrorData | null {
  if (typeof value !== "object" || value === null) return null;
  const { messageKey, params } = value as { messageKey?: unknown; params?: unknown };
  if (!isMessageKey(messageKey)) return null;
  return { messageKey, params: typeof params === "object" && params !== null ? (params as ErrorData["params"]) : undefined };
}

const titles: Record<string, MessageKey> = {
  "400": "error.400.title",
  "403": "error.403.title",
  "404": "error.404.title",
  "413": "error.400.title",
  "429": "error.rateLimited",
};
const texts: Record<string, MessageKey> = { "403": "error.403.text", "404": "error.404.text" };

export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const thrown = isRouteErrorResponse(error) ? errorData(error.data) : null;
  const title = t(titles[status] ?? (status >= 500 ? "error.500.title" : "error.400.title"));
  const fallback = texts[status] ?? (status >= 500 ? "error.500.text" : undefined);
  const text = thrown ? t(thrown.messageKey, thrown.params) : fallback ? t(fallback) : "";
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      {text && text !== title && <p>{text}</p>}
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </section>
  );
}
