#!/usr/bin/env node
// Runs every test/**/*.test.ts file with node's own test runner (tsx loads TypeScript), then
// prints one plain "N passed, N failed" line. Node 20's --test does not expand globs, so the files
// are listed here.
//
// Starting a process with the tsx loader costs about 0.85 s before any test runs, so the files
// run in a few processes rather than one each: they are dealt into GROUPS batches of about equal
// size, and each batch is one small module that imports its files in turn (node --test runs the
// batches two at a time). Files that need a process of their own are listed in ALONE.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

/** How many processes share the test files (besides those in ALONE). */
const GROUPS = 4;
/** Test files that must not share a process (none today: add one with the reason beside it). */
const ALONE = new Set([]);

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...find(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/** Deals `files` into `n` batches, largest first onto the lightest batch (file size as the weight). */
function batches(files, n) {
  const out = Array.from({ length: Math.min(n, files.length) }, () => ({ weight: 0, files: [] }));
  const sized = files.map((f) => ({ f, size: statSync(f).size })).sort((a, b) => b.size - a.size || a.f.localeCompare(b.f));
  for (const { f, size } of sized) {
    const lightest = out.reduce((a, b) => (b.weight < a.weight ? b : a));
    lightest.files.push(f);
    lightest.weight += size;
  }
  return out.map((b) => b.files.sort());
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : find('test');
const dir = mkdtempSync(join(tmpdir(), 'mojaz-tests-'));
const tap = join(dir, 'results.tap');
const shown = process.env.CI ? 'spec' : 'tap';
const entries = files.filter((f) => ALONE.has(f));
batches(files.filter((f) => !ALONE.has(f)), GROUPS).forEach((batch, i) => {
  const entry = join(dir, `batch-${i + 1}.test.mjs`);
  writeFileSync(entry, batch.map((f) => `await import(${JSON.stringify(pathToFileURL(resolve(f)).href)});\n`).join(''));
  entries.push(entry);
});
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test', '--test-concurrency=2',
    `--test-reporter=${shown}`, '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...entries,
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
