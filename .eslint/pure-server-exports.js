// balai/pure-server-exports: in a route module, `export const loader = defineLoader(...)`
// (and action, headers) must carry /* @__PURE__ */. Remix's browser build drops the
// export, but it keeps a call it must assume has side effects — and the `.server`
// kit it calls is empty in the browser, so the page would crash on hydration.
const SERVER_EXPORTS = new Set(["loader", "action", "headers"]);

/** @type {import("eslint").Rule.RuleModule} */
export default {
  meta: {
    type: "problem",
    docs: { description: "server-only route exports built by a call are marked /* @__PURE__ */" },
    fixable: "code",
    schema: [],
    messages: {
      impure:
        "`export const {{name}} = …(…)` needs /* @__PURE__ */ before the call, or the browser build keeps the call (and crashes: the .server module is empty there).",
    },
  },
  create(context) {
    const source = context.sourceCode;
    return {
      "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator"(node) {
        if (node.id.type !== "Identifier" || !SERVER_EXPORTS.has(node.id.name)) return;
        const init = node.init;
        if (!init || (init.type !== "CallExpression" && init.type !== "NewExpression")) return;
        const pure = source.getCommentsBefore(init).some((c) => /[@#]__PURE__/.test(c.value));
        if (!pure)
          context.report({ node: init, messageId: "impure", data: { name: node.id.name }, fix: (fixer) => fixer.insertTextBefore(init, "/* @__PURE__ */ ") });
      },
    };
  },
};
