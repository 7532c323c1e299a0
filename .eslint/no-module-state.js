// balai/no-module-state: a module of app/ keeps no mutable state at its top level.
// The tsx server and the Remix bundle each load their own copy of app/, so state kept
// in a module silently exists twice (README decision 9): create it once in server/
// and inject it. Reported: top-level `let`/`var`, and top-level collections
// (Map, Set, WeakMap, WeakSet, arrays, objects) that the module itself changes.
const COLLECTIONS = new Set(["Map", "Set", "WeakMap", "WeakSet", "Array"]);
const MUTATORS = new Set(["set", "add", "delete", "clear", "push", "pop", "shift", "unshift", "splice", "sort", "reverse", "fill"]);

function collectionInit(init) {
  if (!init) return false;
  if (init.type === "NewExpression" && init.callee.type === "Identifier" && COLLECTIONS.has(init.callee.name)) return true;
  return init.type === "ArrayExpression" || init.type === "ObjectExpression";
}

/** @type {import("eslint").Rule.RuleModule} */
export default {
  meta: {
    type: "problem",
    docs: { description: "no mutable state at a module's top level in app/ (inject it from server/ instead)" },
    schema: [],
    messages: {
      binding: "Module-level `{{kind}} {{name}}` is state kept in a module: create it in server/ and inject it (README decision 9).",
      mutated: "`{{name}}` is a module-level collection that this module changes: create it in server/ and inject it (README decision 9).",
    },
  },
  create(context) {
    /** top-level const collections by name -> declarator node */
    const collections = new Map();
    const reported = new Set();
    const flag = (name, node) => {
      if (reported.has(name)) return;
      reported.add(name);
      context.report({ node, messageId: "mutated", data: { name } });
    };
    return {
      "Program > VariableDeclaration, Program > ExportNamedDeclaration > VariableDeclaration"(node) {
        for (const d of node.declarations) {
          if (d.id.type !== "Identifier") continue;
          if (node.kind !== "const") context.report({ node: d, messageId: "binding", data: { kind: node.kind, name: d.id.name } });
          else if (collectionInit(d.init)) collections.set(d.id.name, d);
        }
      },
      // x.set(...), x.push(...), x.items.push(...)
      CallExpression(node) {
        let callee = node.callee;
        if (callee.type !== "MemberExpression" || callee.property.type !== "Identifier" || !MUTATORS.has(callee.property.name)) return;
        let object = callee.object;
        while (object.type === "MemberExpression") object = object.object;
        if (object.type === "Identifier" && collections.has(object.name)) flag(object.name, collections.get(object.name));
      },
      // x.y = ..., x[k] = ..., delete x[k]
      AssignmentExpression(node) {
        let target = node.left;
        if (target.type !== "MemberExpression") return;
        while (target.type === "MemberExpression") target = target.object;
        if (target.type === "Identifier" && collections.has(target.name)) flag(target.name, collections.get(target.name));
      },
      UnaryExpression(node) {
        if (node.operator !== "delete" || node.argument.type !== "MemberExpression") return;
        let target = node.argument;
        while (target.type === "MemberExpression") target = target.object;
        if (target.type === "Identifier" && collections.has(target.name)) flag(target.name, collections.get(target.name));
      },
    };
  },
};
