import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the web app's GraphQL operations, generated from the API's published schema.graphql.
 * Run `npm run codegen -w @kring/web` after changing an operation or the schema; the output is committed.
 */
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['features/messages/operations.ts', 'features/notes/operations.ts', 'features/dossier/operations.ts', 'features/step-up/operations.ts',
    ...['onboarding', 'profile', 'connections', 'access-log', 'notifications', 'help'].map((area) => `features/${area}/operations.ts`)],
  generates: {
    'lib/gql/graphql.ts': {
      plugins: ['typescript', 'typescript-operations'],
      config: {
        enumsAsTypes: true,
        skipTypename: true,
        useTypeImports: true,
        onlyOperationTypes: true,
        scalars: { DateTimeISO: 'string', LocalDate: 'string' },
        strictScalars: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
