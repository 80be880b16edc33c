/**
 * The operations HTTP server (off unless MOJAZ_HTTP_PORT is set): `/healthz` says whether the
 * store answers and the platforms are connected (200 or 503, a small JSON body), `/metrics` serves
 * the Prometheus text of a {@link PromMetrics}, and other routes (the Telegram webhook) are mounted
 * by path. Closing it stops taking requests at once and waits, up to a bound, for those in flight.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorText } from '../log/index.ts';
import type { PromMetrics } from '../log/metrics.ts';

/** Answers one request (the server has matched its path). */
export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** One named check of /healthz: true when healthy; a throw or a timeout counts as unhealthy. */
export type HealthCheck = () => boolean | Promise<boolean>;

/** A running server. */
export interface HttpServer {
  /** The port it listens on (the one asked for, or the one the system gave for 0). */
  readonly port: number;
  /** Stops taking requests; waits up to `graceMs` for those in flight, then cuts the rest. */
  close(graceMs?: number): Promise<void>;
}

/** Longest one health check may take before it counts as failed. */
const CHECK_TIMEOUT_MS = 2_000;

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
};

/** One check's answer, false on a throw or after {@link CHECK_TIMEOUT_MS}. */
async function runCheck(check: HealthCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve().then(check),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS))),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz`: 200 `{"status":"ok","checks":{…}}` when every check passes, else 503 with
 * `"status":"fail"`; 503 `"stopping"` once `stopping()` is true (a balancer then sends the work
 * elsewhere while this instance finishes what it holds).
 */
export function healthRoute(checks: Record<string, HealthCheck>, stopping: () => boolean = () => false): Route {
  return async (_req, res) => {
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => runCheck(checks[name]!)));
    const byName = Object.fromEntries(names.map((name, i) => [name, results[i]!]));
    if (stopping()) return sendJson(res, 503, { status: 'stopping', checks: byName });
    const ok = results.every(Boolean);
    sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'fail', checks: byName });
  };
}

/** `/metrics`: the Prometheus text exposition. */
export function metricsRoute(metrics: PromMetrics): Route {
  return async (_req, res) => {
    const body = await metrics.text();
    res.writeHead(200, { 'content-type': metrics.contentType }).end(body);
  };
}

/** Starts the server on `host:port` with `routes` by exact path; anything else is 404. */
export async function startHttpServer(options: {
  host: string;
  port: number;
  routes: Record<string, Route>;
  /** A route that threw (the request is answered 500). */
  onError?: (message: string) => void;
}): Promise<HttpServer> {
  const routes = new Map(Object.entries(options.routes));
  let closing: Promise<void> | undefined;
  const server: Server = createServer((req, res) => {
    // While closing, a finished request does not keep its connection: close() is not held by it.
    res.on('finish', () => {
      if (closing) server.closeIdleConnections();
    });
    if (closing) res.shouldKeepAlive = false;
    const path = new URL(req.url ?? '/', 'http://mojaz').pathname;
    const route = routes.get(path);
    if (!route) return sendJson(res, 404, { error: 'not found' });
    Promise.resolve()
      .then(() => route(req, res))
      .catch((err: unknown) => {
        options.onError?.(`http: ${path} failed: ${errorText(err)}`);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.end();
      });
  });
  // A request that never finishes its headers or body is cut, not kept forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close(graceMs = 5_000) {
      closing ??= new Promise<void>((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        cut.unref();
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        // Keep-alive connections with no request in flight would hold close() open.
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
