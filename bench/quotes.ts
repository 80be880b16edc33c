/**
 * Who said what, on the hand-written quotation passages of bench/quote-passages.ts: the share of
 * attributed quotes that went to the right speaker (precision) and the share of quotes with a clear
 * speaker that went to anybody (attributed). Lists every quote that was not right.
 *
 * Usage: npm run bench:quotes
 */
import { QUOTE_PASSAGES, scoreQuotePassages } from './quote-passages.ts';

const { outcomes, precision, attributed, clear } = scoreQuotePassages();
const n = (v: string): number => outcomes.filter((o) => o.verdict === v).length;
for (const o of outcomes) {
  if (o.verdict === 'right' && !o.cut) continue;
  const mark = o.cut ? 'cut' : o.verdict;
  console.log(`${mark.padEnd(5)} #${o.passage} «${o.words}…» expected ${o.expected ?? '(nobody)'}, got ${o.got.join(' | ') || '(nobody)'}`);
}
console.log(
  `passages ${QUOTE_PASSAGES.length}, quotes ${outcomes.length} (${clear} with a clear speaker): right ${n('right')}, wrong ${n('wrong')}, unattributed ${n('none')}, cut ${outcomes.filter((o) => o.cut).length}`,
);
console.log(`quote attribution precision ${precision.toFixed(3)} | attributed ${attributed.toFixed(3)}`);
