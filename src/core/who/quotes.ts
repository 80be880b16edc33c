/**
 * What speakers are quoted saying: direct quotes after (or before) a speech verb, "مضيفا: …"
 * continuing the previous speaker, and indirect "قال X إن …" clauses.
 */
import { isPunct, type Doc, type TokenMention } from './doc.ts';
import { CONTINUATIONS, SPEECH_VERBS } from './lexicon.ts';

/** A quoted passage: token range of its content, end exclusive. */
interface Quote {
  s: number;
  e: number;
}

const OPEN: Record<string, string> = { '«': '»', '“': '”', '"': '"' };
const MIN_WORDS = 3;

/** Quoted passages inside each sentence (a straight quote opens, the next one closes). */
export function findQuotes(doc: Doc): Quote[] {
  const out: Quote[] = [];
  for (const { s, e } of doc.sentences) {
    for (let i = s; i < e; i++) {
      const close = OPEN[doc.tokens[i]!.text];
      if (!close) continue;
      let j = i + 1;
      while (j < e && doc.tokens[j]!.text !== close) j++;
      if (j >= e) break;
      const words = doc.tokens.slice(i + 1, j).filter((t) => !isPunct(t)).length;
      if (words >= MIN_WORDS) out.push({ s: i + 1, e: j });
      i = j;
    }
  }
  return out;
}

function cueKind(t: { norm: string }): 'verb' | 'cont' | undefined {
  const n = t.norm;
  if (SPEECH_VERBS.has(n) || (/^[وف]/.test(n) && SPEECH_VERBS.has(n.slice(1)))) return 'verb';
  if (CONTINUATIONS.has(n)) return 'cont';
  return undefined;
}

/** Speaker mention for a cue at token c: the first person/source/organization after it, else before it. */
function speakerFor(doc: Doc, c: number, limit: number, speakers: readonly TokenMention[]): TokenMention | undefined {
  const sent = doc.tokens[c]!.sentence;
  const after = speakers.find((m) => m.s > c && m.s < limit && doc.tokens[m.s]!.sentence === sent);
  if (after) return after;
  const before = speakers.filter((m) => m.e <= c && doc.tokens[m.s]!.sentence === sent);
  return before[before.length - 1];
}

/** Quotes attributed to speaker mentions: pairs of (speaker mention, quoted text). */
export function attributeQuotes(doc: Doc, mentions: readonly TokenMention[]): { speaker: TokenMention; text: string }[] {
  const speakers = mentions.filter((m) => m.type !== 'LOC');
  const out: { speaker: TokenMention; text: string }[] = [];
  const quotes = findQuotes(doc);
  const used = new Set<Quote>();
  let last: TokenMention | undefined;
  const slice = (s: number, e: number): string => doc.text.slice(doc.tokens[s]!.start, doc.tokens[e - 1]!.end).trim();
  for (const { s, e } of doc.sentences) {
    for (let c = s; c < e; c++) {
      const kind = cueKind(doc.tokens[c]!);
      if (!kind) continue;
      const q = quotes.find((x) => x.s > c && x.s < e && !used.has(x));
      let speaker: TokenMention | undefined;
      const n = doc.tokens[c]!.norm.replace(/^[وف]/, '');
      if (kind === 'cont') speaker = last;
      else speaker = speakerFor(doc, c, q ? q.s : e, speakers) ?? (n === 'اضاف' || n === 'تابع' ? last : undefined);
      if (!speaker) continue;
      if (q) {
        used.add(q);
        out.push({ speaker, text: slice(q.s, q.e) });
        last = speaker;
        continue;
      }
      // Indirect speech: "قال X إن …" — the clause from إن/أن to the end of the sentence.
      if (kind === 'verb') {
        for (let k = speaker.e; k < e && k <= speaker.e + 4; k++) {
          const t = doc.tokens[k]!.norm;
          if (t === 'ان' || t === 'انه' || t === 'انها' || t === 'بان' || t === 'بانه') {
            let end = e;
            while (end > k + 1 && isPunct(doc.tokens[end - 1]!)) end--;
            if (end - k >= MIN_WORDS) {
              out.push({ speaker, text: slice(k, end) });
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
