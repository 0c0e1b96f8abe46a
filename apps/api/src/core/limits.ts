import { GraphQLError, Kind, type ASTVisitor, type ValidationContext, type SelectionSetNode, type FragmentDefinitionNode } from 'graphql';

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
