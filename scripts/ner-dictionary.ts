/**
 * Builds src/core/lexicon/who/arabic-words.json, the Arabic word list behind the tagger's
 * dictionary feature (src/core/who/dictionary.ts), from the Ayaspell hunspell dictionary as Debian
 * ships it (package hunspell-ar: `apt-get install hunspell-ar`, then /usr/share/hunspell/ar.dic).
 * Ayaspell is released under GPL 2.0 / LGPL 2.1 / MPL 1.1; the list is used under the MPL 1.1.
 *
 * ar.dic is several files in one: stop and tool words, nouns (with sections for continents,
 * countries, capitals and people's names), and conjugated verb stems, each "word/flags". Entries
 * whose affix flags are those of the proper-noun sections go to `proper`, all others to `common`;
 * both normalized (src/core/text/normalize.ts), deduplicated and sorted, one space-separated string.
 *
 * Usage: npx tsx scripts/ner-dictionary.ts [--dic /usr/share/hunspell/ar.dic] [--out PATH]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { normalize } from '../src/core/text/normalize.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const DIC = arg('--dic', '/usr/share/hunspell/ar.dic');
const OUT = arg('--out', 'src/core/lexicon/who/arabic-words.json');

/** Affix flags of the continents, countries, capitals and people's-names sections (not 58, the nisba adjectives there). */
const PROPER_FLAGS = new Set(['57', '59', '60', '62', '63', '64', '92', '221', '222', '224', '225']);
const ARABIC_WORD = /^[\u0621-\u064A]+$/;

/** One dictionary line as [normalized word, flags], or undefined for headers and comments. */
export function parseDicLine(line: string): [string, string] | undefined {
  const entry = line.split('\t')[0]!.trim();
  const slash = entry.indexOf('/');
  const word = normalize(slash < 0 ? entry : entry.slice(0, slash));
  if (!ARABIC_WORD.test(word) || word.length < 2) return undefined;
  return [word, slash < 0 ? '' : entry.slice(slash + 1)];
}

const common = new Set<string>();
const proper = new Set<string>();
for (const line of readFileSync(DIC, 'utf8').split('\n')) {
  const parsed = parseDicLine(line);
  if (!parsed) continue;
  const [word, flags] = parsed;
  (PROPER_FLAGS.has(flags) ? proper : common).add(word);
}
for (const w of proper) common.delete(w);
const sorted = (s: Set<string>): string => [...s].sort().join(' ');
const data = {
  source:
    'Ayaspell Arabic hunspell dictionary 3.2 (Debian package hunspell-ar, /usr/share/hunspell/ar.dic), © 2006-2008 Mohamed Kebdani and Taha Zerrouki, used under the Mozilla Public License 1.1 (https://www.mozilla.org/MPL/1.1/); built by scripts/ner-dictionary.ts',
  license: 'MPL-1.1',
  common: sorted(common),
  proper: sorted(proper),
};
writeFileSync(OUT, JSON.stringify(data, null, 1) + '\n');
console.log(`wrote ${OUT}: ${common.size} common, ${proper.size} proper`);
