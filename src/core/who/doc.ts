/** The tokenized article the who rules work on: tokens with normalized forms and sentence numbers. */
import { normalize } from '../text/normalize.ts';
import type { EntityType, Sentence } from '../types.ts';
import { splitClitics, strippedCandidates, type CliticSplit } from './clitics.ts';
import { tokenize, type Token } from './tokenize.ts';

/** A token with its matching forms. */
export interface DocToken extends Token {
  norm: string;
  /** Normalized form without proclitics and article. */
  stem: string;
  /** Normalized form without proclitic letters, article kept ("والعراق" → "العراق"). */
  bare: string;
  sentence: number;
  /** Forms the word may stand for with clitics taken off (norm, bare, and one or two letters stripped). */
  forms: string[];
  /** No letter or digit in it. */
  punct: boolean;
  /** The forms of its word, shared by every token of that word. */
  form: WordForms;
}

/** A mention over token indices [s, e). */
export interface TokenMention {
  type: EntityType;
  s: number;
  e: number;
  /** SRC only: the description that names it. */
  label?: string;
  /**
   * A descriptive organization built from a head noun and adjectives ("الحكومة السودانية"): named
   * in the who list, but not a proper name, so not among the article's `mentions` (ANERcorp tags none).
   */
  descriptive?: boolean;
  /**
   * An organization named by a cue noun and a proper name, with adjectives after it ("صحيفة التايمز
   * البريطانية"): where the proper name ends, for the article's `mentions` (the who list keeps the whole).
   */
  nameEnd?: number;
}

/** A tokenized article. */
export interface Doc {
  text: string;
  tokens: DocToken[];
  /** Token index ranges [start, end) of each sentence. */
  sentences: { s: number; e: number }[];
}

const WORDLIKE = /[\p{L}\p{N}]/u;
const punctCache = new Map<string, boolean>();

/** Whether a token is punctuation (no letter or digit). */
export function isPunct(t: { norm: string; punct?: boolean }): boolean {
  if (t.punct !== undefined) return t.punct;
  let p = punctCache.get(t.norm);
  if (p === undefined) {
    p = !WORDLIKE.test(t.norm);
    if (punctCache.size > 50000) punctCache.clear();
    punctCache.set(t.norm, p);
  }
  return p;
}

/** The matching forms of one word, computed once per distinct word and shared by its tokens. */
export interface WordForms {
  /** The word as written. */
  readonly text: string;
  norm: string;
  /** Its normalized form split into clitics, made once here and read by the tagger's features too. */
  readonly split: CliticSplit;
  stem: string;
  bare: string;
  forms: string[];
  punct: boolean;
  /** What the tagger computed for the word (Tagger.tagForms), kept here so its tokens need no lookup of their own. */
  tagged: unknown;
  /** Facts about the word kept by {@link wordFact}, by slot. */
  readonly facts: unknown[];
}

/** A kept fact that is undefined (an empty slot reads as undefined too). */
const NO_FACT = Symbol('no fact');
let factSlots = 0;

/**
 * A fact about a word that depends on its matching forms and the lexicons only ("its forms hold
 * an organization head"), computed on first use and kept on the word's forms, which every token
 * of that word shares: the rules that scan every token of an article ask each lexicon once per
 * distinct word instead of once per token. `compute` must read nothing but the word's forms and
 * data that does not change.
 */
export function wordFact<T>(compute: (word: WordForms) => T): (token: { form: WordForms }) => T {
  const slot = factSlots++;
  return ({ form }) => {
    const kept = form.facts[slot];
    if (kept !== undefined) return (kept === NO_FACT ? undefined : kept) as T;
    const value = compute(form);
    form.facts[slot] = value === undefined ? NO_FACT : value;
    return value;
  };
}

const FORMS_LIMIT = 60000;
const formsCache = new Map<string, WordForms>();

/** The forms of a word, computed (not cached): {@link wordForms} keeps them per distinct word. */
export function makeWordForms(word: string): WordForms {
  const norm = normalize(word);
  const split = splitClitics(norm);
  const bare = split.article ? 'ال' + split.stem : split.pre ? norm.slice(split.pre.length) : norm;
  return { text: word, norm, split, stem: split.stem, bare, forms: [...new Set([norm, bare, ...strippedCandidates(norm)])], punct: !WORDLIKE.test(norm), tagged: undefined, facts: [] };
}

function wordForms(word: string): WordForms {
  let f = formsCache.get(word);
  if (f) return f;
  f = makeWordForms(word);
  if (formsCache.size >= FORMS_LIMIT) formsCache.clear();
  formsCache.set(word, f);
  return f;
}

/** Tokenizes an article along its sentence segmentation (the whole text as one sentence when none is given). */
export function buildDoc(text: string, sentences: readonly Sentence[]): Doc {
  const spans = sentences.length > 0 ? sentences : [{ start: 0, end: text.length, heading: false }];
  const tokens: DocToken[] = [];
  const ranges: { s: number; e: number }[] = [];
  spans.forEach((sent, si) => {
    const s = tokens.length;
    for (const t of tokenize(text.slice(sent.start, sent.end))) {
      const f = wordForms(t.text);
      tokens.push({
        text: t.text,
        start: t.start + sent.start,
        end: t.end + sent.start,
        norm: f.norm,
        stem: f.stem,
        bare: f.bare,
        sentence: si,
        forms: f.forms,
        punct: f.punct,
        form: f,
      });
    }
    ranges.push({ s, e: tokens.length });
  });
  return { text, tokens, sentences: ranges };
}
