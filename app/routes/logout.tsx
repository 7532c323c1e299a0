import { redirect } from "@remix-run/node";
import { endSession } from "~/utils/auth.server";
import { defineAction, defineLoader } from "~/utils/boundary.server";
import { setFlash } from "~/utils/flash.server";

export const loader = /* @__PURE__ */ defineLoader(async () => redirect("/"));

// the session ends in the database and its open sockets reconnect as a guest
export const action = /* @__PURE__ */ defineAction(async ({ request, context }) =>
  endSession(request, context, new Headers({ "Set-Cookie": await setFlash(context, { key: "auth.logout.done" }) })),
);
