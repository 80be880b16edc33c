/** Shared by the tests that start mojaz as a process: a free port, and waiting for a condition. */
import { createServer } from 'node:net';

/** A free loopback port (bound and released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `check` every 100 ms until it is true; a bound, not a timing (a loaded machine starts tsx slowly). */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 90_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
  }
  throw new Error(`timed out waiting for ${what}`);
}
