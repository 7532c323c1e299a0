// Lint for Balai (run with `npm run lint`, which also checks formatting with Prettier).
// Besides typescript-eslint's recommended rules, the import restrictions below pin the
// layers the README describes, and balai/no-module-state keeps app/ free of module state.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import noModuleState from "./no-module-state.js";
import pureServerExports from "./pure-server-exports.js";

const restrict = (...patterns) => ["error", { patterns: patterns.map(([group, message, allowTypeImports = false]) => ({ group, message, allowTypeImports })) }];

const domainMayNot = [
  [["~/routes/*", "~/components/*", "~/utils/*", "~/root"], "app/domain is the core: it imports nothing from routes, components or utils."],
  [["@remix-run/*", "react", "react-dom", "react/*"], "app/domain knows nothing of Remix or React: take typed input, return data, throw DomainError."],
  [["**/server/*", "../../server/*"], "app/ never imports from server/: services arrive through the load context."],
];
const noDatabase = [
  [
    ["~/db/client.server", "~/db/*", "~/generated/*", "**/generated/*", "@prisma/*"],
    "Routes and components never touch the database: call a domain function with context.db.",
  ],
];

export default tseslint.config(
  {
    ignores: ["node_modules/**", "build/**", "public/build/**", "app/generated/**", ".cache/**", "data/**", "test-results/**"],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { balai: { rules: { "no-module-state": noModuleState, "pure-server-exports": pureServerExports } }, "react-hooks": reactHooks },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read the environment only in server/config.ts (every variable is checked at start).",
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.{ts,tsx}"],
    rules: { "balai/no-module-state": "error" },
  },
  { files: ["app/domain/**/*.{ts,tsx}"], rules: { "@typescript-eslint/no-restricted-imports": restrict(...domainMayNot) } },
  {
    files: ["app/routes/**/*.{ts,tsx}", "app/root.tsx"],
    rules: {
      "balai/pure-server-exports": "error",
      "@typescript-eslint/no-restricted-imports": restrict(...noDatabase, [["**/server/*"], "app/ never imports from server/."]),
    },
  },
  {
    files: ["app/components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict(
        ...noDatabase,
        [["~/routes/*"], "Components sit below routes: a route imports a component, never the reverse."],
        [["*.server", "**/*.server"], "Components run in the browser too: no server modules (loaders live in routes); types are fine.", true],
      ),
    },
  },
  {
    files: ["app/utils/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict(
        [["~/routes/*", "~/components/*", "~/root"], "app/utils sits below routes and components."],
        [["**/server/*"], "app/ never imports from server/."],
      ),
    },
  },
  {
    files: ["app/realtime/**/*.{ts,tsx}", "app/i18n/**/*.{ts,tsx}", "app/db/**/*.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict(...domainMayNot.slice(0, 1)) },
  },
  // configuration is read in one place; tools and tests may read their own switches
  { files: ["server/config.ts", "tests/**", "prisma/**", "**/*.test.{ts,tsx}", "remix.config.js", ".eslint/**"], rules: { "no-restricted-syntax": "off" } },
  { files: ["**/*.{js,mjs,cjs}"], rules: { "@typescript-eslint/no-require-imports": "off" } },
);
