import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "tmp/**", ".cache/**", "public/build/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Architecture rule (DESIGN.md, house rule 2): the pure core performs no I/O.
    files: ["app/notifications/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/*.server", "**/*.server.ts", "@prisma/*", "node:*", "fs", "http", "https", "resend", "twilio"], message: "app/notifications is pure: no I/O imports." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "fetch", message: "app/notifications is pure: no network." }, { name: "process", message: "app/notifications is pure: no environment." }],
    },
  },
);
