import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { loadConfig } from '../../../src/config.ts';
import { parseDiscordArgs, runDiscordCli } from '../../../src/cli/discord.ts';
import { main } from '../../../src/cli.ts';
import { commands as registry } from '../../../src/commands/registry.ts';
import { FakeDiscordRest } from '../../fakes/discord-rest.ts';

/** A writable that keeps what was written. */
function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

describe('mojaz discord register against a loopback Discord REST', () => {
  const rest = new FakeDiscordRest();
  before(() => rest.listen());
  after(() => rest.close());
  const config = () => loadConfig({ DISCORD_TOKEN: 'tok', DISCORD_APPLICATION_ID: '900', DISCORD_API_ROOT: rest.root });

  test('GIVEN --guild 1 THEN the guild commands are PUT with the slash commands and the موجز context-menu command', async () => {
    const stdout = sink();
    const code = await runDiscordCli(['register', '--guild', '1'], { config: config(), stdout, stderr: sink() });
    assert.equal(code, 0);
    const [put] = rest.find('PUT', /^\/applications\/900\/guilds\/1\/commands$/);
    assert.equal(put?.authorization, 'Bot tok');
    const body = put?.body as Record<string, unknown>[];
    assert.deepEqual(
      body.map((c) => [c.type, c.name]),
      [...registry.map((c) => [1, c.name]), [3, 'موجز']],
      'built from the registry, plus the context-menu command',
    );
    for (const name of ['start', 'help', 'brief', 'timeline', 'who']) assert.ok(body.some((c) => c.name === name), name);
    for (const command of registry) {
      const sent = body.find((c) => c.name === command.name);
      assert.equal(sent?.default_member_permissions, command.adminOnly ? '32' : undefined, `${command.name}: Manage Server`);
    }
    assert.deepEqual(body.find((c) => c.name === 'brief'), {
      type: 1,
      name: 'brief',
      description: 'موجز مقال: أرسل رابطه أو نصه، أو رُدّ به على رسالة',
      options: [
        { type: 3, name: 'article', description: 'رابط المقال أو نصه', required: false },
        { type: 3, name: 'date', description: 'تاريخ نشره YYYY-MM-DD إن لم يذكره (تُحسب منه «أمس» و«الثلاثاء»)', required: false },
      ],
      contexts: [0, 1],
      integration_types: [0],
    });
    assert.deepEqual(body.at(-1), { type: 3, name: 'موجز', contexts: [0, 1], integration_types: [0] });
    for (const c of body) assert.ok(!('description_localizations' in c), 'Discord has no Arabic locale to localize into');
    assert.match(stdout.text(), new RegExp(`^سُجّل ${registry.length + 1} أمرًا في الخادم 1:\n {2}/start\n`));
    assert.match(stdout.text(), /موجز {2}\(قائمة التطبيقات على الرسائل\)/);
  });

  test('GIVEN no --guild THEN the commands are registered globally', async () => {
    const code = await runDiscordCli(['register'], { config: config(), stdout: sink(), stderr: sink() });
    assert.equal(code, 0);
    assert.equal(rest.find('PUT', /^\/applications\/900\/commands$/).length, 1);
  });

  test('GIVEN the token and application id only in .env THEN npx mojaz discord register reads them there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mojaz-env-'));
    try {
      writeFileSync(join(dir, '.env'), `DISCORD_TOKEN=from-dotenv\nDISCORD_APPLICATION_ID=900\nDISCORD_API_ROOT=${rest.root}\n`);
      const bin = join(import.meta.dirname, '../../../bin/mojaz.mjs');
      const { stdout } = await promisify(execFile)(process.execPath, [bin, 'discord', 'register', '--guild', '1'], {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: dir },
      });
      assert.match(stdout, /^سُجّل \d+ أمرًا في الخادم 1:/);
      const put = rest.find('PUT', /^\/applications\/900\/guilds\/1\/commands$/).at(-1);
      assert.equal(put?.authorization, 'Bot from-dotenv', 'the token of .env');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('GIVEN Discord refuses THEN exit 1 with a one-line reason', async () => {
    const stderr = sink();
    const code = await runDiscordCli(['register', '--guild', '404'], {
      config: loadConfig({ DISCORD_TOKEN: 'tok', DISCORD_APPLICATION_ID: '1', DISCORD_API_ROOT: rest.root }),
      stdout: sink(),
      stderr,
    });
    assert.equal(code, 1);
    assert.equal(stderr.text().trim().split('\n').length, 1);
  });
});

test('GIVEN no token or application id THEN exit 2 with one line, through the mojaz command table', async () => {
  const stderr = sink();
  const code = await main(['discord', 'register'], { stderr, stdout: sink(), env: { DISCORD_TOKEN: 'x' } });
  assert.equal(code, 2);
  assert.match(stderr.text(), /^mojaz discord: .*DISCORD_APPLICATION_ID.*\n$/);
});

test('GIVEN command-line arguments THEN they parse or are refused', () => {
  const cases: [string[], unknown][] = [
    [['register'], { action: 'register' }],
    [['register', '--guild', '123'], { action: 'register', guildId: '123' }],
    [['register', '--guild=123'], { action: 'register', guildId: '123' }],
  ];
  for (const [argv, expected] of cases) assert.deepEqual(parseDiscordArgs(argv), expected, argv.join(' '));
  for (const argv of [[], ['unregister'], ['register', '--guild'], ['register', '--guild', 'abc'], ['register', '-x']]) {
    assert.equal(typeof parseDiscordArgs(argv), 'string', argv.join(' '));
  }
});
