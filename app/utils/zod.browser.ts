// What the browser bundle gets for `import { z } from "zod"` (package.json "browser" field).
// Schemas are only parsed by loaders and actions, on the server; route and domain modules
// still define them at their top level, so the browser would download zod (14 KB compressed)
// just to build schemas nobody uses there. Here every schema is an inert chain: building one
// works, parsing one throws, loudly, so a schema used in the browser by mistake is noticed.
const fail = () => {
  throw new Error("zod is not in the browser bundle: parse on the server (loader/action)");
};
const PARSERS = new Set(["parse", "safeParse", "parseAsync", "safeParseAsync", "spa"]);

function inert(): unknown {
  const target = function () {};
  const proxy: unknown = new Proxy(target, {
    get(_t, property) {
      if (typeof property === "string" && PARSERS.has(property)) return fail;
      if (property === Symbol.toPrimitive) return () => "";
      if (property === "then") return undefined; // never looks like a promise
      return proxy;
    },
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}

export const z = inert() as typeof import("zod").z;
export default z;
