import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, describeConfig, ConfigError, defaultJobThreads, environment } from '../../src/config.ts';

test('GIVEN no environment THEN defaults load and validate', () => {
  const config = loadConfig({});
  assert.equal(config.timezone, 'Asia/Riyadh');
  assert.equal(config.telegram.token, undefined);
});

test('GIVEN environment overrides THEN they win, lists split on commas', () => {
  const config = loadConfig({ MOJAZ_TIMEZONE: 'Asia/Baghdad', MOJAZ_FETCH_ALLOW_HOSTS: '127.0.0.1, localhost' });
  assert.equal(config.timezone, 'Asia/Baghdad');
  assert.deepEqual(config.fetch.allowHosts, ['127.0.0.1', 'localhost']);
});

test('GIVEN an invalid time zone THEN a ConfigError names the setting', () => {
  assert.throws(() => loadConfig({ MOJAZ_TIMEZONE: 'Mars/Olympus' }), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    assert.match(e.message, /timezone/);
    return true;
  });
});

test('GIVEN a token THEN describeConfig never prints it', () => {
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: '123:SECRET' });
  const shown = JSON.stringify(describeConfig(config));
  assert.doesNotMatch(shown, /SECRET/);
  assert.match(shown, /"token":"set"/);
});

test('GIVEN a .env file THEN environment() reads it under the variables already set, and a missing file is fine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mojaz-env-'));
  try {
    assert.deepEqual(environment(dir, { A: '1' }), { A: '1' });
    writeFileSync(join(dir, '.env'), 'MOJAZ_TIMEZONE=Asia/Baghdad\nDISCORD_TOKEN=file\n');
    const env = environment(dir, { DISCORD_TOKEN: 'set' });
    assert.equal(env.MOJAZ_TIMEZONE, 'Asia/Baghdad');
    assert.equal(env.DISCORD_TOKEN, 'set', 'a variable already set wins over .env');
    assert.equal(loadConfig(env).timezone, 'Asia/Baghdad');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GIVEN no MOJAZ_LLM_URL THEN the generated brief is off; set, its key is never printed and its settings are read', () => {
  assert.equal(loadConfig({}).llm.url, '');
  const config = loadConfig({ MOJAZ_LLM_URL: 'http://127.0.0.1:11434/v1', MOJAZ_LLM_KEY: 'sk-very-secret', MOJAZ_LLM_MODEL: 'qwen2.5:7b', MOJAZ_LLM_TIMEOUT_MS: '8000', MOJAZ_LLM_PER_MINUTE: '5' });
  assert.deepEqual(config.llm, { url: 'http://127.0.0.1:11434/v1', key: 'sk-very-secret', model: 'qwen2.5:7b', timeoutMs: 8000, perMinute: 5 });
  const shown = JSON.stringify(describeConfig(config));
  assert.doesNotMatch(shown, /sk-very-secret/u);
  assert.match(shown, /"key":"set"/u);
  assert.throws(() => loadConfig({ MOJAZ_LLM_URL: 'not a url' }), ConfigError);
});

test('GIVEN the operations settings THEN they default to off and text logs, read from the environment, and the webhook secret is never printed', () => {
  const defaults = loadConfig({});
  assert.equal(defaults.logFormat, 'text');
  assert.deepEqual(defaults.http, { host: '0.0.0.0', port: 0 });
  assert.equal(defaults.shutdownSeconds, 10);
  const config = loadConfig({
    MOJAZ_LOG_FORMAT: 'json',
    MOJAZ_HTTP_PORT: '9464',
    MOJAZ_HTTP_HOST: '127.0.0.1',
    MOJAZ_SHUTDOWN_SECONDS: '5',
    TELEGRAM_WEBHOOK_SECRET: 'hook_Secret-123',
  });
  assert.equal(config.logFormat, 'json');
  assert.deepEqual(config.http, { host: '127.0.0.1', port: 9464 });
  assert.equal(config.shutdownSeconds, 5);
  assert.equal(config.telegram.webhookSecret, 'hook_Secret-123');
  assert.doesNotMatch(JSON.stringify(describeConfig(config)), /hook_Secret-123/u);
  for (const bad of [{ MOJAZ_LOG_FORMAT: 'xml' }, { MOJAZ_HTTP_PORT: '70000' }, { TELEGRAM_WEBHOOK_SECRET: 'has space' }]) {
    assert.throws(() => loadConfig(bad), ConfigError, JSON.stringify(bad));
  }
});

test('GIVEN MOJAZ_DATABASE_URL THEN PostgreSQL is chosen, its password never printed; a URL of another kind is refused', () => {
  assert.equal(loadConfig({}).databaseUrl, '');
  const config = loadConfig({ MOJAZ_DATABASE_URL: 'postgres://mojaz:pa55word@db.internal:5432/mojaz' });
  assert.equal(config.databaseUrl, 'postgres://mojaz:pa55word@db.internal:5432/mojaz');
  assert.doesNotMatch(JSON.stringify(describeConfig(config)), /pa55word/u);
  assert.throws(() => loadConfig({ MOJAZ_DATABASE_URL: 'mysql://x@y/z' }), /databaseUrl: a postgres:\/\/ URL/u);
});

test('GIVEN DISCORD_SHARDS and DISCORD_SHARD_IDS THEN sharding reads auto, a count and id lists with ranges; wrong ones are refused by name', () => {
  const sharding = (env: NodeJS.ProcessEnv) => loadConfig(env).discord.sharding;
  assert.deepEqual(sharding({}), {}, 'unset: one connection');
  assert.deepEqual(sharding({ DISCORD_SHARDS: 'auto' }), { shards: 'auto' });
  assert.deepEqual(sharding({ DISCORD_SHARDS: '4' }), { shards: 4 });
  assert.deepEqual(sharding({ DISCORD_SHARDS: '8', DISCORD_SHARD_IDS: '0-2, 6' }), { shards: 8, shardIds: [0, 1, 2, 6] });
  const refused: [NodeJS.ProcessEnv, RegExp][] = [
    [{ DISCORD_SHARDS: '0' }, /discord\.sharding\.shards/],
    [{ DISCORD_SHARDS: 'many' }, /discord\.sharding\.shards/],
    [{ DISCORD_SHARD_IDS: '1' }, /needs DISCORD_SHARDS as a number/],
    [{ DISCORD_SHARDS: 'auto', DISCORD_SHARD_IDS: '1' }, /needs DISCORD_SHARDS as a number/],
    [{ DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: '2-5' }, /below DISCORD_SHARDS \(4\)/],
    [{ DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: '1,1' }, /listed twice/],
    [{ DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: '3-1' }, /discord\.sharding\.shardIds/],
    [{ DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: 'one' }, /discord\.sharding\.shardIds/],
  ];
  for (const [env, problem] of refused) assert.throws(() => loadConfig(env), problem, JSON.stringify(env));
});

test('GIVEN MOJAZ_JOB_THREADS THEN the job pool takes that many threads; unset, one per core up to 4; a count out of range is refused', () => {
  assert.equal(loadConfig({}).jobThreads, defaultJobThreads(availableParallelism()));
  assert.equal(loadConfig({ MOJAZ_JOB_THREADS: '3' }).jobThreads, 3);
  for (const [cores, threads] of [[1, 1], [2, 2], [4, 4], [16, 4], [0, 1]] as const) assert.equal(defaultJobThreads(cores), threads, `${cores} cores`);
  for (const bad of ['0', '-1', '1.5', 'many', '33']) assert.throws(() => loadConfig({ MOJAZ_JOB_THREADS: bad }), /jobThreads/u, bad);
});
