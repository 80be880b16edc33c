/**
 * What speakers are quoted saying: direct quotes after (or before) a speech verb, "مضيفا: …"
 * continuing the previous speaker, and indirect "قال X إن …" clauses.
 */
import { isPunct, type Doc, type TokenMention } from './doc.ts';
import { CONTINUATIONS, SPEECH_VERBS } from './lexicon.ts';
import { stripAttributionTail } from '../brief.ts';

/** An attribution cut before its source: "، بحسب ما", "، حسب", "، وفقًا لما", "، كما". */
const DANGLING_ATTRIBUTION = /[\s،,]*(?:ب?حسب(?:ما|\s+ما)?|وفق[اًً]*(?:\s+لما|\s+ما)?|كما)\s*$/u;

/** Whether every quotation mark in `text` is closed (a reported clause cut inside a quote is not shown). */
function balancedQuotes(text: string): boolean {
  const count = (re: RegExp): number => (text.match(re) ?? []).length;
  return count(/"/gu) % 2 === 0 && count(/«/gu) === count(/»/gu) && count(/“/gu) === count(/”/gu);
}

/** A quoted passage: token range of its content, end exclusive. */
interface Quote {
  s: number;
  e: number;
}

const OPEN = new Map([
  ['«', '»'],
  ['“', '”'],
  ['"', '"'],
]);
// Shorter quoted runs are mostly names or scare quotes ("الجوهرة أف أم", "حماية").
const MIN_WORDS = 4;
const MAX_QUOTE = 200;
const QUOTE_REACH = 25;

/** Quoted passages (a straight quote opens, the next one closes); a quote may run over sentence ends. */
export function findQuotes(doc: Doc): Quote[] {
  const out: Quote[] = [];
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const close = OPEN.get(toks[i]!.text);
    if (!close) continue;
    let j = i + 1;
    while (j < toks.length && j - i < MAX_QUOTE && toks[j]!.text !== close) j++;
    if (j >= toks.length || toks[j]!.text !== close) continue;
    let words = 0;
    for (let k = i + 1; k < j && words < MIN_WORDS; k++) if (!isPunct(toks[k]!)) words++;
    if (words >= MIN_WORDS) out.push({ s: i + 1, e: j });
    i = j;
  }
  return out;
}

function cueKind(t: { norm: string }): 'verb' | 'cont' | undefined {
  const n = t.norm;
  if (SPEECH_VERBS.has(n) || (/^[وف]/.test(n) && SPEECH_VERBS.has(n.slice(1)))) return 'verb';
  if (CONTINUATIONS.has(n)) return 'cont';
  return undefined;
}

/** The nearest speaker mention before token c in its sentence. */
function speakerBefore(doc: Doc, c: number, speakers: readonly TokenMention[]): TokenMention | undefined {
  const sent = doc.tokens[c]!.sentence;
  const before = speakers.filter((m) => m.e <= c && doc.tokens[m.s]!.sentence === sent);
  return before[before.length - 1];
}

/**
 * Speaker mention for a cue at token c: the first person or source after it (an organization only
 * when no person follows: "قال الأمين العام لحزب … فلان"), else the nearest before it. "نقل X عن Y"
 * makes Y the speaker.
 */
function speakerFor(doc: Doc, c: number, limit: number, speakers: readonly TokenMention[]): TokenMention | undefined {
  const sent = doc.tokens[c]!.sentence;
  const after = speakers.filter((m) => m.s > c && m.s < limit && doc.tokens[m.s]!.sentence === sent);
  let pick = after.find((m) => m.type !== 'ORG') ?? after[0];
  if (pick && pick.type === 'ORG' && doc.tokens[pick.e]?.norm === 'عن') pick = after.find((m) => m.s > pick!.e) ?? pick;
  if (pick && after[0] && after[0].type === 'ORG' && pick !== after[0] && pick.s - after[0].e > 6) pick = after[0];
  return pick ?? speakerBefore(doc, c, speakers);
}

/** Quotes attributed to speaker mentions: pairs of (speaker mention, quoted text). */
export function attributeQuotes(doc: Doc, mentions: readonly TokenMention[]): { speaker: TokenMention; text: string }[] {
  const speakers = mentions.filter((m) => m.type !== 'LOC');
  const out: { speaker: TokenMention; text: string }[] = [];
  const quotes = findQuotes(doc);
  const used = new Set<Quote>();
  let last: TokenMention | undefined;
  const slice = (s: number, e: number): string =>
    doc.text
      .slice(doc.tokens[s]!.start, doc.tokens[e - 1]!.end)
      .replace(/^[\s:،,.-]+/, '')
      .trim();
  for (const { s, e } of doc.sentences) {
    for (let c = s; c < e; c++) {
      const kind = cueKind(doc.tokens[c]!);
      if (!kind) continue;
      // The quote belongs to this cue unless another cue ("مشيرا إلى …") comes before it. It may open
      // a sentence or two later when the segmentation cut at a dotted abbreviation ("آر.إف.إم").
      let reach = Math.min(doc.tokens.length, Math.max(e, c + QUOTE_REACH));
      for (let k = c + 1; k < reach; k++) {
        if (cueKind(doc.tokens[k]!)) {
          reach = k;
          break;
        }
      }
      const nextCue = Math.min(reach, e);
      const q = quotes.find((x) => x.s > c && x.s < reach && !used.has(x));
      let speaker: TokenMention | undefined;
      const n = doc.tokens[c]!.norm.replace(/^[وف]/, '');
      // A continuation ("مشيرا إلى …") goes on with this sentence's speaker, else the nearest mention before it.
      const lastHere = last && doc.tokens[last.s]!.sentence === doc.tokens[c]!.sentence ? last : undefined;
      if (kind === 'cont') speaker = lastHere ?? speakerBefore(doc, c, speakers) ?? last;
      else speaker = speakerFor(doc, c, q ? Math.min(q.s, e) : e, speakers) ?? (n === 'اضاف' || n === 'تابع' ? last : undefined);
      if (!speaker) continue;
      if (q) {
        used.add(q);
        out.push({ speaker, text: slice(q.s, q.e) });
        last = speaker;
        continue;
      }
      // Indirect speech: "قال X إن …" — the clause from إن/أن to the end of the sentence.
      if (kind === 'verb') {
        for (let k = Math.max(speaker.e, c + 1); k < nextCue && k <= speaker.e + 12; k++) {
          const t = doc.tokens[k]!.norm;
          if (t === 'ان' || t === 'انه' || t === 'انها' || t === 'بان' || t === 'بانه') {
            let end = nextCue;
            while (end > k + 1 && isPunct(doc.tokens[end - 1]!)) end--;
            // A bare particle (إن، أن، بأن) opens the reported clause; with a pronoun (إنه) it is its subject.
            const from = t === 'ان' || t === 'بان' ? k + 1 : k;
            // The next cue may cut an attribution in half ("…، بحسب ما | نقلت رويترز"): drop the stub too.
            const text = stripAttributionTail(slice(from, end)).replace(DANGLING_ATTRIBUTION, '');
            if (end - k >= MIN_WORDS && text.split(/\s+/u).length >= MIN_WORDS && balancedQuotes(text)) {
              out.push({ speaker, text });
              last = speaker;
            }
            break;
          }
        }
      }
    }
  }
  return out;
}
