// Remix behind Express, with the request body already read and limited.
// The body of every unsafe request is read by `express.raw` with a byte limit on
// the stream itself (a chunked body without Content-Length is cut off at the limit
// and answered 413), so Remix gets a buffered body and never parses an oversized one.
// In development the build is loaded again whenever `remix dev` rebuilt it.
import { statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { NextFunction, Request as ExpressRequest, Response } from "express";
import { broadcastDevReady, createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";

export interface RemixHandlerOptions {
  buildPath: string;
  development: boolean;
  getLoadContext: (req: ExpressRequest, res: Response) => AppLoadContext;
}

/** The build, loaded once; in development again after each rebuild (the file's time changes). */
function buildLoader(buildPath: string, development: boolean) {
  const url = pathToFileURL(buildPath).href;
  let loaded: { mtime: number; build: Promise<ServerBuild> } | undefined;
  return async (): Promise<ServerBuild> => {
    const mtime = development ? statSync(buildPath).mtimeMs : 0;
    if (!loaded || loaded.mtime !== mtime) {
      const build = import(development ? `${url}?t=${mtime}` : url) as Promise<ServerBuild>;
      loaded = { mtime, build };
      if (development) void build.then((b) => broadcastDevReady(b));
    }
    return loaded.build;
  };
}

function toFetchRequest(req: ExpressRequest, res: Response): Request {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get("host") ?? "localhost"}`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  // express.raw gives a Buffer (a Uint8Array), which fetch accepts as a body
  const body = hasBody && Buffer.isBuffer(req.body) ? (req.body as unknown as BodyInit) : undefined;
  return new Request(url.href, { method: req.method, headers, signal: controller.signal, body });
}

export async function createRemixHandler(options: RemixHandlerOptions) {
  const getBuild = buildLoader(options.buildPath, options.development);
  await getBuild(); // a broken build stops the start, not the first request
  const handle = createRequestHandler(getBuild, options.development ? "development" : "production");
  return async (req: ExpressRequest, res: Response, next: NextFunction) => {
    try {
      const response = await handle(toFetchRequest(req, res), options.getLoadContext(req, res));
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers.entries()) res.append(key, value);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}
