// Any address no other route matches: a 404 page in the visitor's language.
import { json } from "@remix-run/node";

export async function loader() {
  throw json({ messageKey: "error.404.text" }, { status: 404 });
}

export default function NotFound() {
  return null;
}
