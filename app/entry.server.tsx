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

/** The pieces of a render sent on together at most this large (see the Transform below). */
const COALESCE_BYTES = 64 * 1024;

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
    // cleared when the render ends: a pending timer kept the whole render (its tree, its
    // buffers) alive for 6 s after the response, about 1,000 renders at 200 pages a second
    const timer = setTimeout(() => abort(), streamTimeout + 1_000);
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
            // React writes in 2 KB pieces (about 45 for a 90 KB page), and each went on alone
            // through the web stream, Express, the gzip stream and the socket: the pieces of
            // one tick go on together (or at 64 KB), which keeps the streaming but not that cost
            let pending: Buffer[] = [];
            let size = 0;
            let scheduled = false;
            const forward = (stream: Transform) => {
              if (size === 0) return;
              stream.push(pending.length === 1 ? pending[0] : Buffer.concat(pending, size));
              pending = [];
              size = 0;
            };
            const body = new Transform({
              transform(chunk: Buffer, _encoding, done) {
                pending.push(chunk);
                size += chunk.length;
                if (size >= COALESCE_BYTES) forward(this);
                else if (!scheduled) {
                  scheduled = true;
                  setImmediate(() => {
                    scheduled = false;
                    if (!this.writableFinished) forward(this);
                  });
                }
                done();
              },
              flush(done) {
                clearTimeout(timer);
                forward(this);
                done(null, messagesScript(used, nonce));
              },
            });
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
            pipe(body);
          },
          onShellError(error: unknown) {
            clearTimeout(timer);
            reject(error);
          },
          onError(error: unknown) {
            responseStatusCode = 500;
            if (shellRendered) console.error(error);
          },
        },
      ),
    );
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
