/**
 * The NER tagger at run time: an averaged structured perceptron (trained by scripts/train-ner.ts on
 * ANERcorp, see model/README.md) scored with per-word cached feature weights and Viterbi decoding
 * under BIO constraints.
 */
import { readFileSync } from 'node:fs';
import {
  GAZ_PHRASE_INDEX,
  GAZ_PHRASE_PREFIX,
  KNOWN_PHRASE_PREFIX,
  OFFSETS,
  indexPhrases,
  parseWord,
  phraseFeature,
  phraseFollows,
  phraseStarts,
  visitCenterFeatures,
  type IndexedPhrase,
  type ParsedWord,
  type PhraseIndex,
} from './features.ts';
import type { CliticSplit } from './clitics.ts';
import { normalize } from '../text/normalize.ts';

const CENTER = OFFSETS.indexOf(0);

/**
 * The serialized model: tags, transition weights, and "feature\tK:W K:W…" lines where feature is a
 * base feature (no position) and K = position index (0..4 ↔ offsets -2..2) × tags + tag.
 */
export interface NerModelData {
  tags: string[];
  scale: number;
  /** (tags+1) × tags transition weights; the last row is the sentence start. */
  trans: number[];
  features: string;
  /** "word\tTAG" lines: forms seen mostly inside entities in the training split. */
  known: string;
  /** "word\tpath" lines: word clusters learned from unlabeled text (absent in older models). */
  clusters?: string;
  /** "w1 w2…\tTYPE" lines: multi-word entities of the training split (absent in older models). */
  phrases?: string;
  /** What it was trained on: the whole training portion, or all of it but the dev split. */
  trainedOn?: 'all' | 'train-minus-dev';
}

/** A loaded model ready for scoring. */
export interface NerModel {
  tags: string[];
  trans: Float32Array;
  /** Base feature → offset of its row (positions × tags weights) in `table`. */
  weights: Map<string, number>;
  /**
   * The same rows by template, then value ("p2=" → "وا" → offset): a word's features are looked
   * up as template/value pairs (visitCenterFeatures) without building their strings.
   */
  byTemplate: Map<string, Map<string, number>>;
  table: Float32Array;
  /** extent[2r], extent[2r+1]: the range [lo, hi) of row r's non-zero weights (most rows are the word's own position only). */
  extent: Uint16Array;
  known: Map<string, string>;
  clusters: Map<string, string>;
  phrases: PhraseIndex;
  /**
   * allowed[prev * n + cur]: whether tag cur may follow tag prev (prev = n: sentence start). I-X
   * (and E-X) only continue B-X/I-X; in the BIOES scheme B-X/I-X must be continued.
   */
  allowed: Uint8Array;
  /** canEnd[t]: whether a sentence may end on tag t (not on an open BIOES span). */
  canEnd: Uint8Array;
}

/** Whether a tag set uses the BIOES scheme (E- and S- tags besides B-, I-, O). */
function isBioes(tags: readonly string[]): boolean {
  return tags.some((t) => t.startsWith('E-'));
}

/** Whether `cur` may follow `prev` ('' = sentence start) in the tag set's scheme. */
export function canFollow(prev: string, cur: string, bioes: boolean): boolean {
  const continues = cur.startsWith('I-') || cur.startsWith('E-');
  const open = prev.startsWith('B-') || prev.startsWith('I-');
  if (continues) return open && prev.slice(2) === cur.slice(2);
  return !(bioes && open);
}

/** A BIOES tag as BIO (S-X → B-X, E-X → I-X); BIO tags unchanged. */
export function toBio(tag: string): string {
  if (tag.startsWith('S-')) return 'B-' + tag.slice(2);
  if (tag.startsWith('E-')) return 'I-' + tag.slice(2);
  return tag;
}

/** Parses serialized model data. */
export function loadModel(data: NerModelData): NerModel {
  const n = data.tags.length;
  const weights = new Map<string, number>();
  const lines = data.features.split('\n');
  const width = OFFSETS.length * n;
  const table = new Float32Array(lines.length * width);
  const extent = new Uint16Array(lines.length * 2);
  let row = 0;
  for (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const base = row * width;
    // "k:w k:w …" parsed by hand: this runs for every feature at start-up.
    let tag = 0;
    let num = 0;
    let neg = false;
    let lo = width;
    let hi = 0;
    for (let i = tab + 1; i <= line.length; i++) {
      const c = i < line.length ? line.charCodeAt(i) : 32;
      if (c === 58) {
        tag = num;
        num = 0;
      } else if (c === 45) neg = true;
      else if (c === 32) {
        table[base + tag] = (neg ? -num : num) / data.scale;
        if (tag < lo) lo = tag;
        if (tag >= hi) hi = tag + 1;
        num = 0;
        neg = false;
      } else num = num * 10 + (c - 48);
    }
    weights.set(line.slice(0, tab), base);
    extent[2 * row] = Math.min(lo, hi);
    extent[2 * row + 1] = hi;
    row++;
  }
  const trans = Float32Array.from(data.trans, (x) => x / data.scale);
  const bioes = isBioes(data.tags);
  const allowed = new Uint8Array((n + 1) * n);
  const canEnd = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const cur = data.tags[c]!;
    canEnd[c] = bioes && (cur.startsWith('B-') || cur.startsWith('I-')) ? 0 : 1;
    for (let p = 0; p <= n; p++) allowed[p * n + c] = canFollow(p < n ? data.tags[p]! : '', cur, bioes) ? 1 : 0;
  }
  return { tags: data.tags, trans, weights, byTemplate: byTemplateOf(weights), table, extent, known: parsePairs(data.known), clusters: parsePairs(data.clusters ?? ''),
    phrases: indexPhrases(parsePairs(data.phrases ?? '')),
    allowed,
    canEnd,
  };
}

/** Splits a feature into its template and value: at its first '=' (kept in the template), or whole when it has none. */
export function splitFeature(feature: string): [template: string, value: string] {
  const eq = feature.indexOf('=');
  return eq < 0 ? [feature, ''] : [feature.slice(0, eq + 1), feature.slice(eq + 1)];
}

/** The rows of `weights` by template, then value. */
function byTemplateOf(weights: ReadonlyMap<string, number>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [feature, row] of weights) {
    const [template, value] = splitFeature(feature);
    let rows = out.get(template);
    if (!rows) out.set(template, (rows = new Map<string, number>()));
    rows.set(value, row);
  }
  return out;
}

/** Parses "key\tvalue" lines. */
function parsePairs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return out;
}

/** Empty rows: a feature the table has no weight for. */
const NO_ROW = -1;

/** A phrase that may start at a word, with the table offsets of its B and I features' center weights. */
interface RowedPhrase extends IndexedPhrase {
  rowB: number;
  rowI: number;
}

/** The phrases that may start at a word: of the gazetteer, then of the model's entity list. */
type PhraseStarts = readonly [readonly RowedPhrase[], readonly RowedPhrase[]];

const NO_STARTS: RowedPhrase[] = [];

/**
 * A word form as {@link Tagger.tagForms} takes it: the word as written, its normalized form, and
 * a slot where a tagger keeps what it computed for the form. A caller that keeps one object per
 * distinct word (the who step's doc does) spares the tagger a lookup per token.
 */
export interface TaggerWord {
  readonly text: string;
  readonly norm: string;
  /** Its clitic split, when the caller already made it (spares the tagger a second one). */
  readonly split?: CliticSplit;
  tagged: unknown;
}

/** What a tagger keeps for a word form: its emission vector and the phrases that may start at it. */
class WordEntry {
  constructor(
    readonly owner: Tagger,
    readonly vector: Float32Array,
    readonly starts: PhraseStarts,
  ) {}
}

/**
 * A tagger built with its model: tags sentences under that model, with the model's per-word
 * emission vectors cached on the tagger. The analysis takes one (the shipped model's by default), so
 * a benchmark scores a held-out model by building a tagger with it, never by patching a global.
 */
export class Tagger {
  /** Emission contributions of a word at each offset (positions × tags), by word form. */
  private readonly cache = new Map<string, Float32Array>();
  /** Phrases that may start at a word, by normalized form. */
  private readonly phraseCache = new Map<string, PhraseStarts>();

  /** The model's tags in BIO, by tag index. */
  private readonly bio: readonly string[];

  constructor(readonly model: NerModel) {
    this.bio = model.tags.map(toBio);
  }

  /** Tags one sentence of ANERcorp-style tokens, in BIO whatever scheme the model uses; `norms` are the words normalized, when known. */
  tag(words: readonly string[], norms?: readonly string[]): string[] {
    const em = this.emissions(words, norms);
    return viterbi(this.model, em, words.length).map((t) => this.bio[t]!);
  }

  /**
   * Tags one sentence given as word forms (see {@link TaggerWord}), as {@link tag} does with their
   * words and normalized forms: what the tagger computes for a form is kept in its slot.
   */
  tagForms(forms: readonly TaggerWord[]): string[] {
    const len = forms.length;
    const vectors = new Array<Float32Array>(len);
    const norms = new Array<string>(len);
    const starts = new Array<PhraseStarts>(len);
    for (let j = 0; j < len; j++) {
      const form = forms[j]!;
      const entry = this.entryOf(form);
      vectors[j] = entry.vector;
      norms[j] = form.norm;
      starts[j] = entry.starts;
    }
    return viterbi(this.model, this.score(vectors, norms, starts), len).map((t) => this.bio[t]!);
  }

  /** Per-token emission scores (tokens × tags) for one sentence. */
  emissions(words: readonly string[], norms?: readonly string[]): Float32Array {
    const ns = norms ?? words.map((w) => normalize(w));
    return this.score(
      words.map((w) => this.wordVector(w)),
      ns,
      ns.map((w) => this.phraseStartsOf(w)),
    );
  }

  /** What this tagger keeps for a word form, from its slot or computed and put there. */
  private entryOf(form: TaggerWord): WordEntry {
    const kept = form.tagged;
    if (kept instanceof WordEntry && kept.owner === this) return kept;
    const entry = new WordEntry(this, this.wordVector(form.text, form.split && { norm: form.norm, split: form.split }), this.phraseStartsOf(form.norm));
    form.tagged = entry;
    return entry;
  }

  /** Emission scores of a sentence from its words' vectors, normalized forms and phrase starts. */
  private score(vectors: readonly Float32Array[], norms: readonly string[], starts: readonly PhraseStarts[]): Float32Array {
    const n = this.model.tags.length;
    const len = vectors.length;
    const em = new Float32Array(len * n);
    for (let j = 0; j < len; j++) {
      const v = vectors[j]!;
      // The word at j gives features to the tokens around it: to token i = j - offset, at that
      // offset's slice of its vector (features are named by the neighbour's position).
      for (let o = 0; o < OFFSETS.length; o++) {
        const i = j - OFFSETS[o]!;
        if (i < 0 || i >= len) continue;
        const base = o * n;
        const at = i * n;
        for (let t = 0; t < n; t++) em[at + t]! += v[base + t]!;
      }
    }
    // Sentence-level features after the words' own, gazetteer phrases first, as in training
    // (forEachPhraseFeature): the same additions in the same order.
    this.addPhraseRows(em, norms, starts, 0);
    this.addPhraseRows(em, norms, starts, 1);
    return em;
  }

  /** Adds the center rows of the phrases of one index (0: gazetteer, 1: the model's entities) matched in the sentence. */
  private addPhraseRows(em: Float32Array, norms: readonly string[], starts: readonly PhraseStarts[], which: 0 | 1): void {
    const n = this.model.tags.length;
    const table = this.model.table;
    for (let i = 0; i < norms.length; i++) {
      for (const p of starts[i]![which]) {
        if (!phraseFollows(norms, i, p)) continue;
        for (let k = 0; k < p.tokens.length; k++) {
          const row = k === 0 ? p.rowB : p.rowI;
          if (row === NO_ROW) continue;
          const at = (i + k) * n;
          for (let t = 0; t < n; t++) em[at + t]! += table[row + t]!;
        }
      }
    }
  }

  /** The phrases that may start at a normalized word, with their weight rows, computed once per form. */
  private phraseStartsOf(norm: string): PhraseStarts {
    let starts = this.phraseCache.get(norm);
    if (starts) return starts;
    starts = [this.withRows(phraseStarts(norm, GAZ_PHRASE_INDEX), GAZ_PHRASE_PREFIX), this.withRows(phraseStarts(norm, this.model.phrases), KNOWN_PHRASE_PREFIX)];
    if (this.phraseCache.size >= CACHE_LIMIT) this.phraseCache.clear();
    this.phraseCache.set(norm, starts);
    return starts;
  }

  /** Phrases with the offsets of their B and I features' center weights (NO_ROW: the model has no such feature). */
  private withRows(phrases: readonly IndexedPhrase[], prefix: string): RowedPhrase[] {
    if (phrases.length === 0) return NO_STARTS;
    const center = CENTER * this.model.tags.length;
    const rowOf = (first: boolean, kind: string): number => {
      const w = this.model.weights.get(phraseFeature(prefix, kind, first));
      return w === undefined ? NO_ROW : w + center;
    };
    return phrases.map((p) => ({ tokens: p.tokens, kind: p.kind, rowB: rowOf(true, p.kind), rowI: rowOf(false, p.kind) }));
  }

  /** A word's emission contributions at each offset, computed once per word form. */
  private wordVector(word: string, parsed?: ParsedWord): Float32Array {
    let vec = this.cache.get(word);
    if (vec) return vec;
    const model = this.model;
    vec = new Float32Array(OFFSETS.length * model.tags.length);
    this.building = vec;
    visitCenterFeatures(word, model.known, model.clusters, parsed ?? parseWord(word), this.addFeature);
    if (hasDigit(word)) forbidTags(vec, this.model.tags, CENTER, 'PERS');
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, vec);
    return vec;
  }

  /** The vector {@link wordVector} is adding feature rows to. */
  private building: Float32Array = new Float32Array(0);

  /**
   * Adds one feature's row to the vector being built, over the row's non-zero extent. Tiers nest
   * (far ⊂ near ⊂ center), and a row holds zeros where a feature has no position, so adding each
   * center feature's row is exact.
   */
  private readonly addFeature = (template: string, value: string): void => {
    const row = this.model.byTemplate.get(template)?.get(value);
    if (row === undefined) return;
    const { table, extent } = this.model;
    const vec = this.building;
    const r = row / vec.length;
    const lo = extent[2 * r]!;
    const hi = extent[2 * r + 1]!;
    for (let k = lo; k < hi; k++) vec[k]! += table[row + k]!;
  };
}

const DIGIT = /[0-9\u0660-\u0669]/;

/** Whether a word has a digit: a number, or a number glued to a clitic or unit ("و465", "ب1"). */
export function hasDigit(word: string): boolean {
  return DIGIT.test(word);
}

/** Penalty that keeps a tag off a token in decoding (finite, so sums stay ordered). */
const FORBIDDEN = -1e6;

/**
 * Keeps the tags of one entity type off a word's own token (the vector's `center` slice). A person
 * never holds a number: ANERcorp tags none of its 2,117 tokens with a digit as PERS, but a number
 * before an unknown unit ("و465 كلغ", "1075 كلغ") or a list entry ("450 رضا الدلاعي") could read as one.
 */
export function forbidTags(vec: Float32Array, tags: readonly string[], center: number, type: string): void {
  const n = tags.length;
  for (let t = 0; t < n; t++) if (tags[t]!.slice(2) === type) vec[center * n + t] = FORBIDDEN;
}

/** Builds a tagger from serialized model data. */
export function loadTagger(data: NerModelData): Tagger {
  return new Tagger(loadModel(data));
}

let shipped: Tagger | undefined;

/**
 * The tagger of the shipped model, built on first use. The model is read as a file beside this
 * module rather than imported: the TypeScript loader's transform of a 2 MB JSON module costs
 * seconds at start-up, JSON.parse a tenth of that. It is package data, read once; analysis itself
 * does no I/O.
 */
export function shippedTagger(): Tagger {
  shipped ??= loadTagger(JSON.parse(readFileSync(new URL('./model/ner-model.json', import.meta.url), 'utf8')) as NerModelData);
  return shipped;
}

/** The shipped model (see {@link shippedTagger}). */
export function shippedModel(): NerModel {
  return shippedTagger().model;
}

/** Room for every distinct word of a few thousand articles (ANT's 3,106 have 44,545), about 15 MB. */
const CACHE_LIMIT = 60000;

/** Per-token emission scores (tokens × tags) for one sentence under `model`. */
export function emissions(model: NerModel, words: readonly string[], norms?: readonly string[]): Float32Array {
  return taggerOf(model).emissions(words, norms);
}

const taggers = new WeakMap<NerModel, Tagger>();

/** The tagger of a model: the shipped one for the shipped model, else one made and kept for it. */
function taggerOf(model: NerModel): Tagger {
  if (shipped?.model === model) return shipped;
  let t = taggers.get(model);
  if (!t) taggers.set(model, (t = new Tagger(model)));
  return t;
}

/** For each tag c, the tags that may precede it (in increasing order), from `allowed`. */
function predecessorsOf(model: NerModel): Int32Array[] {
  let preds = predecessors.get(model);
  if (preds) return preds;
  const n = model.tags.length;
  preds = [];
  for (let c = 0; c < n; c++) {
    const list: number[] = [];
    for (let p = 0; p < n; p++) if (model.allowed[p * n + c]) list.push(p);
    preds.push(Int32Array.from(list));
  }
  predecessors.set(model, preds);
  return preds;
}

const predecessors = new WeakMap<NerModel, Int32Array[]>();

/** Best tag sequence under the model (Viterbi with BIO constraints). */
export function viterbi(model: NerModel, em: Float32Array, len: number): number[] {
  const n = model.tags.length;
  if (len === 0) return [];
  const trans = model.trans;
  const preds = predecessorsOf(model);
  const score = new Float32Array(len * n);
  const back = new Int32Array(len * n);
  for (let c = 0; c < n; c++) {
    score[c] = model.allowed[n * n + c] ? em[c]! + trans[n * n + c]! : -Infinity;
  }
  for (let i = 1; i < len; i++) {
    const prev = (i - 1) * n;
    const at = i * n;
    for (let c = 0; c < n; c++) {
      // Allowed predecessors in increasing order, the first of equal scores kept.
      const from = preds[c]!;
      let best = -Infinity;
      let arg = 0;
      for (let k = 0; k < from.length; k++) {
        const p = from[k]!;
        const s = score[prev + p]! + trans[p * n + c]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[at + c] = best + em[at + c]!;
      back[at + c] = arg;
    }
  }
  let arg = -1;
  for (let c = 0; c < n; c++) if (model.canEnd[c] && (arg < 0 || score[(len - 1) * n + c]! > score[(len - 1) * n + arg]!)) arg = c;
  const out = new Array<number>(len);
  for (let i = len - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * n + arg]!;
  }
  return out;
}

/** Tags one sentence with `model` (the shipped one by default), in BIO. */
export function tagWords(words: readonly string[], model: NerModel = shippedModel(), norms?: readonly string[]): string[] {
  return taggerOf(model).tag(words, norms);
}
