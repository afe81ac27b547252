// ESLint (flat config): typescript-eslint and Next's rules, plus the architecture's import rules
// (scripts/lint/boundaries.mjs, docs/architecture.md "What may import what"). Formatting is
// Prettier's job (.prettierrc.json), not ESLint's. Why this set: docs/decisions/0010-lint-and-format.md.
import { defineConfig, globalIgnores } from "eslint/config";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import boundaries from "./scripts/lint/boundaries.mjs";

export default defineConfig([
  globalIgnores([
    "node_modules/**",
    ".next/**",
    ".data/**",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    "blob-report/**",
    "bench/out/**",
    "bench/next-floor/.next/**",
    "next-env.d.ts",
    ".scratch*/**",
  ]),
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    plugins: { mkutano: boundaries },
    rules: {
      "mkutano/import-boundaries": "error",
      // Unused code is an error, as tsc's noUnused* would make it; a leading _ marks it deliberate.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/no-unused-expressions": "error",
      // `import type` marks what a client file may take from a server module (the boundary rule
      // lets type-only imports through); `import("…")` types stay allowed in tests and scripts.
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { disallowTypeAnnotations: false, fixStyle: "inline-type-imports" },
      ],
    },
  },
  {
    // The emulator's console and the tests are not Next pages.
    files: ["emulator/**", "tests/**", "scripts/**", "bench/**"],
    rules: { "@next/next/no-html-link-for-pages": "off", "@next/next/no-img-element": "off" },
  },
  {
    // Tests read JSON from real HTTP responses and poke at the emulator's state; `any` stays out of
    // the product code, where the types come from zod.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
]);
