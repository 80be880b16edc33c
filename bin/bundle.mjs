// The command line's compiled form: the TypeScript entries of `mojaz` bundled into plain JavaScript
// under dist/cli/ with esbuild (which tsx already ships), so a run does not transpile and resolve
// some hundred source files through tsx's loader before its first line (about 0.5 s of CPU).
//
// The bundle is rebuilt when it is stale: dist/cli/manifest.json records every source file that
// went into it (esbuild's metafile) with its size and modification time, and the build script
// itself; any difference, or no manifest, means a new build. A fresh clone, an edit or a checkout
// builds it on the next run (under a second; `npm run build` does it ahead). Where dist/ cannot be
// written (a read-only install), the sources run through tsx as before.
//
// Every `import.meta.url` in the sources is rewritten to the source file's own URL, so the data
// files they read beside themselves (the tagger's model, config/default.json, worker modules)
// resolve exactly as they do under tsx.
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
/** Bumped when the bundle's form changes, so older bundles count as stale. */
const FORMAT = 2;

/**
 * The entries that are bundled, by name: the command line, its --jsonl worker threads, and the
 * job pool's worker threads of the bot (src/sources/jobs.ts).
 */
export const ENTRIES = { cli: 'src/cli.ts', 'analyze-worker': 'src/cli/analyze-worker.ts', 'jobs-worker': 'src/sources/jobs-worker.ts' };

/** A file's identity for staleness: size and modification time. */
function stamp(path) {
  const s = statSync(path);
  return `${s.size}:${s.mtimeMs}`;
}

/** Whether the bundle in `out` was built from the files as they are now (false when there is none). */
export function isFresh(out, root = ROOT) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  } catch {
    return false;
  }
  if (manifest.format !== FORMAT || typeof manifest.inputs !== 'object') return false;
  try {
    for (const [file, was] of Object.entries(manifest.inputs)) if (stamp(resolve(root, file)) !== was) return false;
  } catch {
    return false; // a source file is gone
  }
  return true;
}

/**
 * esbuild plugin: packages stay in node_modules, imported at run time (discord.js, telegraf, sqlite
 * only when a command needs them), except JSON data, which is bundled like the project's own.
 */
const packagesOutside = {
  name: 'packages-outside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.endsWith('.json') ? undefined : { path: args.path, external: true }));
  },
};

/** JSON data at least this big is read from its file at run time instead of being bundled. */
const BIG_JSON = 64 * 1024;

/**
 * esbuild plugin: a big JSON file (the Ayaspell word list, stopwords-iso) is read and parsed from
 * its own file when its module loads, rather than written into the bundle as a JavaScript literal:
 * JSON.parse of the file costs a fraction of decoding, scanning and compiling the same megabytes of
 * script in every process and worker thread.
 */
function bigJsonOutside(out) {
  return {
    name: 'big-json-outside',
    setup(build) {
      build.onLoad({ filter: /\.json$/ }, (args) => {
        if (statSync(args.path).size < BIG_JSON) return undefined;
        const rel = relative(out, args.path).split('\\').join('/');
        return {
          contents: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(new URL(${JSON.stringify(rel)}, import.meta.url), 'utf8'));\n`,
          loader: 'js',
        };
      });
    },
  };
}

/** esbuild plugin: `import.meta.url` in a source file becomes that file's URL, relative to the bundle. */
function sourceUrls(out) {
  return {
    name: 'source-urls',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const rel = relative(out, args.path).split('\\').join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

/**
 * Bundles the entries into `out` (default dist/cli), each file written beside under a temporary
 * name and renamed into place, the manifest last: a run that reads the manifest as new finds the
 * bundles as new. Concurrent builds each write whole files.
 */
export async function buildBundle(out = join(ROOT, 'dist', 'cli'), root = ROOT) {
  mkdirSync(out, { recursive: true });
  accessSync(out, constants.W_OK); // fails fast where the bundle could not be written anyway
  const { build } = await import('esbuild');
  const started = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, resolve(root, file)])),
    outdir: out,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [packagesOutside, sourceUrls(out), bigJsonOutside(out)],
  });
  const inputs = { [relative(root, SELF)]: stamp(SELF) };
  let editedMeanwhile = false;
  for (const file of Object.keys(result.metafile.inputs)) {
    const path = resolve(root, file);
    inputs[relative(root, path)] = stamp(path);
    editedMeanwhile ||= statSync(path).mtimeMs >= started;
  }
  const tmp = `.${process.pid}.${Date.now()}.tmp`;
  const put = (path, contents) => {
    writeFileSync(path + tmp, contents);
    renameSync(path + tmp, path);
  };
  for (const file of result.outputFiles) put(file.path, file.contents);
  // A source saved while esbuild read them may not be in the bundle: no manifest, so the next run
  // builds again (this run uses what was built).
  if (editedMeanwhile) return out;
  put(join(out, 'manifest.json'), `${JSON.stringify({ format: FORMAT, inputs }, null, 1)}\n`);
  dropOldChunks(out, new Set(result.outputFiles.map((f) => basename(f.path))));
  return out;
}

/** Chunks of earlier builds, once no run is likely to still be loading them (an hour old). */
function dropOldChunks(out, keep) {
  const before = Date.now() - 3600_000;
  for (const name of readdirSync(out)) {
    if (!name.startsWith('chunk-') || keep.has(name)) continue;
    const path = join(out, name);
    try {
      if (statSync(path).mtimeMs < before) rmSync(path, { force: true });
    } catch {
      // another build removed it
    }
  }
}

/**
 * The module of entry `name`: from the bundle when it is fresh or can be rebuilt, else the
 * TypeScript source through tsx. MOJAZ_NO_BUNDLE=1 always takes the source.
 */
export async function loadEntry(name, out = join(ROOT, 'dist', 'cli')) {
  if (process.env.MOJAZ_NO_BUNDLE !== '1') {
    let ready = isFresh(out);
    if (!ready) {
      try {
        await buildBundle(out);
        ready = true;
      } catch {
        // read-only or no esbuild: the sources below
      }
    }
    if (ready) return import(pathToFileURL(join(out, `${name}.mjs`)).href);
  }
  const source = pathToFileURL(resolve(ROOT, ENTRIES[name])).href;
  const tsx = await import('tsx/esm/api');
  // The main thread registers tsx for the whole process (as `npx tsx` does); in a worker thread,
  // which Node 20's loader hooks do not reach, tsImport loads the one entry and what it imports.
  if (isMainThread) {
    tsx.register();
    return import(source);
  }
  return tsx.tsImport(source, import.meta.url);
}

// `node bin/bundle.mjs` builds it (npm's prepare).
if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  await buildBundle();
}
