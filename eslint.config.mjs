import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Pure domain code may not reach for frameworks, databases or brokers: time, ids and I/O come in as inputs.
const frameworkImports = ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'pg-*', 'kafkajs', 'kafkajs/*'];

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
            { sourceTag: 'scope:shared', notDependOnLibsWithTags: ['scope:test'] },
          ],
        },
      ],
    },
  },
  {
    // Tests may use the test helpers (@cfc/testing); production code may not.
    files: ['**/*.spec.ts'],
    rules: {
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
    files: ['**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: frameworkImports, message: 'domain/ code is pure: no framework, database or broker imports.' }] },
      ],
    },
  },
);
