import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, describeConfig, ConfigError } from '../../src/config.ts';

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
