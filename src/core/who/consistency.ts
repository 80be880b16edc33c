/**
 * Document-level label consistency for the tagger (after Krishnan & Manning 2006, as a rule rather
 * than a second learnt stage): a word no dictionary knows (most often a name, a transliterated one
 * above all) that the sentence model tagged inside an entity somewhere in the document is tagged
 * with that entity type wherever else the document leaves it out ("سيغموند فرويد" tagged once, a
 * bare "فرويد" later missed). Ordinary words never spread: a name's type would reach the common
 * words and titles that share its form.
 */
import { normalize } from '../text/normalize.ts';
import { dictionaryClass } from './dictionary.ts';
import { knownKey } from './features.ts';

const ARABIC_WORD = /^[\u0621-\u064A]{3,}$/;

/** Key of a (normalized) word whose tags spread through its document (its stem, article kept), or '' for a word that never spreads. */
export function spreadKey(norm: string): string {
  let key = keys.get(norm);
  if (key !== undefined) return key;
  key = ARABIC_WORD.test(norm) && dictionaryClass(norm) === 'unknown' ? knownKey(norm) : '';
  if (keys.size >= KEY_CACHE_LIMIT) keys.clear();
  keys.set(norm, key);
  return key;
}

/** Spread keys by word form, as the tagger caches its word vectors (a few thousand articles' words). */
const keys = new Map<string, string>();
const KEY_CACHE_LIMIT = 60000;

/** Entity type most often given to each spreading word form in the document (ties: the first seen). */
function typesByForm(keys: readonly (readonly string[])[], tags: readonly (readonly string[])[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  keys.forEach((ks, i) =>
    ks.forEach((k, j) => {
      const tag = tags[i]![j]!;
      if (!k || tag === 'O') return;
      const m = counts.get(k) ?? new Map<string, number>();
      m.set(tag.slice(2), (m.get(tag.slice(2)) ?? 0) + 1);
      counts.set(k, m);
    }),
  );
  const out = new Map<string, string>();
  for (const [k, m] of counts) {
    let best = '';
    let n = 0;
    for (const [type, c] of m) if (c > n) [best, n] = [type, c];
    out.set(k, best);
  }
  return out;
}

/**
 * BIO tags of a document's sentences (`words[i]`, `tags[i]`) with spreading words the sentence
 * model left out tagged as elsewhere in the document: B-, or I- right after a span of that type.
 */
export function consistentTags(words: readonly (readonly string[])[], tags: readonly (readonly string[])[]): string[][] {
  const keys = words.map((ws) => ws.map((w) => spreadKey(normalize(w))));
  const types = typesByForm(keys, tags);
  return tags.map((ts, i) => {
    const out = [...ts];
    for (let j = 0; j < out.length; j++) {
      const type = types.get(keys[i]![j]!);
      if (out[j] !== 'O' || !type) continue;
      const prev = j > 0 ? out[j - 1]! : 'O';
      out[j] = (prev !== 'O' && prev.slice(2) === type ? 'I-' : 'B-') + type;
    }
    return out;
  });
}
