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
  ],
};

export default config;
