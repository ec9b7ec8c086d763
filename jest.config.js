/** Two projects: fast unit specs beside the code, and e2e specs in test/ that run the real API and worker. */
const moduleNameMapper = {
  '^@app/domain(|/.*)$': '<rootDir>/libs/domain/src$1',
  '^@app/infrastructure(|/.*)$': '<rootDir>/libs/infrastructure/src$1',
  '^@app/persistence(|/.*)$': '<rootDir>/libs/persistence/src$1',
};
const transform = { '^.+\\.ts$': ['ts-jest', {}] };

module.exports = {
  // Every stack, harness and client is closed by its test; this is the net should one be missed, so that CI's run
  // always ends by itself instead of waiting for its timeout.
  forceExit: true,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      // Unit specs beside the code, and test/ specs that start no stack (e.g. the contract validator's own spec).
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform,
      moduleNameMapper,
      testEnvironment: 'node',
    },
    {
      // Repositories and row-level security on real PostgreSQL, as the application role: no API, no worker.
      displayName: 'database',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.db-spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform,
      moduleNameMapper,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform,
      moduleNameMapper,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
    },
  ],
};
