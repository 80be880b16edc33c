import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { FakeTelegramApi } from '../fakes/telegram-api.ts';
import { FakeDiscord } from '../fakes/discord-gateway.ts';
import { freePort, until } from './helpers.ts';
import { freshPostgresUrl } from '../support/postgres.ts';

// No Docker engine runs here, so the image and the compose file are checked the other way round:
// what they would run is read from them (the Dockerfile's ENV, CMD and HEALTHCHECK; each compose
// bot service's environment) and run as plain processes from the checkout, which is the image's
// /app. Only the addresses change: loopback ports, a temporary data directory, the test's own
// PostgreSQL server for the compose service's, and the loopback Telegram fake.

interface ComposeService {
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
}

/** The Dockerfile's last stage: its ENV (name → value), CMD and HEALTHCHECK command, as exec arrays. */
function dockerfile(): { env: Record<string, string>; cmd: string[]; healthcheck: string[]; retries: number; user: string } {
  const text = readFileSync('Dockerfile', 'utf8').replace(/\\\n\s*/gu, ' ');
  const stages = text.split(/^FROM /mu);
  const last = stages[stages.length - 1]!;
  const env: Record<string, string> = {};
  for (const line of last.match(/^ENV .+$/gmu) ?? []) {
    for (const [, name, value] of line.slice(4).matchAll(/(\w+)=(\S+)/gu)) env[name!] = value!;
  }
  const json = (re: RegExp): string[] => JSON.parse(re.exec(last)?.[1] ?? 'null') as string[];
  return { env, cmd: json(/^CMD (\[.+\])$/mu), healthcheck: json(/^HEALTHCHECK .*?CMD (\[.+\])$/mu), retries: Number(/^HEALTHCHECK .*?--retries=(\d+)/mu.exec(last)?.[1] ?? 3), user: /^USER (\S+)$/mu.exec(last)?.[1] ?? 'root' };
}

const DISCORD_TOKEN = 'fake.bot.token-COMPOSE';

test('GIVEN the compose file and the Dockerfile THEN each bot service runs as a plain process over one PostgreSQL, answers /healthz and the image health check, takes webhook updates, holds its own Discord shard, and stops with 0 on SIGTERM', async () => {
  const image = dockerfile();
  assert.notEqual(image.user, 'root', 'the image runs unprivileged');
  assert.equal(image.env.MOJAZ_DATA_DIR, '/data');
  const compose = yaml.load(readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, ComposeService> };
  const bots = Object.entries(compose.services).filter(([name]) => name.startsWith('bot'));
  assert.equal(bots.length, 2, 'two bot instances');
  assert.ok(compose.services.postgres, 'a PostgreSQL service');

  const fake = new FakeTelegramApi();
  await fake.start();
  // Heartbeats far apart: a loaded machine answering one late must not make a client reconnect (and /healthz say 503) mid-test.
  const discord = await new FakeDiscord({ heartbeatIntervalMs: 30_000, maxConcurrency: 16 }).start();
  const database = await freshPostgresUrl();
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  try {
    const running = [];
    for (const [name, service] of bots) {
      assert.ok(service.depends_on?.postgres, `${name} waits for PostgreSQL`);
      const env = { ...image.env, ...service.environment };
      assert.match(env.MOJAZ_DATABASE_URL ?? '', /^postgres:\/\/.+@postgres:5432\//u, `${name} uses the compose PostgreSQL`);
      assert.equal(env.MOJAZ_LOG_FORMAT, 'json');
      const dir = mkdtempSync(join(tmpdir(), `mojaz-${name}-`));
      dirs.push(dir);
      const [httpPort, hookPort] = [await freePort(), await freePort()];
      const local = {
        ...env,
        PATH: process.env.PATH ?? '',
        HOME: dir,
        MOJAZ_DATA_DIR: dir,
        MOJAZ_DATABASE_URL: database,
        MOJAZ_HTTP_PORT: String(httpPort),
        MOJAZ_HTTP_HOST: '127.0.0.1',
        MOJAZ_BACKUP_HOURS: '0',
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram',
        TELEGRAM_WEBHOOK_PORT: String(hookPort),
        DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: '900',
        DISCORD_API_ROOT: discord.root,
      };
      const [command, ...args] = image.cmd;
      assert.equal(command, 'node');
      const child = spawn(process.execPath, args, { env: local, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      children.push(child);
      running.push({ name, child, local, httpPort, hookPort, stderr: () => stderr, exited: new Promise<number | null>((resolve) => child.on('exit', resolve)) });
    }
    for (const bot of running) {
      await until(`${bot.name} /healthz`, async () => (await fetch(`http://127.0.0.1:${bot.httpPort}/healthz`)).status === 200).catch((err: unknown) => {
        throw new Error(`${String(err)}\n${bot.stderr()}`);
      });
      // The image's HEALTHCHECK command, run as it is written, against this instance; Docker marks
      // a container unhealthy only after `--retries` failures in a row (a check of the store can
      // pass its 2 s on a machine this busy), so the probe gets as many tries.
      const [, ...check] = image.healthcheck;
      let probe = spawnSync(process.execPath, check, { env: { PATH: process.env.PATH, MOJAZ_HTTP_PORT: String(bot.httpPort) }, timeout: 20_000 });
      for (let attempt = 1; probe.status !== 0 && attempt < image.retries; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        probe = spawnSync(process.execPath, check, { env: { PATH: process.env.PATH, MOJAZ_HTTP_PORT: String(bot.httpPort) }, timeout: 20_000 });
      }
      if (probe.status !== 0) {
        const body = await fetch(`http://127.0.0.1:${bot.httpPort}/healthz`).then((r) => r.text(), (err: unknown) => String(err));
        assert.fail(`${bot.name} HEALTHCHECK failed ${image.retries} times in a row: ${probe.stderr.toString()} /healthz now: ${body}`);
      }
    }
    // Any instance takes any update: one /help through each, each answered once.
    for (const [i, bot] of running.entries()) {
      const answer = await fake.deliverWebhook(`http://127.0.0.1:${bot.hookPort}`, '/help', 900 + i);
      assert.equal(answer.status, 200, bot.name);
      // Answered as soon as it is read; the reply follows.
      await fake.waitFor('sendMessage', { test: (c) => c.payload.chat_id === 900 + i, timeoutMs: 30_000 });
    }
    assert.deepEqual(fake.callsOf('sendMessage').map((c) => Number(c.payload.chat_id)).sort(), [900, 901]);
    // One Discord bot over two instances: each gateway session is one shard of the same total,
    // so an interaction reaches one instance only (unsharded, both would get it and both answer).
    assert.deepEqual(discord.identifies.map((i) => JSON.stringify(i.shard)).sort(), ['[0,2]', '[1,2]']);

    for (const bot of running) bot.child.kill('SIGTERM');
    for (const bot of running) {
      assert.equal(await bot.exited, 0, `${bot.name}: ${bot.stderr()}`);
      const lines = bot.stderr().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { component?: string; msg: string });
      // A log collector can pick each platform's and the HTTP server's lines by component.
      const componentOf = (msg: RegExp) => lines.find((l) => msg.test(l.msg))?.component;
      assert.deepEqual([componentOf(/receiving updates by webhook/u), componentOf(/^connected$/u), componentOf(/^listening on /u)], ['telegram', 'discord', 'http'], bot.stderr());
      assert.ok(!bot.stderr().includes(fake.token) && !bot.stderr().includes(DISCORD_TOKEN), 'no token in the log');
    }
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await fake.stop();
    await discord.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});
