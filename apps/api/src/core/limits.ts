import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Context } from './context';

export const MAX_DEPTH = 10;
export const MAX_ALIASES = 30;

function depthOf(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) max = Math.max(max, 1 + depthOf(sel.selectionSet, fragments, seen));
    else if (sel.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(sel.selectionSet, fragments, seen));
    else {
      const name = sel.name.value;
      if (seen.has(name)) continue;
      const frag = fragments[name];
      if (frag) max = Math.max(max, depthOf(frag.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return max;
}

/** Depth ≤ 10 and a cap on aliases, so one request cannot multiply work or code attempts (QUALITY.md 8, 18). */
export function limitsRule(context: ValidationContext): ASTVisitor {
  const doc = context.getDocument();
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  let aliases = 0;
  return {
    Field(node) {
      if (node.alias) aliases++;
      if (aliases === MAX_ALIASES + 1) {
        context.reportError(new GraphQLError(`Too many aliases (max ${MAX_ALIASES}).`, { extensions: { code: 'BAD_USER_INPUT' } }));
      }
    },
    OperationDefinition(node) {
      if (depthOf(node.selectionSet, fragments, new Set()) > MAX_DEPTH) {
        context.reportError(new GraphQLError(`Query too deep (max ${MAX_DEPTH}).`, { extensions: { code: 'BAD_USER_INPUT' } }));
      }
    },
  };
}

/** Cost limit (QUALITY.md 18): a list counts its `first` argument, or 100 when it has none. */
export const MAX_COST = 5_000_000;
export const UNBOUNDED_LIST_COST = 100;

/**
 * Each object field costs 1, scalars nothing; a field's children count once per item it may
 * return: `first` when given (defaults included), otherwise 100 for a list. The `nodes` of a
 * page (MessagePage, …) are already counted by the `first` of the field that returned the page.
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const own = isLeafType(getNamedType(field.type)) ? 0 : 1;
  const first: unknown = args.first;
  const pageNodes = field.name === 'nodes' && type.name.endsWith('Page');
  const list = isListType(getNullableType(field.type));
  const items = typeof first === 'number' ? Math.max(first, 0) : list && !pageNodes ? UNBOUNDED_LIST_COST : 1;
  return own + items * childComplexity;
};

/** The cost of an operation, with its variables (validation rules cannot see them, hence a plugin). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string | null): number {
  return getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [costEstimator] });
}

/** Refuses an operation whose cost exceeds MAX_COST before anything runs. */
export const costLimitPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ schema, document, request }) {
        let cost: number;
        try {
          cost = operationCost(schema, document, request.variables, request.operationName);
        } catch (err) {
          // Invalid variables: execution refuses them with its own error. Anything else
          // (e.g. too many nodes to count) is refused here: the limit fails closed.
          if (err instanceof GraphQLError && err.message.startsWith('Variable "$')) return Promise.resolve();
          cost = Number.POSITIVE_INFINITY;
        }
        if (cost > MAX_COST) {
          throw new GraphQLError(`Query too costly (max ${MAX_COST}).`, {
            extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY', http: { status: 400 } },
          });
        }
        return Promise.resolve();
      },
    });
  },
};
