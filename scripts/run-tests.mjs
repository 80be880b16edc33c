#!/usr/bin/env node
// Runs every test/**/*.test.ts file with node's own test runner (tsx loads TypeScript), then
// prints one plain "N passed, N failed" line. Node 20's --test does not expand globs, so the files
// are listed here.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...find(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : find('test');
const dir = mkdtempSync(join(tmpdir(), 'mojaz-tests-'));
const tap = join(dir, 'results.tap');
const shown = process.env.CI ? 'spec' : 'tap';
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test', '--test-concurrency=2',
    `--test-reporter=${shown}`, '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, MOJAZ_TEST: '1' } },
);
let summary = '';
try {
  const text = readFileSync(tap, 'utf8');
  const count = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  summary = `${count('pass')} passed, ${count('fail') + count('cancelled')} failed, ${count('skipped')} skipped`;
} catch {
  summary = '';
}
rmSync(dir, { recursive: true, force: true });
if (summary) console.log(summary);
process.exit(result.status ?? 1);
