import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { endSession } from "~/utils/auth.server";
import { setFlash } from "~/utils/flash.server";
import { readForm } from "~/utils/forms.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request, context, z.object({}));
  return endSession(request, context, new Headers({ "Set-Cookie": await setFlash(context, { key: "auth.logout.done" }) }));
}
