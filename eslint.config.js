// Lint rules that catch what review keeps missing: a promise nobody awaits (a lost delivery or an unhandled
// rejection that crashes the process) and a promise handed to something that expects a plain callback.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "src/generated/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      // A worker created after the closures that kick it is assigned once but read before that.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      // A leading underscore names what is dropped on purpose (a destructured field kept out of a result).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests read raw platform payloads that the fakes record as untyped JSON; vitest reads a fixture's
    // dependencies from the destructuring of its first argument, so a fixture with none writes `{}`.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "no-empty-pattern": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: "readonly", URL: "readonly", console: "readonly" } },
  },
);
