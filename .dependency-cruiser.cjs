/**
 * The layering of src/, as docs/ARCHITECTURE.md draws it, checked on every `npm test`
 * (`npm run lint:deps`). Each folder may import only the folders below it; nothing imports in a
 * circle. To let a folder use another, change docs/ARCHITECTURE.md and this table together.
 */

/** What each part of src/ may import, besides itself and npm / node packages. */
const allowed = {
  core: [],
  'config.ts': ['core'],
  // log: the one logger (levels, text or JSON lines, secrets redacted) and the metrics; every layer above writes and counts through it.
  log: [],
  messages: ['core'],
  store: ['core', 'config.ts', 'messages', 'log'],
  stories: ['core', 'store', 'log'],
  sources: ['core', 'config.ts', 'messages', 'store', 'log'],
  // ingest: the one place that runs fetch (sources) → store → analyse → group (stories).
  ingest: ['core', 'config.ts', 'messages', 'store', 'stories', 'sources', 'log'],
  schedule: ['core', 'config.ts', 'messages', 'store', 'sources', 'log'],
  commands: ['core', 'config.ts', 'messages', 'store', 'sources', 'schedule', 'log'],
  adapters: ['core', 'config.ts', 'messages', 'commands', 'log'],
  cli: ['core', 'config.ts', 'messages', 'adapters', 'cli', 'log'],
  // ops: the operator's HTTP server (/healthz, /metrics, the webhook route) and the bounded shutdown; main hands it checks and routes.
  ops: ['log'],
};

const part = (name) => (name.endsWith('.ts') ? `^src/${name.replace('.', '\\.')}$` : `^src/${name}/`);
const parts = Object.keys(allowed);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files that import each other in a loop: move the shared piece down a layer.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...parts.map((name) => ({
      name: `layers-${name.replace('.ts', '')}`,
      severity: 'error',
      comment: `src/${name} may import only: ${allowed[name].join(', ') || 'itself'} (docs/ARCHITECTURE.md).`,
      from: { path: name === 'cli' ? '^src/cli(\\.ts$|/)' : part(name) },
      to: {
        path: '^src/',
        pathNot: [part(name), ...allowed[name].map(part), ...(name === 'cli' ? ['^src/cli\\.ts$'] : [])],
      },
    })),
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'The core takes text in and gives analysis out: it reads its own data files at load, and no more (no network, no processes).',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(net|http|https|http2|child_process|worker_threads|cluster|dgram|dns|tls)$' },
    },
    {
      name: 'src-not-from-tests',
      severity: 'error',
      comment: 'Production code never imports test helpers or benchmarks.',
      from: { path: '^src/' },
      to: { path: '^(test|bench|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|test|fixtures)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.mjs', '.js', '.json'] },
  },
};
