import { Resend } from 'resend';
import twilio from 'twilio';
import type { Logger } from 'pino';
import type { Env } from '../../env';
import type { Attachment } from './outbox';
import type { OutboxEntity } from './outbox.entity';

/** One outbox row on its way out. `id` is the idempotency key. */
export type Outgoing = Pick<OutboxEntity, 'id' | 'channel' | 'recipient' | 'subject' | 'text' | 'html' | 'attachments' | 'kind'>;

export interface Sender {
  readonly name: string;
  send(msg: Outgoing): Promise<void>;
}

const SEND_TIMEOUT_MS = 20_000;

/** The service refused the message itself (bad address, bad number): retrying cannot help. */
export class PermanentSendError extends Error {}

/** What a delivery failure is kept as: status and the service's error name, never content. */
function failure(status: number | null | undefined, what: string): Error {
  const message = `${what} (${status ?? 'no status'})`.slice(0, 300);
  return status === 400 || status === 422 ? new PermanentSendError(message) : new Error(message);
}

/** e-mail to s…@example.nl / sms to +31 6 ••• •• 78: enough to follow in the console, no more. */
export function maskRecipient(channel: string, to: string): string {
  if (channel === 'email') {
    const at = to.indexOf('@');
    return at > 0 ? `${to[0]}…${to.slice(at)}` : '…';
  }
  return to.length > 4 ? `${to.slice(0, 4)}…${to.slice(-2)}` : '…';
}

/**
 * Development outbox: nothing leaves the machine; the rows stay readable at GET /dev/outbox.
 * The console shows that something was "sent", never its content (codes and links stay off the logs).
 */
export class DevSender implements Sender {
  readonly name = 'dev';
  constructor(private readonly log: Logger) {}
  send(msg: Outgoing): Promise<void> {
    const what = msg.channel === 'email' ? 'e-mail' : 'sms';
    this.log.info(`${what} to ${maskRecipient(msg.channel, msg.recipient)} kind=${msg.kind} (dev outbox)`);
    return Promise.resolve();
  }
}

/** E-mail through Resend; the outbox row id goes along as Idempotency-Key, so a retry never sends twice. */
export class ResendSender implements Sender {
  readonly name = 'resend';
  private readonly client: Resend;
  constructor(apiKey: string, private readonly from: string, baseUrl?: string) {
    this.client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  }
  async send(msg: Outgoing): Promise<void> {
    const attachments = msg.attachments ? (JSON.parse(msg.attachments) as Attachment[]) : undefined;
    const { error } = await this.client.emails.send(
      {
        from: this.from,
        to: [msg.recipient],
        subject: msg.subject ?? 'Kring',
        text: msg.text,
        ...(msg.html ? { html: msg.html } : {}),
        ...(attachments ? { attachments: attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })) } : {}),
        tags: [{ name: 'kind', value: msg.kind.replace(/[^A-Za-z0-9_-]/g, '_') }],
      },
      // A hung connection must not hold the worker: give up after 20 s and retry later with the same key.
      { idempotencyKey: `kring-outbox-${msg.id}`, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
    );
    if (error) throw failure((error as { statusCode?: number | null }).statusCode, `resend: ${error.name}`);
  }
}

type TwilioOptions = NonNullable<Parameters<typeof twilio>[2]>;

/**
 * SMS through Twilio. Twilio has no idempotency key: a crash after Twilio accepted the
 * message but before the row is marked SENT can send it once more after the claim expires.
 * The claim window (see delivery.ts) keeps that to crashes inside one request, which is
 * the best Twilio's API allows; e-mail through Resend is exactly-once.
 */
export class TwilioSender implements Sender {
  readonly name = 'twilio';
  private readonly client: ReturnType<typeof twilio>;
  /** `sender`: a sending number (TWILIO_FROM) or a messaging service (TWILIO_MESSAGING_SERVICE_SID). */
  constructor(
    accountSid: string,
    authToken: string,
    private readonly sender: { from: string } | { messagingServiceSid: string },
    opts: TwilioOptions = {},
  ) {
    this.client = twilio(accountSid, authToken, { timeout: SEND_TIMEOUT_MS, ...opts });
  }
  async send(msg: Outgoing): Promise<void> {
    try {
      await this.client.messages.create({ to: msg.recipient, body: msg.text, ...this.sender });
    } catch (err) {
      const status = (err as { status?: number }).status;
      const code = (err as { code?: number }).code;
      throw failure(status, `twilio: error ${code ?? 'unknown'}`);
    }
  }
}

/** Routes each row to the sender of its channel. */
export class ChannelSender implements Sender {
  readonly name: string;
  constructor(private readonly email: Sender, private readonly sms: Sender) {
    this.name = `email:${email.name},sms:${sms.name}`;
  }
  send(msg: Outgoing): Promise<void> {
    return msg.channel === 'sms' ? this.sms.send(msg) : this.email.send(msg);
  }
}

/** Real delivery only when its keys are set; otherwise the development outbox (never in production: env.ts refuses). */
export function senderFromEnv(env: Env, log: Logger, twilioOpts: TwilioOptions = {}): Sender {
  const email = env.RESEND_API_KEY ? new ResendSender(env.RESEND_API_KEY, env.MAIL_FROM, env.RESEND_BASE_URL) : new DevSender(log);
  const twilioSender = env.TWILIO_MESSAGING_SERVICE_SID
    ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID }
    : env.TWILIO_FROM
      ? { from: env.TWILIO_FROM }
      : null;
  const sms =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && twilioSender
      ? new TwilioSender(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, twilioSender, twilioOpts)
      : new DevSender(log);
  return new ChannelSender(email, sms);
}
