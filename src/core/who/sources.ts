/**
 * Cited news agencies and outlets: names from the outlet lexicon (src/core/lexicon/who/agencies.json),
 * and "وكالة X" / "صحيفة X" / "قناة X" with a quoted or tagged name. They are ORG mentions too.
 */
import { normalize } from '../text/normalize.ts';
import agenciesData from '../lexicon/who/agencies.json' with { type: 'json' };
import { isPunct, wordFact, type Doc, type TokenMention } from './doc.ts';
import { ATTRIBUTION, isSpeechVerb, normSet } from './lexicon.ts';

interface Outlet {
  name: string;
  tokens: string[];
  contextual: boolean;
}

const OUTLETS: Outlet[] = [];
for (const o of agenciesData.outlets as { name: string; variants: string[]; contextual?: boolean }[]) {
  for (const v of new Set([o.name, ...o.variants])) {
    OUTLETS.push({ name: o.name, tokens: normalize(v).split(/[\s.]+/).filter(Boolean), contextual: o.contextual === true });
  }
}
// Longest variants first so "سكاي نيوز عربية" wins over "سكاي نيوز"; indexed by first word.
OUTLETS.sort((a, b) => b.tokens.length - a.tokens.length);
const OUTLETS_BY_FIRST = new Map<string, Outlet[]>();
for (const o of OUTLETS) {
  const list = OUTLETS_BY_FIRST.get(o.tokens[0]!) ?? [];
  list.push(o);
  OUTLETS_BY_FIRST.set(o.tokens[0]!, list);
}
const HEADS = normSet(agenciesData.heads);
const QUOTE = /^["«»“”']$/;

/** The outlets whose name may start at a word (through any of its forms), longest first. */
export const outletsStartingAt = wordFact((w): readonly Outlet[] => {
  const candidates = w.forms.flatMap((f) => OUTLETS_BY_FIRST.get(f) ?? []);
  return candidates.sort((a, b) => b.tokens.length - a.tokens.length);
});

/** Whether a word is an outlet head ("وكالة", "صحيفة"), as written or without its proclitics. */
const isOutletHead = wordFact((w) => HEADS.has(w.bare) || HEADS.has(w.norm));

/** Token indices after i, skipping quote marks and a lone "لـ"/"ل". */
function nextWords(doc: Doc, i: number, count: number): number[] {
  const out: number[] = [];
  for (let k = i; k < doc.tokens.length && out.length < count; k++) {
    const t = doc.tokens[k]!;
    if (QUOTE.test(t.norm) || t.norm === 'ل' || t.norm === 'ول') continue;
    if (isPunct(t) || t.sentence !== doc.tokens[i]!.sentence) break;
    out.push(k);
  }
  return out;
}

/** Whether the words before token i make it a citation (a head word, an attribution cue, a speech verb). */
function cited(doc: Doc, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const t = doc.tokens[k]!;
    if (t.sentence !== doc.tokens[i]!.sentence) break;
    if (QUOTE.test(t.norm) || t.norm === 'ل' || t.norm === 'لـ') continue;
    if (HEADS.has(t.bare) || HEADS.has(t.norm) || ATTRIBUTION.has(t.norm) || ATTRIBUTION.has(t.bare)) return true;
    if (isSpeechVerb(t.norm)) return true;
    if (k < i - 1) break;
  }
  const first = doc.tokens[i]!;
  return /^ل/.test(first.norm) && !first.norm.startsWith('ال');
}

/** Cited outlets (display names, first-cited first) and their ORG mention spans. */
export function findSources(doc: Doc): { sources: string[]; mentions: TokenMention[] } {
  const sources: string[] = [];
  const mentions: TokenMention[] = [];
  const toks = doc.tokens;
  const matchAt = (i: number): { outlet: Outlet; last: number } | undefined => {
    const t = toks[i];
    if (!t) return undefined;
    const candidates = outletsStartingAt(t);
    if (candidates.length === 0) return undefined;
    const words = nextWords(doc, i, 4);
    if (words[0] !== i) return undefined;
    for (const o of candidates) {
      if (o.tokens.length > words.length) continue;
      const ok = o.tokens.every((w, k) => k === 0 || toks[words[k]!]!.norm === w);
      // A name of three words or more ("وكالة تونس أفريقيا للأنباء") is no common phrase: only short ones need a cue.
      if (ok && (!o.contextual || o.tokens.length >= 3 || cited(doc, i))) return { outlet: o, last: words[o.tokens.length - 1]! };
    }
    return undefined;
  };
  for (let i = 0; i < toks.length; i++) {
    if (isPunct(toks[i]!)) continue;
    const hit = matchAt(i);
    if (hit) {
      if (!sources.includes(hit.outlet.name)) sources.push(hit.outlet.name);
      mentions.push({ type: 'ORG', s: i, e: hit.last + 1 });
      i = hit.last;
      continue;
    }
    // "وكالة/صحيفة/قناة" + a quoted name not in the lexicon.
    const t = toks[i]!;
    const q = toks[i + 1];
    if (isOutletHead(t) && q && QUOTE.test(q.norm) && !matchAt(i + 2)) {
      let e = i + 2;
      while (e < toks.length && e - i <= 6 && !QUOTE.test(toks[e]!.norm) && !isPunct(toks[e]!)) e++;
      if (e < toks.length && QUOTE.test(toks[e]!.norm) && e > i + 2) {
        const name = doc.text.slice(toks[i + 2]!.start, toks[e - 1]!.end);
        if (!sources.includes(name)) sources.push(name);
        mentions.push({ type: 'ORG', s: i + 2, e });
        i = e;
      }
    }
  }
  return { sources, mentions };
}
