import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildBundle, isFresh } from '../../bin/bundle.mjs';
import { main as sourceMain } from '../../src/cli.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = fileURLToPath(new URL('../../../shared/seed/baghdad-embassy-attack.txt', import.meta.url));
// Inside the checkout, so the bundle's package imports resolve from its node_modules.
mkdirSync(join(ROOT, 'dist'), { recursive: true });
const dir = mkdtempSync(join(ROOT, 'dist', 'test-bundle-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const out = join(dir, 'cli');
const built = buildBundle(out);

type Main = typeof sourceMain;

/** `mojaz analyze --jsonl` over `input` through a given main, with a fixed clock. */
async function jsonl(main: Main, input: string): Promise<string> {
  let text = '';
  const code = await main(['analyze', '--jsonl', '--jobs', '1'], {
    stdin: Readable.from([Buffer.from(input)]),
    stdout: new Writable({ write(chunk, _enc, cb) { text += String(chunk); cb(); } }),
    stderr: new Writable({ write(_chunk, _enc, cb) { cb(); } }),
    now: () => new Date('2023-12-08T10:00:00Z'),
    env: { MOJAZ_TIMEZONE: 'Asia/Baghdad' },
  });
  assert.equal(code, 0);
  return text;
}

test('GIVEN a fresh build THEN it is fresh, and lists the sources and lexicons it was built from', async () => {
  await built;
  assert.equal(isFresh(out), true);
  const inputs = Object.keys(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).inputs as object);
  for (const file of ['bin/bundle.mjs', 'src/cli.ts', 'src/core/who/tagger.ts', 'src/core/lexicon/who/gazetteer.json']) assert.ok(inputs.includes(file), file);
});

test('GIVEN big JSON data (the Ayaspell word list, stopwords-iso) THEN the bundle reads it from its file instead of holding it', async () => {
  await built;
  const code = readdirSync(out).filter((f) => f.endsWith('.mjs')).map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
  // The word list alone is 3 MB; the rest of the bundle well under one.
  assert.ok(code.length < 1_500_000, `bundle of ${code.length} characters`);
  assert.match(code, /readFileSync\w*\(new URL\("\.\.\/\.\.\/\.\.\/src\/core\/lexicon\/who\/arabic-words\.json", import\.meta\.url\), "utf8"\)/);
  assert.match(code, /stopwords-iso\/stopwords-iso\.json", import\.meta\.url/);
  // Small lexicons stay inside it.
  assert.doesNotMatch(code, /gazetteer\.json", import\.meta\.url/);
});

/** The packages a bundled entry imports when it loads (its static imports, through the chunks). */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(join(out, file), 'utf8').matchAll(/^import\s[^;]*?["']([^"']+)["'];/gms)) {
      if (spec!.startsWith('./')) visit(spec!.slice(2));
      else packages.add(spec!);
    }
  };
  visit(entry);
  return packages;
}

test('GIVEN the job pool\'s worker entry THEN it loads the page extractor (linkedom, Readability) only when a page is extracted', async () => {
  await built;
  const loaded = packagesLoadedBy('jobs-worker.mjs');
  assert.ok(!loaded.has('linkedom') && !loaded.has('@mozilla/readability'), [...loaded].join(' '));
  assert.match(readFileSync(join(out, 'jobs-worker.mjs'), 'utf8'), /import\("\.\/chunk-\w+\.mjs"\)/);
});

test('GIVEN a source changed, gone, or a manifest of another form THEN the bundle is stale', async () => {
  await built;
  const path = join(out, 'manifest.json');
  const manifest = readFileSync(path, 'utf8');
  try {
    const m = JSON.parse(manifest) as { format: number; inputs: Record<string, string> };
    const edited = { ...m, inputs: { ...m.inputs, 'src/cli.ts': '1:1' } };
    writeFileSync(path, JSON.stringify(edited));
    assert.equal(isFresh(out), false, 'changed');
    writeFileSync(path, JSON.stringify({ ...m, inputs: { ...m.inputs, 'src/gone.ts': '1:1' } }));
    assert.equal(isFresh(out), false, 'gone');
    writeFileSync(path, JSON.stringify({ ...m, format: -1 }));
    assert.equal(isFresh(out), false, 'format');
    rmSync(path);
    assert.equal(isFresh(out), false, 'no manifest');
  } finally {
    writeFileSync(path, manifest);
  }
  assert.equal(isFresh(out), true);
});

test('GIVEN the bundled command line THEN --jsonl gives the same bytes as the TypeScript sources', async () => {
  await built;
  const bundled = (await import(pathToFileURL(join(out, 'cli.mjs')).href)) as { main: Main };
  const seed = readFileSync(SEED, 'utf8');
  const input = [
    JSON.stringify({ id: 1, text: seed, published: '2023-12-08' }),
    JSON.stringify({ id: 'b', text: seed.slice(0, 600), title: 'عنوان' }),
    'not json',
  ].join('\n');
  const expected = await jsonl(sourceMain, input);
  assert.equal(expected.split('\n').length, 4);
  assert.equal(await jsonl(bundled.main, input), expected);
});

test('GIVEN MOJAZ_NO_BUNDLE=1 THEN the binary runs the sources through tsx, with the same output (spawned)', () => {
  const args = ['bin/mojaz.mjs', 'analyze', SEED, '--date', '2023-12-08', '--json'];
  const viaTsx = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, MOJAZ_NO_BUNDLE: '1' } });
  const viaBundle = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  assert.equal(viaTsx.status, 0, viaTsx.stderr);
  assert.equal(viaBundle.status, 0, viaBundle.stderr);
  assert.equal(viaBundle.stdout, viaTsx.stdout);
});
