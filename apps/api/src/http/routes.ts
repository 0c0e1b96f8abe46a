import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from '../core/context';

/** A plain HTTP route beside /graphql (avatars, letter PDFs, calendar feeds, dev outbox). */
export interface Route {
  method: 'GET' | 'PUT' | 'DELETE' | 'POST';
  pattern: RegExp;
  handle(req: IncomingMessage, res: ServerResponse, match: RegExpExecArray, services: AppServices): Promise<void>;
}

export const ROUTES: Route[] = [];

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
