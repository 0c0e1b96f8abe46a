import type { EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import { OutboxEntity } from './outbox.entity';

export interface Attachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}

export interface EmailMessage {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: Attachment[];
}

export interface SmsMessage {
  kind: string;
  to: string;
  text: string;
}

type Content = Pick<OutboxEntity, 'channel' | 'recipient' | 'subject' | 'text' | 'html' | 'attachments' | 'kind'>;

/** A new PENDING row, due now, inside the caller's transaction (QUALITY.md 22). */
async function enqueue(m: EntityManager, now: Date, content: Content): Promise<string> {
  const row = m.create(OutboxEntity, {
    id: newId(),
    ...content,
    status: 'PENDING',
    attempts: 0,
    nextAttemptAt: now,
    claimedBy: null,
    claimedAt: null,
    sentAt: null,
    lastError: null,
    createdAt: now,
  });
  await m.insert(OutboxEntity, row);
  return row.id;
}

/** Writes an e-mail to the outbox inside the caller's transaction. */
export function enqueueEmail(m: EntityManager, now: Date, msg: EmailMessage): Promise<string> {
  return enqueue(m, now, {
    channel: 'email',
    recipient: msg.to,
    subject: msg.subject,
    text: msg.text,
    html: msg.html ?? null,
    attachments: msg.attachments?.length ? JSON.stringify(msg.attachments) : null,
    kind: msg.kind,
  });
}

/** Writes an SMS to the outbox inside the caller's transaction. */
export function enqueueSms(m: EntityManager, now: Date, msg: SmsMessage): Promise<string> {
  return enqueue(m, now, { channel: 'sms', recipient: msg.to, subject: null, text: msg.text, html: null, attachments: null, kind: msg.kind });
}
