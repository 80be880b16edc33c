/**
 * A loopback HTTP server for tests: serve routes with a status, headers, body, delay, redirect or a
 * long streamed body, and see what the client sent and how each response ended. Listens on
 * 127.0.0.1 on a free port; never touches the network.
 *
 *   const server = await startHttpServer({ '/a': { body: 'hi' }, '/b': { redirect: '/a' } });
 *   await fetcher.get(server.url('/b'));
 *   await server.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How one path answers. */
export interface Route {
  /** Defaults to 200, or 302 with `redirect`. */
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Wait this long before answering (to provoke client timeouts). */
  delayMs?: number;
  /** Answer with a redirect to this Location (absolute or relative). */
  redirect?: string;
  /** Send `chunk` `count` times (respecting back-pressure), waiting `intervalMs` between chunks. */
  stream?: { chunk: string | Buffer; count: number; intervalMs?: number };
  /** Full control: answer the request yourself (other fields are ignored). */
  handler?: (req: IncomingMessage, res: ServerResponse) => void;
}

/** What the server saw of one request, filled in as the response goes. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Body bytes written so far. */
  bytesSent: number;
  /** True once the whole response was written; false when the client hung up first. */
  completed: boolean;
  /** Resolves when the response is closed, either way. */
  closed: Promise<void>;
}

/** A running test server. */
export interface TestServer {
  origin: string;
  port: number;
  /** Absolute URL for `path` on this server. */
  url(path: string): string;
  requests: SeenRequest[];
  /** Stops the server, dropping open connections and pending timers. */
  close(): Promise<void>;
}

const sleep = (ms: number, timers: Set<NodeJS.Timeout>): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(() => {
      timers.delete(t);
      resolve();
    }, ms);
    timers.add(t);
  });

/** Routes keyed by path (query included when present; '*' matches the rest). */
export type Routes = Record<string, Route>;

/**
 * Starts a server for `routes`. Pass a function to build routes that need the server's own origin
 * (e.g. absolute redirects back to it).
 */
export async function startHttpServer(routesOrBuild: Routes | ((origin: string) => Routes)): Promise<TestServer> {
  let routes: Routes = typeof routesOrBuild === 'function' ? {} : routesOrBuild;
  const requests: SeenRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    let markClosed = (): void => {};
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      bytesSent: 0,
      completed: false,
      closed: new Promise<void>((resolve) => (markClosed = resolve)),
    };
    requests.push(seen);
    res.on('finish', () => (seen.completed = true));
    res.on('close', () => markClosed());
    const route = routes[seen.path] ?? routes[seen.path.split('?')[0]!] ?? routes['*'];
    void answer(route, req, res, seen).catch(() => res.destroy());
  });

  async function answer(
    route: Route | undefined,
    req: IncomingMessage,
    res: ServerResponse,
    seen: SeenRequest,
  ): Promise<void> {
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.handler) {
      route.handler(req, res);
      return;
    }
    if (route.delayMs) await sleep(route.delayMs, timers);
    if (res.destroyed) return;
    const headers = { ...route.headers };
    if (route.redirect !== undefined) headers['location'] = route.redirect;
    res.writeHead(route.status ?? (route.redirect !== undefined ? 302 : 200), headers);
    if (route.stream) {
      const { chunk, count, intervalMs } = route.stream;
      for (let i = 0; i < count && !res.destroyed; i++) {
        seen.bytesSent += Buffer.byteLength(chunk);
        if (!res.write(chunk)) {
          await new Promise<void>((resolve) => {
            const done = (): void => {
              res.off('drain', done);
              res.off('close', done);
              resolve();
            };
            res.on('drain', done);
            res.on('close', done);
          });
        }
        if (intervalMs) await sleep(intervalMs, timers);
      }
      if (!res.destroyed) res.end();
      return;
    }
    const body = route.body ?? '';
    seen.bytesSent += Buffer.byteLength(body);
    res.end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  if (typeof routesOrBuild === 'function') routes = routesOrBuild(origin);
  return {
    origin,
    port,
    url: (path) => `${origin}${path}`,
    requests,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
