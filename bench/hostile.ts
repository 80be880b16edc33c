/**
 * Hostile-input timings (issue 10): each input of test/hostile/inputs.ts through the step it used
 * to freeze, on this thread, wall time of one run after a warm-up on a small input.
 *   npx tsx bench/hostile.ts
 */
import { capArticleText, extractArticle } from '../src/sources/page.ts';
import { parseFeed } from '../src/sources/feed-parse.ts';
import { analyze } from '../src/core/analyze.ts';
import { ltFeed, nestedDivPage, PARAGRAPH, unpunctuatedText } from '../test/hostile/inputs.ts';

const cases: Array<[string, () => unknown]> = [
  ['page of 1,500 nested <div>s → extractArticle', () => extractArticle(nestedDivPage(1_500), 'https://example.com/a')],
  ['page of 5,000 nested <div>s → extractArticle', () => extractArticle(nestedDivPage(5_000), 'https://example.com/a')],
  ['feed description of 300 KB of "<" → parseFeed', () => parseFeed(ltFeed(300_000))],
  ['1 MB of text without punctuation → analyze, capped as /brief and ingest give it', () => analyze({ text: capArticleText(unpunctuatedText(1_000_000)), reference: '2024-01-05' })],
  ['1 MB of text without punctuation → analyze, uncapped (the core alone)', () => analyze({ text: unpunctuatedText(1_000_000), reference: '2024-01-05' })],
];

extractArticle(nestedDivPage(10), 'https://example.com/a');
analyze({ text: PARAGRAPH, reference: '2024-01-05' });
for (const [name, run] of cases) {
  const t0 = performance.now();
  run();
  console.log(`${name}: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}
