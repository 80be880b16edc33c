/**
 * Hostile inputs for the time expressions and the timeline: 1 MB of words with no punctuation,
 * a 1 MB run of dates, many short dated sentences, one long dated clause. Prints CPU ms of
 * findTemporal + buildTimeline on each, and of the whole analyze().
 * Run: npx tsx bench/hostile-timeline.ts [SIZE]   (characters, default 1,000,000)
 */
import { analyze } from '../src/core/analyze.ts';
import { findTemporal } from '../src/core/temporal/index.ts';
import { buildTimeline } from '../src/core/timeline.ts';
import { segment } from '../src/core/text/segment.ts';
import { hostileTexts } from '../test/core/hostile-texts.ts';
import { cpuMs } from './cpu.ts';

const size = Number(process.argv[2] ?? 1_000_000);
const REFERENCE = '2023-12-08';

analyze({ text: 'في الثالث من ديسمبر وقع الهجوم على السفارة.', reference: REFERENCE });
console.log('input\tcharacters\ttemporal+timeline ms\tentries\tanalyze ms');
for (const [name, text] of Object.entries(hostileTexts(size))) {
  const sentences = segment(text);
  let entries = 0;
  const tl = cpuMs(() => {
    entries = buildTimeline(text, sentences, findTemporal(text, REFERENCE)).length;
  });
  const all = process.argv.includes('--no-analyze') ? NaN : cpuMs(() => void analyze({ text, reference: REFERENCE }));
  console.log(`${name}\t${text.length}\t${tl.toFixed(0)}\t${entries}\t${all.toFixed(0)}`);
}
