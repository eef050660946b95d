/** Unit, integration, component, weapp and end-to-end tests, each in its own folder of test/. */
// Built functions carry their own package.json, which would collide with their sources' in Jest's module map.
const modulePathIgnorePatterns = ['<rootDir>/dist/cloudfunctions/[^/]+/package.json']
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
}

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      modulePathIgnorePatterns,
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      modulePathIgnorePatterns,
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/integration/globalSetup.ts',
    },
    {
      displayName: 'weapp',
      testEnvironment: 'node',
      transform,
      modulePathIgnorePatterns,
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
    },
    {
      displayName: 'component',
      testEnvironment: 'jsdom',
      transform,
      modulePathIgnorePatterns,
      testMatch: ['<rootDir>/test/component/**/*.test.tsx'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      modulePathIgnorePatterns,
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
}
