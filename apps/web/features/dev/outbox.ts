/** A row of the API's development outbox, whatever exact shape GET /dev/outbox gives. */
export interface OutboxRow {
  id: string;
  channel: string;
  kind: string;
  to: string;
  subject: string | null;
  text: string;
  createdAt: string | null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

export function normaliseOutbox(json: unknown): OutboxRow[] {
  const obj = json as Record<string, unknown> | null;
  const list: unknown = Array.isArray(json) ? json : (obj?.messages ?? obj?.items ?? obj?.rows ?? obj?.outbox ?? []);
  if (!Array.isArray(list)) return [];
  const rows = list.map((raw, i): OutboxRow => {
    const r = (raw ?? {}) as Record<string, unknown>;
    return {
      id: str(r.id) ?? String(i),
      channel: str(r.channel) ?? (r.subject ? 'email' : 'sms'),
      kind: str(r.kind) ?? '',
      to: str(r.to) ?? str(r.recipient) ?? '',
      subject: str(r.subject),
      text: str(r.text) ?? str(r.body) ?? '',
      createdAt: str(r.createdAt) ?? str(r.at) ?? null,
    };
  });
  // Newest first, so the code just requested is on top.
  return rows.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}
