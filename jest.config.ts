import type { Config } from 'jest';

const swc = (opts: { decorators?: boolean; react?: boolean } = {}) => [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: opts.decorators ?? false, tsx: opts.react ?? false },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: opts.decorators ?? false,
        ...(opts.react ? { react: { runtime: 'automatic' } } : {}),
      },
    },
    module: { type: 'commonjs' },
  },
];

const domainMapper = {
  '^@kring/domain$': '<rootDir>/../../packages/domain/src/index.ts',
  '^@kring/domain/passwords$': '<rootDir>/../../packages/domain/src/passwords/index.ts',
};

const config: Config = {
  projects: [
    {
      displayName: 'domain',
      rootDir: '<rootDir>/packages/domain',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform: { '^.+\\.ts$': swc() as never },
      testEnvironment: 'node',
    },
    {
      displayName: 'api',
      rootDir: '<rootDir>/apps/api',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform: { '^.+\\.ts$': swc({ decorators: true }) as never },
      moduleNameMapper: domainMapper,
      testEnvironment: 'node',
      testTimeout: 30_000,
    },
    {
      displayName: 'web',
      rootDir: '<rootDir>/apps/web',
      testMatch: ['<rootDir>/**/*.test.ts', '<rootDir>/**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '/e2e/', '/.next/'],
      transform: { '^.+\\.tsx?$': swc({ react: true }) as never },
      moduleNameMapper: { '\\.css$': '<rootDir>/test/style-mock.ts', '^@/(.*)$': '<rootDir>/$1' },
      setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
      testEnvironment: 'jsdom',
    },
    {
      // Browser tests against the built API and web app (npm run build first); see apps/web/e2e/README.md.
      displayName: 'e2e',
      rootDir: '<rootDir>/apps/web',
      testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
      transform: { '^.+\\.ts$': swc() as never },
      testEnvironment: 'node',
      testTimeout: 180_000,
    },
  ],
};

export default config;
