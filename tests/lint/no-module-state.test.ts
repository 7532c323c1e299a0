// The rule that keeps app/ free of module-level state (README decision 9).
import { RuleTester } from "eslint";
import { describe, it } from "vitest";
import rule from "../../.eslint/no-module-state.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: "module" } });

tester.run("balai/no-module-state", rule, {
  valid: [
    "const LIMIT = 3;",
    "const WORDS = new Set(['a', 'b']); export const has = (w) => WORDS.has(w);",
    "export function make() { let n = 0; const m = new Map(); m.set(1, 2); return () => ++n; }",
    "const TABLE = { a: 1 }; export const get = (k) => TABLE[k];",
  ],
  invalid: [
    { code: "let counter = 0; export const next = () => ++counter;", errors: [{ messageId: "binding" }] },
    { code: "export let current;", errors: [{ messageId: "binding" }] },
    { code: "var x = 1;", errors: [{ messageId: "binding" }] },
    { code: "const cache = new Map(); export const put = (k, v) => cache.set(k, v);", errors: [{ messageId: "mutated" }] },
    { code: "const queue = []; export const add = (x) => queue.push(x);", errors: [{ messageId: "mutated" }] },
    { code: "const state = {}; export const set = (v) => { state.value = v; };", errors: [{ messageId: "mutated" }] },
    { code: "const seen = new WeakMap(); export const forget = (k) => seen.delete(k);", errors: [{ messageId: "mutated" }] },
  ],
});

import pure from "../../.eslint/pure-server-exports.js";

tester.run("balai/pure-server-exports", pure, {
  valid: [
    "export const loader = /* @__PURE__ */ defineLoader(async () => null);",
    "export async function loader() { return null; }",
    "export const meta = () => [];",
    "export const links = makeLinks();",
  ],
  invalid: [
    {
      code: "export const action = defineAction(async () => null);",
      output: "export const action = /* @__PURE__ */ defineAction(async () => null);",
      errors: [{ messageId: "impure" }],
    },
  ],
});
