/**
 * The dev-gold headline: runs ../shared/eval/score_gold.py (brief ROUGE against two hand-written
 * references and the lead-k baselines, timeline dates, who entries and roles) on this checkout's
 * `mojaz analyze --jsonl`. Needs python3 and ../shared (not in the repository, so CI does not run it).
 *
 * Usage: npm run bench:gold [-- --verbose] [-- --only dev-07,dev-12]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const scorer = fileURLToPath(new URL('../../shared/eval/score_gold.py', import.meta.url));
if (!existsSync(scorer)) {
  console.error(`bench:gold needs the dev gold's scorer at ${scorer} (the shared data checkout next to this one).`);
  process.exit(2);
}
const run = spawnSync('python3', [scorer, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (run.error) {
  console.error(`bench:gold could not start python3: ${run.error.message}`);
  process.exit(2);
}
process.exit(run.status ?? 1);
