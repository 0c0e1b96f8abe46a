import type { Route } from '../../http/routes';
import { sendJson } from '../../http/routes';
import { feedFor } from './feed.service';

/** GET /ical/<secret>.ics: the user's private calendar feed (text/calendar), 404 for an unknown or revoked one. */
export const calendarFeedRoute: Route = {
  method: 'GET',
  pattern: /^\/ical\/([A-Za-z0-9_-]{1,100})\.ics$/,
  async handle(_req, res, match, services) {
    const body = await feedFor(services, match[1]!);
    if (body === null) return sendJson(res, 404, { error: 'NOT_FOUND' });
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'content-disposition': 'inline; filename="kring.ics"',
      'cache-control': 'private, no-store',
      'referrer-policy': 'no-referrer',
    });
    res.end(body);
  },
};
