/**
 * Feature templates of the NER tagger, shared by training (scripts/train-ner.ts) and inference.
 * Every feature depends on one token at one relative position, so a word's contribution can be
 * cached per word form; gazetteer phrase matches are the only sentence-level features.
 */
import { normalize } from '../text/normalize.ts';
import { splitClitics, type CliticSplit } from './clitics.ts';
import { dictionaryClass } from './dictionary.ts';
import { spansFromTags } from './bio.ts';
import { FIRST_NAMES, GAZ_PHRASES_BY_FIRST, GAZ_WORDS, TRIGGERS } from './lexicon.ts';

/** Relative positions the templates look at. */
export const OFFSETS = [-2, -1, 0, 1, 2] as const;

const ARABIC = /[\u0621-\u064A]/;
const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9]/;

function shape(w: string): string {
  if (DIGIT.test(w)) return 'D';
  if (LATIN.test(w)) return 'L';
  if (ARABIC.test(w)) return 'A';
  return 'P:' + w;
}

/** Gazetteer kind of a normalized word, trying it whole, then without clitics. */
function gazKind(norm: string, stem: string, article: boolean): string | undefined {
  return (
    GAZ_WORDS.get(norm) ??
    GAZ_WORDS.get(article ? 'ال' + stem : stem) ??
    ('وفبلك'.includes(norm[0] ?? '') && norm.length > 3 ? GAZ_WORDS.get(norm.slice(1)) : undefined)
  );
}

function triggerClass(norm: string, stem: string, article: boolean): string | undefined {
  const bare = article ? 'ال' + stem : stem;
  for (const k of ['per', 'org', 'loc'] as const) {
    if (TRIGGERS[k].has(norm) || TRIGGERS[k].has(bare) || TRIGGERS[k].has(stem)) return k;
  }
  return undefined;
}

/** Entity types a word form was seen with in training data (the model's own name list). */
export type KnownWords = ReadonlyMap<string, string>;

const NO_KNOWN: KnownWords = new Map();

/** Word-cluster paths learned from unlabeled text (scripts/ner-clusters.ts), keyed like known words. */
export type Clusters = ReadonlyMap<string, string>;

const NO_CLUSTERS: Clusters = new Map();

/** Key under which a word is looked up in the known-words list: its stem, article kept. */
export function knownKey(norm: string): string {
  const { article, stem } = splitClitics(norm);
  return article ? 'ال' + stem : stem;
}

/** Feature strings of one word at each relative position: index 0..4 ↔ offsets -2..2. */
export function wordFeatures(word: string, known: KnownWords = NO_KNOWN, clusters: Clusters = NO_CLUSTERS): string[][] {
  const { far, near, center } = featureTiers(word, known, clusters);
  return [far, near, center, near, far].map((list, i) => list.map((f) => OFFSETS[i] + '|' + f));
}

/** A word normalized and split into its clitics, as the caller may already have it (the who step's word forms). */
export interface ParsedWord {
  readonly norm: string;
  readonly split: CliticSplit;
}

/** A word's normalized form and clitic split, computed. */
export function parseWord(word: string): ParsedWord {
  const norm = normalize(word);
  return { norm, split: splitClitics(norm) };
}

/**
 * One word's base features in three nested tiers: `far` ones also apply to tokens two away,
 * `near` ones to neighbours, `center` (all of them) to the word's own token.
 */
export function featureTiers(
  word: string,
  known: KnownWords = NO_KNOWN,
  clusters: Clusters = NO_CLUSTERS,
  parsed: ParsedWord = parseWord(word),
): { far: string[]; near: string[]; center: string[] } {
  const { norm, split } = parsed;
  const sh = shape(norm);
  const { pre, article, stem } = split;
  const trig = triggerClass(norm, stem, article);
  const gaz = gazKind(norm, stem, article);
  const nisba = stem.length >= 4 && (stem.endsWith('ي') || stem.endsWith('ية') || stem.endsWith('يين') || stem.endsWith('يون'));
  const near: string[] = ['w=' + norm, 's=' + stem, 'sh=' + sh];
  const key = article ? 'ال' + stem : stem; // knownKey(norm), from the split already made
  const kn = known.get(key);
  const cl = clusters.get(key);
  if (cl) for (let k = 1; k <= cl.length; k++) near.push('C' + k + '=' + cl.slice(0, k));
  const fn = FIRST_NAMES.has(norm) || FIRST_NAMES.has(stem);
  if (trig) near.push('T=' + trig);
  if (gaz) near.push('G=' + gaz);
  if (kn) near.push('K=' + kn);
  if (fn) near.push('FN');
  if (nisba) near.push('nis');
  if (article) near.push('al');
  // Whether an Arabic word is in the dictionary (a common word, a proper noun or its adjective) or not (a likely name).
  const dict = sh === 'A' ? dictionaryClass(norm) : undefined;
  if (dict) near.push('DW=' + dict);
  const far: string[] = ['s=' + stem];
  if (kn) far.push('K=' + kn);
  if (trig) far.push('T=' + trig);
  if (gaz) far.push('G=' + gaz);
  if (fn) far.push('FN');
  const center: string[] = ['b', ...near, 'c=' + pre + (article ? '+ال' : ''), 'len=' + Math.min(norm.length, 10)];
  if (dict) center.push('DWa=' + dict + (article ? '+ال' : ''));
  for (let k = 1; k <= 4 && k <= norm.length; k++) {
    center.push('p' + k + '=' + norm.slice(0, k), 'x' + k + '=' + norm.slice(-k));
  }
  for (let k = 2; k <= 3 && k < stem.length; k++) {
    center.push('sp' + k + '=' + stem.slice(0, k), 'sx' + k + '=' + stem.slice(-k));
  }
  if ('وفبلك'.includes(norm[0] ?? '') && norm.length > 3) center.push('r1=' + norm.slice(1));
  if (word !== norm) center.push('raw=' + word);
  return { far, near, center };
}

/** A phrase of a {@link PhraseIndex}. */
export type IndexedPhrase = { tokens: readonly string[]; kind: string };

/** Multi-word phrases with a kind, indexed by their first (normalized) word. */
export type PhraseIndex = ReadonlyMap<string, readonly IndexedPhrase[]>;

const NO_PHRASES: PhraseIndex = new Map();

/** Indexes "w1 w2 …" → kind pairs by first word. */
export function indexPhrases(phrases: Iterable<readonly [string, string]>): PhraseIndex {
  const out = new Map<string, { tokens: string[]; kind: string }[]>();
  for (const [text, kind] of phrases) {
    const tokens = text.split(' ');
    const list = out.get(tokens[0]!) ?? [];
    list.push({ tokens, kind });
    out.set(tokens[0]!, list);
  }
  return out;
}

/**
 * The phrases of `index` that may start at a normalized word, in matching order: those of the
 * word itself, then of the word without one and two leading letters (the first word may carry up
 * to two clitic letters: "وقطاع", "بقطاع").
 */
export function phraseStarts(norm: string, index: PhraseIndex): IndexedPhrase[] {
  const out: IndexedPhrase[] = [];
  for (let cut = 0; cut <= 2 && cut < norm.length; cut++) {
    const list = index.get(cut === 0 ? norm : norm.slice(cut));
    if (list) out.push(...list);
  }
  return out;
}

/** Whether `phrase` is written at token i of the sentence (its first word already matched there). */
export function phraseFollows(norms: readonly string[], i: number, phrase: IndexedPhrase): boolean {
  const tokens = phrase.tokens;
  if (i + tokens.length > norms.length) return false;
  for (let k = 1; k < tokens.length; k++) if (norms[i + k] !== tokens[k]) return false;
  return true;
}

/** The feature of a token inside a matched phrase: prefix + "B-kind" on its first word, "I-kind" on the others. */
export function phraseFeature(prefix: string, kind: string, first: boolean): string {
  return prefix + (first ? 'B-' : 'I-') + kind;
}

/** Visits B/I features (prefix + "B-kind") of every phrase of `index` found in the sentence. */
function forEachPhraseMatch(norms: readonly string[], index: PhraseIndex, prefix: string, visit: (token: number, feature: string) => void): void {
  for (let i = 0; i < norms.length; i++) {
    for (const phrase of phraseStarts(norms[i]!, index)) {
      if (!phraseFollows(norms, i, phrase)) continue;
      for (let k = 0; k < phrase.tokens.length; k++) visit(i + k, phraseFeature(prefix, phrase.kind, k === 0));
    }
  }
}

/** Feature prefix of a gazetteer phrase match. */
export const GAZ_PHRASE_PREFIX = 'GP=';
/** Feature prefix of a match of a multi-word entity seen in training data. */
export const KNOWN_PHRASE_PREFIX = 'KP=';

/** The gazetteer's multi-word entries as a phrase index. */
export const GAZ_PHRASE_INDEX: PhraseIndex = GAZ_PHRASES_BY_FIRST;

/**
 * Visits the sentence-level features: B/I of a multi-word gazetteer phrase (GP=) or of a
 * multi-word entity seen in training data (KP=) matched at a token.
 */
export function forEachPhraseFeature(
  norms: readonly string[],
  visit: (token: number, feature: string) => void,
  entities: PhraseIndex = NO_PHRASES,
): void {
  forEachPhraseMatch(norms, GAZ_PHRASE_INDEX, GAZ_PHRASE_PREFIX, visit);
  forEachPhraseMatch(norms, entities, KNOWN_PHRASE_PREFIX, visit);
}

/** Sentence-level features per token (see {@link forEachPhraseFeature}). */
export function phraseFeatures(words: readonly string[], entities: PhraseIndex = NO_PHRASES): string[][] {
  const out: string[][] = words.map(() => []);
  forEachPhraseFeature(
    words.map((w) => normalize(w)),
    (i, f) => out[i]!.push(f),
    entities,
  );
  return out;
}

/** Multi-word entities of tagged sentences ("w1 w2" normalized → their most frequent type). */
export function buildKnownPhrases(sentences: readonly { words: readonly string[]; tags: readonly string[] }[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    for (const span of spansFromTags(s.tags)) {
      if (span.end - span.start < 2) continue;
      const key = s.words
        .slice(span.start, span.end)
        .map((w) => normalize(w))
        .join(' ');
      const m = counts.get(key) ?? new Map<string, number>();
      m.set(span.type, (m.get(span.type) ?? 0) + 1);
      counts.set(key, m);
    }
  }
  const out = new Map<string, string>();
  for (const [key, m] of counts) out.set(key, [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  return out;
}

/** Builds the known-words list from tagged sentences: forms mostly seen inside entities, with their usual tag. */
export function buildKnownWords(sentences: readonly { words: readonly string[]; tags: readonly string[] }[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    for (let i = 0; i < s.words.length; i++) {
      const key = knownKey(normalize(s.words[i]!));
      let m = counts.get(key);
      if (!m) counts.set(key, (m = new Map<string, number>()));
      const tag = s.tags[i]!;
      m.set(tag, (m.get(tag) ?? 0) + 1);
    }
  }
  const out = new Map<string, string>();
  for (const [key, m] of counts) {
    let total = 0;
    let best = '';
    let bestN = 0;
    for (const [tag, n] of m) {
      total += n;
      if (tag !== 'O' && n > bestN) {
        best = tag;
        bestN = n;
      }
    }
    if (bestN > 0 && bestN / total >= 0.4) out.set(key, best);
  }
  return out;
}
