import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Pure domain code may not reach for frameworks, databases or brokers: time, ids and I/O come in as inputs.
const frameworkImports = ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'pg-*', 'kafkajs', 'kafkajs/*'];
const testingImports = { group: ['@cfc/testing', '@cfc/testing/*'], message: 'only tests import @cfc/testing.' };

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.js', '**/*.mjs', '.data/**', '.bench/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
    },
  },
  {
    // Only tests (and test-support folders) may use the test helpers. A lint rule rather than an Nx tag
    // constraint: Nx's project graph counts spec files, so a tag rule would flag every lib whose tests use them.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    // Tests, test kits and conformance harnesses may use the test helpers.
    ignores: ['**/*.spec.ts', '**/testing/**', 'libs/testing/**', '**/conformance/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [testingImports] }] },
  },
  {
    // @cfc/tlog is pure as a whole: the audit service and the regulator tool bring the I/O.
    files: ['**/domain/**/*.ts', 'libs/tlog/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: frameworkImports, message: 'domain/ code is pure: no framework, database or broker imports.' }, testingImports] },
      ],
    },
  },
);
