import { Kind, parse, visit, type DocumentNode } from 'graphql';

/** Operations that hand out a session token: they run only server-side (next-auth authorize, server actions). */
export const SERVER_ONLY_FIELDS = new Set(['signIn', 'activateAccount', 'acceptInvitation']);

export type GateResult =
  | { ok: true; body: { query: string; variables?: Record<string, unknown>; operationName?: string } }
  | { ok: false; status: number; code: string };

/** Checks a browser's GraphQL body before it is forwarded to the API. */
export function gateGraphqlBody(raw: unknown): GateResult {
  // A JSON array is a batch: refused, so aliases and batches cannot multiply attempts.
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, status: 400, code: 'BAD_REQUEST' };
  const { query, variables, operationName } = raw as Record<string, unknown>;
  if (typeof query !== 'string' || query.length > 100_000) return { ok: false, status: 400, code: 'BAD_REQUEST' };
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return { ok: false, status: 400, code: 'BAD_REQUEST' };
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return { ok: false, status: 400, code: 'BAD_REQUEST' };
  }
  let doc: DocumentNode;
  try {
    doc = parse(query, { noLocation: true });
  } catch {
    return { ok: false, status: 400, code: 'GRAPHQL_PARSE_FAILED' };
  }
  let refused = false;
  visit(doc, {
    [Kind.FIELD]: (node) => {
      // The field's real name counts, whatever alias it is given.
      if (SERVER_ONLY_FIELDS.has(node.name.value)) refused = true;
    },
  });
  if (refused) return { ok: false, status: 403, code: 'FORBIDDEN' };
  return {
    ok: true,
    body: {
      query,
      ...(variables ? { variables: variables as Record<string, unknown> } : {}),
      ...(typeof operationName === 'string' ? { operationName } : {}),
    },
  };
}

/** The browser's Origin must be this site's (CSRF defence on top of SameSite=Lax cookies). */
export function sameOrigin(origin: string | null, siteUrl: string, host: string | null, proto: string): boolean {
  if (!origin) return false;
  let expected: string;
  try {
    expected = siteUrl ? new URL(siteUrl).origin : host ? `${proto}://${host}` : '';
  } catch {
    return false;
  }
  return expected !== '' && origin === expected;
}
