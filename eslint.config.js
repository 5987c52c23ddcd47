import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/",
      "build-minimal/",
      // Copies of build/ that npm run bench:cpu -- --compare measures.
      "build-*/",
      "node_modules/",
      "data/",
      "test-results/",
      "playwright-report/",
      "tests/artifacts/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    // The domain layer is pure rules and words (docs/architecture.md): it imports other domain modules and
    // zod, never the server, the database, the UI or the routes.
    files: ["app/domain/**/*.ts"],
    ignores: ["app/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "~/server/*",
                "~/components/*",
                "~/routes/*",
                "~/i18n/*",
                "~/config/*",
                "**/db/*",
                "*.server",
              ],
              message:
                "app/domain is pure: move what you need into app/domain, or call it from a .server.ts module.",
            },
            {
              regex: "^(?!\\.|~/domain/|zod$)",
              message: "app/domain imports only other domain modules and zod.",
            },
          ],
        },
      ],
    },
  },
  {
    // Components render what a route hands them (docs/architecture.md): no server code, no database. A
    // type-only import of a loader's type is fine: it is gone after compiling and pulls no server code in.
    files: ["app/components/**/*.{ts,tsx}"],
    ignores: ["app/components/**/*.test.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["*.server", "~/server/*", "**/db/*", "~/../db", "~/../db/*"],
              allowTypeImports: true,
              message:
                "app/components renders what the route hands it: take the data as props (types may come from app/domain, or `import type`), never from the server or the database.",
            },
          ],
        },
      ],
    },
  },
  {
    // One writer of a case's timeline (issue 18): recordEvent() in app/server/case-events.server.ts writes
    // every case_events row and decides the reporter's news mail with it, so no change can write an event
    // and forget the mail, or write a row its kind does not allow.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/server/case-events.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "CallExpression[callee.property.name='insert'][arguments.0.property.name='caseEvents']",
          "CallExpression[callee.property.name='insert'][arguments.0.name='caseEvents']",
          "Literal[value=/insert\\s+(or\\s+\\w+\\s+)?into\\s+\\W?case_events\\b/i]",
          "TemplateElement[value.raw=/insert\\s+(or\\s+\\w+\\s+)?into\\s+\\W?case_events\\b/i]",
        ].map((selector) => ({
          selector,
          message:
            "Write timeline events with recordEvent() from app/server/case-events.server.ts: it is the one writer of case_events, and it queues the reporter's news mail.",
        })),
      ],
    },
  },
  {
    // One form pipeline (issue 18, ADR 046): a form is refused through app/server/forms/parse-form.server.ts
    // (`readForm`, `refusalOf`, `parseForm`), which checks the CSRF token and then the honeypot. Calling
    // the CSRF check itself is how a form forgets the honeypot.
    files: ["app/routes/**/*.{ts,tsx}", "app/server/**/*.ts"],
    ignores: ["app/server/csrf.server.ts", "app/server/forms/**", "app/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "~/server/csrf.server",
              importNames: ["checkForm"],
              message: "Refuse a form through app/server/forms/parse-form.server.ts (readForm, refusalOf).",
            },
            {
              name: "./csrf.server",
              importNames: ["checkForm"],
              message: "Refuse a form through app/server/forms/parse-form.server.ts (readForm, refusalOf).",
            },
          ],
        },
      ],
    },
  },
  {
    // The environment is read in one place, typed and checked at start (app/config/env.server.ts).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/config/env.server.ts", "app/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message:
            "Read configuration through app/config/env.server.ts (getEnv, getTuning): add the variable there, typed and with its default.",
        },
      ],
    },
  },
);
