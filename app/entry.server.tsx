import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { messagesScript, recordMessages } from "./i18n/catalog.server";
import { NonceProvider } from "./utils/nonce";

// Single fetch: streams are given up after this long (and React is aborted a second later).
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const bot = isbot(request.headers.get("user-agent") || "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // every message the render looks up is recorded and handed to the browser at the end of
    // the document (before the deferred module scripts run), so it hydrates without catalogues
    const {
      result: { pipe, abort },
      used,
    } = recordMessages(() =>
      renderToPipeableStream(
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </NonceProvider>,
        {
          nonce,
          [bot ? "onAllReady" : "onShellReady"]() {
            shellRendered = true;
            const body = new Transform({
              transform(chunk, _encoding, done) {
                done(null, chunk);
              },
              flush(done) {
                done(null, messagesScript(used, nonce));
              },
            });
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
            pipe(body);
          },
          onShellError(error: unknown) {
            reject(error);
          },
          onError(error: unknown) {
            responseStatusCode = 500;
            if (shellRendered) console.error(error);
          },
        },
      ),
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
