/**
 * Builds src/core/lexicon/who/first-names-iraqi.json, given names for the rules and the tagger's
 * given-name feature, from the name table of the npm package arabic-name-to-en 1.0.6 (ISC,
 * © HamdonGunner: `npm pack arabic-name-to-en@1.0.6`, then package/cases/fullnamedb.js), a list of
 * about 2,900 names, most of them used in Iraq (Arabic, Kurdish, Assyrian, Armenian).
 *
 * Only names a reader would not take for something else are kept: no ordinary Arabic word (the
 * Ayaspell list behind src/core/who/dictionary.ts knows it), no place, no stop word, no second part
 * of a compound ("الدين", "الرحمن"), no two names written as one ("حيدرجميل"), no Kurdish letters, no
 * name that is more often a family name (a nisba in ـي, a Maghrebi بو…/بن…),
 * and none of src/core/lexicon/who/first-names.json already. Normalized, deduplicated and sorted.
 *
 * Usage: npx tsx scripts/ner-first-names.ts PATH/TO/fullnamedb.js [--out PATH]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { normalize } from '../src/core/text/normalize.ts';
import { dictionaryClass } from '../src/core/who/dictionary.ts';
import { JUNK, TRIGGERS, isGazPlace, normSet } from '../src/core/who/lexicon.ts';
import handWritten from '../src/core/lexicon/who/first-names.json' with { type: 'json' };

/** The hand-written given names (first-names.json), which this list only adds to. */
const HAND_WRITTEN = normSet(handWritten.names);

const args = process.argv.slice(2);
const SRC = args[0];
const outAt = args.indexOf('--out');
const OUT = outAt >= 0 && args[outAt + 1] ? args[outAt + 1]! : 'src/core/lexicon/who/first-names-iraqi.json';
if (!SRC) throw new Error('usage: npx tsx scripts/ner-first-names.ts PATH/TO/fullnamedb.js [--out PATH]');

/** The keys of the table `module.exports = { name: "Latin", … }`, one a line. */
export function tableNames(source: string): string[] {
  return [...source.matchAll(/^\s*([\u0600-\u06FF]+)\s*:/gmu)].map((m) => m[1]!);
}

const ARABIC_LETTERS = /^[\u0621-\u064A]+$/u;

/** Whether a normalized name from the table may stand as a given name in news text. */
export function keepsName(norm: string, glued: (n: string) => boolean): boolean {
  if (!ARABIC_LETTERS.test(norm) || norm.length < 3 || norm.startsWith('ال')) return false;
  // ة is a last letter: inside a word it is a Kurdish vowel sign ("بةشدار").
  if (/ة./u.test(norm)) return false;
  // Family names more often than given ones: nisbas ("العنزي" written "عنزي", "سعدي") and Maghrebi بو/بن ("بوزيان").
  if (/ي$/u.test(norm) || /^(بو|بن)/u.test(norm)) return false;
  if (HAND_WRITTEN.has(norm) || JUNK.has(norm) || TRIGGERS.per.has(norm) || isGazPlace(norm)) return false;
  return dictionaryClass(norm) === 'unknown' && !glued(norm);
}

const names = tableNames(readFileSync(SRC, 'utf8')).map((n) => normalize(n));
const known = new Set([...HAND_WRITTEN, ...names]);
// Two names written as one ("حيدرجميل" = حيدر + جميل): both halves are names.
const glued = (n: string): boolean => {
  for (let k = 3; k <= n.length - 3; k++) if (known.has(n.slice(0, k)) && known.has(n.slice(k))) return true;
  return false;
};
const kept = [...new Set(names.filter((n) => keepsName(n, glued)))].sort();
const doc =
  'Given names from the name table of the npm package arabic-name-to-en 1.0.6 (package/cases/fullnamedb.js), Copyright (c) HamdonGunner, ISC license: Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted, provided that the above copyright notice and this permission notice appear in all copies. THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE. Filtered and normalized by scripts/ner-first-names.ts.';
writeFileSync(OUT, JSON.stringify({ _doc: doc, names: kept }, null, 1) + '\n');
console.log(`${names.length} names in the table, ${kept.length} kept -> ${OUT}`);
