import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from '../../core/context';
import { ROUTES, readBody, sendJson } from '../../http/routes';
import { resolvePrincipal } from '../../http/principal';
import { avatarUrl } from '../accounts/account.type';
import { AvatarEntity } from './avatar.entity';
import { AVATAR_MAX_UPLOAD, encodeAvatar, removeAvatar, replaceAvatar } from './avatar.service';

async function signedInUser(req: IncomingMessage, services: AppServices): Promise<string | null> {
  const { viewer } = await resolvePrincipal(services, req.headers.authorization);
  return viewer?.userId ?? null;
}

const MESSAGES = {
  UNSUPPORTED_IMAGE: 'Kies een foto in JPEG, PNG of WebP.',
  TOO_LARGE: 'Deze foto is te groot. Kies er een van hoogstens 5 MB.',
} as const;

/** PUT /me/avatar: the image bytes as body, with the session's bearer token. */
async function putAvatar(req: IncomingMessage, res: ServerResponse, _m: RegExpExecArray, services: AppServices): Promise<void> {
  const userId = await signedInUser(req, services);
  if (!userId) return sendJson(res, 401, { error: 'UNAUTHENTICATED' });
  const announced = Number(req.headers['content-length'] ?? 0);
  if (announced > AVATAR_MAX_UPLOAD) {
    sendJson(res, 413, { error: 'TOO_LARGE', message: MESSAGES.TOO_LARGE });
    req.destroy();
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req, AVATAR_MAX_UPLOAD);
  } catch {
    sendJson(res, 413, { error: 'TOO_LARGE', message: MESSAGES.TOO_LARGE });
    req.destroy();
    return;
  }
  // Decoding runs before (and outside) the transaction: nothing slow inside one.
  const webp = await encodeAvatar(body);
  if (typeof webp === 'string') return sendJson(res, webp === 'TOO_LARGE' ? 413 : 400, { error: webp, message: MESSAGES[webp] });
  const id = await services.db.tx((m) => replaceAvatar(m, services.clock.now(), userId, webp));
  sendJson(res, 200, { avatarUrl: avatarUrl(services.env.PUBLIC_API_URL, id) });
}

async function deleteAvatar(req: IncomingMessage, res: ServerResponse, _m: RegExpExecArray, services: AppServices): Promise<void> {
  const userId = await signedInUser(req, services);
  if (!userId) return sendJson(res, 401, { error: 'UNAUTHENTICATED' });
  await services.db.tx((m) => removeAvatar(m, userId));
  sendJson(res, 200, { avatarUrl: null });
}

/** GET /avatars/<id>.webp: public (NONE connections see the picture too); a new upload gets a new id. */
async function getAvatar(_req: IncomingMessage, res: ServerResponse, match: RegExpExecArray, services: AppServices): Promise<void> {
  const row = await services.db.manager.findOneBy(AvatarEntity, { id: match[1]! });
  if (!row) return sendJson(res, 404, { error: 'NOT_FOUND' });
  const bytes = Buffer.from(row.dataBase64, 'base64');
  res.writeHead(200, {
    'content-type': 'image/webp',
    'content-length': bytes.length,
    'cache-control': 'public, max-age=604800, immutable',
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'cross-origin',
  });
  res.end(bytes);
}

ROUTES.push(
  { method: 'PUT', pattern: /^\/me\/avatar$/, handle: putAvatar },
  { method: 'DELETE', pattern: /^\/me\/avatar$/, handle: deleteAvatar },
  { method: 'GET', pattern: /^\/avatars\/([0-9a-f-]{36})\.webp$/, handle: getAvatar },
);
