import { apiGraphql } from '@/lib/api-server';
import { apiTokenFromCookies, loadShell, requestClient } from '@/lib/session';
import type { AccessLevel } from '@/lib/session';

export interface InvitationPreviewView {
  accountDisplayName: string;
  invitedBy: string;
  level: AccessLevel;
  email: string;
  expiresAt: string;
  token: string | null;
}

const PREVIEW_FIELDS = 'accountDisplayName invitedBy level email expiresAt token';

/** Who is signed in here (name and e-mail), or null. */
export async function signedInPerson(): Promise<{ name: string; email: string } | null> {
  try {
    const shell = await loadShell();
    if (shell.kind !== 'signed-in') return null;
    const u = shell.viewer.user;
    return { name: `${u.firstName} ${u.lastName}`.trim(), email: u.email };
  } catch {
    return null;
  }
}

/** The signed-in viewer's pending invitations (for the plus button's page); empty when signed out. */
export async function pendingInvitations(): Promise<InvitationPreviewView[]> {
  const token = await apiTokenFromCookies();
  if (!token) return [];
  try {
    const r = await apiGraphql<{ viewer: { pendingInvitations: InvitationPreviewView[] } | null }>(
      `query PendingInvitations { viewer { pendingInvitations { ${PREVIEW_FIELDS} } } }`,
      {},
      { token, client: await requestClient() },
    );
    return r.data?.viewer?.pendingInvitations ?? [];
  } catch {
    return [];
  }
}

/** What an invitation link offers; null when unknown, used or expired (or the API cannot say). */
export async function invitationPreview(invitationToken: string): Promise<InvitationPreviewView | null> {
  if (!invitationToken || invitationToken.length > 500) return null;
  try {
    const r = await apiGraphql<{ invitation: InvitationPreviewView | null }>(
      `query InvitationPreview($token: String!) { invitation(token: $token) { ${PREVIEW_FIELDS} } }`,
      { token: invitationToken },
      { token: await apiTokenFromCookies(), client: await requestClient() },
    );
    return r.data?.invitation ?? null;
  } catch {
    return null;
  }
}
