import 'reflect-metadata';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import type { AppServices, Context } from './core/context';
import type { Clock } from './core/clock';
import type { Db } from './db/data-source';
import type { Env } from './env';
import { closeHttpServer, createApollo, createHttpServer } from './http/server';
import './modules/register';

export interface App {
  services: AppServices;
  apollo: ApolloServer<Context>;
  http: http.Server;
  listen(port: number, host?: string): Promise<number>;
  /** Stops serving; `drainMs`: how long idle keep-alive connections may still bring a request (see closeHttpServer). */
  close(opts?: { drainMs?: number }): Promise<void>;
}

export async function createApp(opts: { db: Db; clock: Clock; env: Env; log: Logger }): Promise<App> {
  const services: AppServices = { db: opts.db, clock: opts.clock, env: opts.env, log: opts.log };
  const apollo = await createApollo(services);
  const server = createHttpServer(services, apollo);
  return {
    services,
    apollo,
    http: server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve) => server.listen(port, host, () => resolve((server.address() as AddressInfo).port))),
    close: async (opts) => {
      await closeHttpServer(server, opts);
      await apollo.stop();
    },
  };
}
