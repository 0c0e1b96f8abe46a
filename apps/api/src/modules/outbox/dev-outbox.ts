import type { Route } from '../../http/routes';
import { sendJson } from '../../http/routes';
import { OutboxEntity } from './outbox.entity';

/**
 * GET /dev/outbox: the last 50 e-mails and texts, so that demo users can read their SMS codes
 * and e-mail links. Never in production (it would hand out every code): 404 there.
 */
export const devOutboxRoute: Route = {
  method: 'GET',
  pattern: /^\/dev\/outbox\/?$/,
  async handle(_req, res, _match, services) {
    if (services.env.KRING_ENV === 'production') return sendJson(res, 404, { error: 'NOT_FOUND' });
    const rows = await services.db.manager.find(OutboxEntity, { order: { createdAt: 'DESC', id: 'DESC' }, take: 50 });
    sendJson(
      res,
      200,
      rows.map((r) => ({
        id: r.id,
        channel: r.channel,
        recipient: r.recipient,
        subject: r.subject,
        text: r.text,
        kind: r.kind,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
      })),
    );
  },
};
