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
);
