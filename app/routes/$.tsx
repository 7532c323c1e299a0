// Any address no other route matches: a 404 page in the visitor's language.
import { defineLoader, notFound } from "~/utils/boundary.server";

export const loader = /* @__PURE__ */ defineLoader(async () => notFound());

export default function NotFound() {
  return null;
}
