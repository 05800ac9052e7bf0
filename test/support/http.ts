import type { Express } from 'express';
import type { Server } from 'node:http';

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves an app on a free loopback port for one suite. */
export async function serve(app: Express): Promise<Served> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => {
      resolve(s);
    });
  });
  // As server/main.ts: the 5 s default lets a late timer on a busy loop (client and server share
  // this process) close a connection the client is already reusing, which fetch reports as a reset.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('server has no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
