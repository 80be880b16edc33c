// The linter `npm test` runs (npm run lint): typescript-eslint's type-checked recommendations, so
// a promise nobody awaits or handles, a promise passed where a callback is expected, and code
// nothing uses fail the suite.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'fixtures/', 'bin/', 'scripts/*.mjs', 'src/sources/jobs-worker.mjs', 'src/cli/analyze-worker.mjs', 'eslint.config.js', '.dependency-cruiser.cjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's test()/describe() return promises the runner itself awaits.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Off, with the reason: an interface method is async whether or not this implementation
      // awaits (the SQLite store answers synchronously behind an async Store interface).
      '@typescript-eslint/require-await': 'off',
      // Off: tables of parser functions and injected clocks are plain functions that never use `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Off: an assertion the compiler finds redundant today documents intent and costs nothing.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Off: SQLite rows and caught errors are `unknown`, and String() on them is the deliberate conversion.
      '@typescript-eslint/no-base-to-string': 'off',
      // Off: an aborted wait rejects with the AbortSignal's own reason, as fetch does.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    // Tests, benchmarks and scripts read JSON they wrote themselves: `any` from JSON.parse is fine there.
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
