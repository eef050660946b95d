/** Unit, integration, component, weapp and end-to-end tests, each in its own folder of test/. */
// Built functions carry their own package.json, which would collide with their sources' in Jest's module map.
const modulePathIgnorePatterns = ['<rootDir>/dist/cloudfunctions/[^/]+/package.json']
const transform = {
  '^.+\\.(m?js|jsx|tsx?)$': [
    '@swc/jest',
    // An explicit target: @swc/core 1.3 (the one Taro's helper pins, so the tree holds one swc)
    // does not know the es2023 that @swc/jest would pick for Node 20.
    { jsc: { target: 'es2022', transform: { react: { runtime: 'automatic' } } } },
  ],
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
      // Each feature's use cases called in-process on the embedded database, without HTTP.
      displayName: 'service',
      testEnvironment: 'node',
      transform,
      modulePathIgnorePatterns,
      setupFiles: ['<rootDir>/test/service/setup.ts'],
      testMatch: ['<rootDir>/test/service/**/*.test.ts'],
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
      // Taro's H5 modules import each other in cycles that only Babel's CommonJS output tolerates.
      transform: {
        '^.+\\.(m?js|jsx|tsx?)$': [
          'babel-jest',
          {
            configFile: false,
            presets: [
              ['@babel/preset-env', { targets: { node: 'current' }, modules: 'commonjs' }],
              ['@babel/preset-react', { runtime: 'automatic' }],
              '@babel/preset-typescript',
            ],
            plugins: [require('./config/nutuiImport')],
          },
        ],
      },
      modulePathIgnorePatterns,
      // The components run as on H5: Taro's H5 API and its React components.
      moduleNameMapper: {
        '^@tarojs/taro$': '@tarojs/taro-h5',
        '^@tarojs/components$': '@tarojs/components/lib/react/index',
        '\\.(css|scss)$': '<rootDir>/test/component/styleStub.js',
        // Platform modules with a file per target: the H5 one.
        '^(.*)/services/(transport|subscriptions|scan|files)$': '$1/services/$2.h5',
      },
      // Taro's H5 runtime pulls in many ES-module-only packages; Babel compiles them all (cached).
      transformIgnorePatterns: [],
      setupFiles: ['<rootDir>/test/component/setup.ts'],
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
