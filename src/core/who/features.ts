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
 * Receives a word's features one by one as (template, value) pairs: the feature is template +
 * value. A template with a value ends in '=' ("p1=", "w="); one without is the whole feature
 * ("b", "FN") with the value ''. The tagger looks a pair up in per-template tables, so it never
 * builds the feature's string.
 */
export type FeatureVisitor = (template: string, value: string) => void;

/** What the templates read of one word, computed once for its tiers. */
interface WordFacts {
  readonly word: string;
  readonly norm: string;
  readonly split: CliticSplit;
  readonly sh: string;
  readonly trig: string | undefined;
  readonly gaz: string | undefined;
  readonly kn: string | undefined;
  readonly cl: string | undefined;
  readonly fn: boolean;
  readonly nisba: boolean;
  readonly dict: string | undefined;
}

function wordFacts(word: string, known: KnownWords, clusters: Clusters, parsed: ParsedWord): WordFacts {
  const { norm, split } = parsed;
  const { article, stem } = split;
  const sh = shape(norm);
  const key = article ? 'ال' + stem : stem; // knownKey(norm), from the split already made
  return {
    word,
    norm,
    split,
    sh,
    trig: triggerClass(norm, stem, article),
    gaz: gazKind(norm, stem, article),
    kn: known.get(key),
    cl: clusters.get(key),
    fn: FIRST_NAMES.has(norm) || FIRST_NAMES.has(stem),
    nisba: stem.length >= 4 && (stem.endsWith('ي') || stem.endsWith('ية') || stem.endsWith('يين') || stem.endsWith('يون')),
    // Whether an Arabic word is in the dictionary (a common word, a proper noun or its adjective) or not (a likely name).
    dict: sh === 'A' ? dictionaryClass(norm) : undefined,
  };
}

const CLUSTER_TEMPLATES: string[] = [];
/** "C<k>=": the template of a word cluster's path prefix of k bits. */
function clusterTemplate(k: number): string {
  return (CLUSTER_TEMPLATES[k] ??= 'C' + k + '=');
}

const PREFIX_TEMPLATES = ['', 'p1=', 'p2=', 'p3=', 'p4='];
const SUFFIX_TEMPLATES = ['', 'x1=', 'x2=', 'x3=', 'x4='];
const STEM_PREFIX_TEMPLATES = ['', '', 'sp2=', 'sp3='];
const STEM_SUFFIX_TEMPLATES = ['', '', 'sx2=', 'sx3='];

/** The `near` tier, in order. */
function visitNear(f: WordFacts, visit: FeatureVisitor): void {
  visit('w=', f.norm);
  visit('s=', f.split.stem);
  visit('sh=', f.sh);
  const cl = f.cl;
  if (cl) for (let k = 1; k <= cl.length; k++) visit(clusterTemplate(k), cl.slice(0, k));
  if (f.trig) visit('T=', f.trig);
  if (f.gaz) visit('G=', f.gaz);
  if (f.kn) visit('K=', f.kn);
  if (f.fn) visit('FN', '');
  if (f.nisba) visit('nis', '');
  if (f.split.article) visit('al', '');
  if (f.dict) visit('DW=', f.dict);
}

/** The `center` tier (all of a word's features), in order. */
function visitCenter(f: WordFacts, visit: FeatureVisitor): void {
  const { norm, split } = f;
  const { article, stem } = split;
  visit('b', '');
  visitNear(f, visit);
  visit('c=', split.pre + (article ? '+ال' : ''));
  visit('len=', String(Math.min(norm.length, 10)));
  if (f.dict) visit('DWa=', f.dict + (article ? '+ال' : ''));
  for (let k = 1; k <= 4 && k <= norm.length; k++) {
    visit(PREFIX_TEMPLATES[k]!, norm.slice(0, k));
    visit(SUFFIX_TEMPLATES[k]!, norm.slice(-k));
  }
  for (let k = 2; k <= 3 && k < stem.length; k++) {
    visit(STEM_PREFIX_TEMPLATES[k]!, stem.slice(0, k));
    visit(STEM_SUFFIX_TEMPLATES[k]!, stem.slice(-k));
  }
  if ('وفبلك'.includes(norm[0] ?? '') && norm.length > 3) visit('r1=', norm.slice(1));
  if (f.word !== norm) visit('raw=', f.word);
}

/** Visits one word's `center` features (see {@link featureTiers}) in the same order, as template/value pairs. */
export function visitCenterFeatures(
  word: string,
  known: KnownWords = NO_KNOWN,
  clusters: Clusters = NO_CLUSTERS,
  parsed: ParsedWord = parseWord(word),
  visit: FeatureVisitor,
): void {
  visitCenter(wordFacts(word, known, clusters, parsed), visit);
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
  const f = wordFacts(word, known, clusters, parsed);
  const near: string[] = [];
  visitNear(f, (t, v) => near.push(t + v));
  const far: string[] = ['s=' + f.split.stem];
  if (f.kn) far.push('K=' + f.kn);
  if (f.trig) far.push('T=' + f.trig);
  if (f.gaz) far.push('G=' + f.gaz);
  if (f.fn) far.push('FN');
  const center: string[] = [];
  visitCenter(f, (t, v) => center.push(t + v));
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
