/**
 * A chat's keyword filters, matched on normalized Arabic as whole words that tolerate proclitics
 * and diacritics: "الحكومة" matches "الحكومةَ", "والحكومة" and "للحكومة", but not "حكومات".
 */
import { normalize } from '../core/text/normalize.ts';
import { cliticCandidates, tokenize } from '../core/text/tokens.ts';

/** One word of a filter phrase, in the forms a text word may take. */
interface PatternWord {
  full: string;
  /** The word without its article, when it had one: "الحكومة" → "حكومة". */
  bare?: string;
}

/** A filter phrase compiled for matching. */
export interface CompiledFilter {
  words: PatternWord[];
}

/** The normalized matching forms of a text word: each proclitic reading's stem and prefix. */
interface WordForms {
  readings: { prefix: string; stem: string }[];
}

const lower = (s: string): string => normalize(s).toLowerCase();

/** Compiles a filter phrase ("الحكومة العراقية", "UN"); an empty phrase compiles to no words. */
export function compileFilter(phrase: string): CompiledFilter {
  const words: PatternWord[] = [];
  for (const t of tokenize(phrase)) {
    if (t.kind !== 'arabic' && t.kind !== 'latin' && t.kind !== 'number') continue;
    const full = lower(t.text);
    const bare = full.startsWith('ال') && full.length >= 5 ? full.slice(2) : undefined;
    words.push(bare ? { full, bare } : { full });
  }
  return { words };
}

function formsOf(word: string, kind: string): WordForms {
  if (kind !== 'arabic') return { readings: [{ prefix: '', stem: lower(word) }] };
  const readings = cliticCandidates(word).map((c) => ({ prefix: normalize(c.prefix), stem: lower(c.stem) }));
  return { readings };
}

const DEFINITE = /(ال|لل)$/;

function wordMatches(forms: WordForms, p: PatternWord): boolean {
  for (const { prefix, stem } of forms.readings) {
    // A lone ب/ك/ل before a short stem is more often part of the word (كتاب is not ك + تاب).
    if (/^[بكل]$/.test(prefix) && stem.length < 4) continue;
    if (stem === p.full) return true;
    if (p.bare && stem === p.bare && DEFINITE.test(prefix)) return true;
  }
  return false;
}

/** The text's words in matching form, computed once per text for every filter. */
export function textWords(text: string): WordForms[] {
  return tokenize(text)
    .filter((t) => t.kind === 'arabic' || t.kind === 'latin' || t.kind === 'number')
    .map((t) => formsOf(t.text, t.kind));
}

/** Whether the phrase occurs in the text's words as consecutive whole words. */
export function phraseOccurs(words: WordForms[], filter: CompiledFilter): boolean {
  const n = filter.words.length;
  if (n === 0) return false;
  for (let i = 0; i + n <= words.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = wordMatches(words[i + k]!, filter.words[k]!);
    if (ok) return true;
  }
  return false;
}

/** A chat's filters: include phrases (any must occur when there are some) and exclude phrases (none may). */
export interface ChatFilters {
  include: string[];
  exclude: string[];
}

/** Whether a text passes a chat's filters. */
export function passesFilters(text: string, filters: ChatFilters): boolean {
  if (filters.include.length === 0 && filters.exclude.length === 0) return true;
  const words = textWords(text);
  if (filters.exclude.some((p) => phraseOccurs(words, compileFilter(p)))) return false;
  if (filters.include.length === 0) return true;
  return filters.include.some((p) => phraseOccurs(words, compileFilter(p)));
}
