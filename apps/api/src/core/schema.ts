import 'reflect-metadata';
import {
  DirectiveLocation,
  GraphQLDirective,
  type GraphQLEnumType,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLSchema,
  lexicographicSortSchema,
} from 'graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchema } from 'type-graphql';
import { authChecker } from './guards';
import { RESOLVERS } from './resolvers';

let built: GraphQLSchema | null = null;

/** Builds the schema once per process; the directive definitions reuse the schema's own Right enum. */
export async function getSchema(): Promise<GraphQLSchema> {
  if (built) return built;
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
  const right = schema.getType('Right') as GraphQLEnumType;
  const requires = new GraphQLDirective({
    name: 'requires',
    locations: [DirectiveLocation.FIELD_DEFINITION],
    args: { right: { type: new GraphQLNonNull(right) } },
  });
  const stepUp = new GraphQLDirective({
    name: 'stepUp',
    locations: [DirectiveLocation.FIELD_DEFINITION],
    args: { maxAgeSeconds: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 900 } },
  });
  const config = schema.toConfig();
  built = new GraphQLSchema({ ...config, directives: [...config.directives, requires, stepUp] });
  return built;
}

/** The published schema, as checked in at the repository root. */
export async function printSchemaFile(): Promise<string> {
  // Sorted, so that the file does not depend on the order in which modules register resolvers.
  const schema = lexicographicSortSchema(await getSchema());
  return printSchemaWithDirectives(schema) + '\n';
}
