/**
 * Unnamed speaking sources (SRC): "متحدث باسم السفارة الأميركية", "مسؤول أمني عراقي", "مصدران
 * أمنيان", "شهود عيان". The description is the name; a later bare "المتحدث" refers back to the
 * last description with the same head kind.
 */
import { isPunct, wordFact, type Doc, type DocToken, type TokenMention } from './doc.ts';
import { dropLetters } from './names.ts';
import { isTitle } from './roles.ts';
import { isDefiniteAdjective } from './mentions.ts';
import { ATTRIBUTION, CONTINUATIONS, JUNK, PLACE_CUE_HEADS, SPEECH_VERBS, SRC_HEADS, SRC_MODIFIERS, TRIGGERS } from './lexicon.ts';

const LINKS = new Set(['باسم', 'في', 'من', 'داخل']);

/** The head kind of a token, looking through a leading و/ف/ل. */
function headKind(t: { norm: string }): string | undefined {
  return SRC_HEADS.get(t.norm) ?? (/^[وفل]/.test(t.norm) && t.norm.length > 3 ? SRC_HEADS.get(t.norm.slice(1)) : undefined);
}

/** {@link headKind}, kept per word. */
const headKindOf = wordFact(headKind);

function isIndefiniteAdjective(t: { norm: string; bare: string }): boolean {
  return !t.bare.startsWith('ال') && t.norm.length >= 4 && /(ي|ية|يان|يون|يين|يتان)$/.test(t.norm);
}

/** Whether a sentence has a speech verb, a continuation or an attribution cue. */
function speaks(doc: Doc, sentence: number): boolean {
  const { s, e } = doc.sentences[sentence]!;
  for (let i = s; i < e; i++) {
    const n = doc.tokens[i]!.norm;
    const n1 = n.slice(1);
    if (SPEECH_VERBS.has(n) || SPEECH_VERBS.has(n1) || CONTINUATIONS.has(n) || ATTRIBUTION.has(n) || ATTRIBUTION.has(n1)) return true;
  }
  return false;
}

/** Whether the token before or after i is a speech verb, a continuation or an attribution cue. */
function nextToSpeech(doc: Doc, i: number): boolean {
  const cue = (k: number): boolean => {
    const t = doc.tokens[k];
    if (!t || t.sentence !== doc.tokens[i]!.sentence) return false;
    const n1 = t.norm.slice(1);
    return SPEECH_VERBS.has(t.norm) || SPEECH_VERBS.has(n1) || CONTINUATIONS.has(t.norm) || ATTRIBUTION.has(t.norm) || ATTRIBUTION.has(n1);
  };
  return cue(i - 1) || cue(i + 1) || (doc.tokens[i - 1]?.norm === 'ما' && cue(i - 2));
}

/** End (exclusive) of the description that starts with the head at i; `named` are the article's named mentions. */
function descriptionEnd(doc: Doc, i: number, named: readonly TokenMention[]): number {
  const toks = doc.tokens;
  const sent = toks[i]!.sentence;
  let e = i + 1;
  while (e < toks.length && toks[e]!.sentence === sent && e - i < 8) {
    const t = toks[e]!;
    if (isPunct(t)) break;
    if (LINKS.has(t.norm)) {
      // A link word takes the noun after it and that noun's adjectives.
      const n = toks[e + 1];
      if (!n || n.sentence !== sent || isPunct(n)) break;
      // A named place or body after the link, and the town after it ("في مستشفى ناصر بخان يونس").
      // A place cue before it is left out of the place's mention ("في حي الشجاعية").
      const cue = n.forms.some((f) => TRIGGERS.loc.has(f) || PLACE_CUE_HEADS.has(f)) ? 1 : 0;
      const body = named.find((m) => m.s === e + 1 + cue && m.type !== 'PER');
      if (body) {
        const town = named.find((m) => m.s === body.e && m.type === 'LOC' && /^ب/.test(toks[m.s]!.norm));
        e = (town ?? body).e;
        break;
      }
      if (!n.bare.startsWith('ال')) {
        // Or an indefinite noun in construct with a definite one ("في شركة النفط الوطنية").
        const c = toks[e + 2];
        if (JUNK.has(n.norm) || !c || c.sentence !== sent || !c.bare.startsWith('ال') || JUNK.has(c.norm)) break;
        e++;
      }
      e += 2;
      // The noun's definite modifiers ("البيت الأبيض", "السفارة الأميركية"), at most two.
      // A title after them opens the name that follows ("… المصرية المستشار أحمد أبو زيد").
      for (let k = 0; k < 2 && e < toks.length && toks[e]!.sentence === sent && toks[e]!.norm.startsWith('ال') && !JUNK.has(toks[e]!.norm) && !isTitle(toks[e]!); k++) e++;
      break;
    }
    if (SRC_MODIFIERS.has(t.norm) || isIndefiniteAdjective(t)) {
      e++;
      continue;
    }
    break;
  }
  return e;
}

/** The token after an aside in brackets (at most five words) that opens at i, else i. */
export function bracketCloseAfter(toks: readonly DocToken[], i: number): number {
  if (toks[i]?.norm !== '(') return i;
  for (let k = i + 1; k < toks.length && k <= i + 6; k++) if (toks[k]!.norm === ')') return k + 1;
  return i;
}

/** Whether a person's name ends right before token i, or before a comma at i - 1. */
export function followsPerson(doc: Doc, i: number, named: readonly TokenMention[]): boolean {
  const prev = doc.tokens[i - 1];
  const comma = prev !== undefined && (prev.norm === '،' || prev.norm === ',');
  return named.some((m) => m.type === 'PER' && (m.e === i || (comma && m.e === i - 1)) && doc.tokens[m.s]!.sentence === doc.tokens[i]!.sentence);
}

/**
 * Whether a one-word "person" is an adjective of the description ending at e ("قائد ميداني", where
 * the tagger took ميداني for a name): an indefinite nisba inside the description is no name.
 */
export function isAdjectiveOfDescription(doc: Doc, m: TokenMention, e: number): boolean {
  return m.e - m.s === 1 && m.e <= e && isIndefiniteAdjective(doc.tokens[m.s]!);
}

/** SRC mentions, each labelled with its description; `named` are PER/ORG/LOC mentions already found. */
export function unnamedSources(doc: Doc, named: readonly TokenMention[]): TokenMention[] {
  const out: TokenMention[] = [];
  const lastByKind = new Map<string, TokenMention>();
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const kind = headKindOf(toks[i]!);
    if (!kind) continue;
    const e = descriptionEnd(doc, i, named);
    // A title right before a name ("المتحدث باسم الخارجية نيد برايس") is a role, not a source.
    let after = toks[e]?.norm === '،' || toks[e]?.norm === ',' ? e + 1 : e;
    // An aside in brackets may come between ("المتحدث باسم وزارة الدفاع الأمريكية (البنتاغون) آدم ستامب").
    after = bracketCloseAfter(toks, after);
    // The body's adjective and a rank or honorific may come between ("قائد الجيش اللبناني العماد رودولف هيكل").
    while (toks[after] && toks[after]!.sentence === toks[i]!.sentence && (isTitle(toks[after]!) || isDefiniteAdjective(toks[after]!)) && after - e < 3) after++;
    // Unless the description ends on a title whose holder that name is ("متحدث باسم رئيس الوزراء البلجيكي شارل ميشال").
    const ofTitle = toks.slice(i + 1, e - 1).some((t, k) => LINKS.has(t.norm) && isTitle(toks[i + 2 + k]!));
    if (!ofTitle && named.some((m) => m.type === 'PER' && m.s >= i && m.s <= after && !isAdjectiveOfDescription(doc, m, e))) continue;
    if (named.some((m) => m.s <= i && i < m.e)) continue;
    // Nor is a description right after a name, its apposition ("سامي أبو زهري الناطق باسم حركة حماس").
    if (followsPerson(doc, i, named)) continue;
    if (!speaks(doc, toks[i]!.sentence)) continue;
    const definite = toks[i]!.bare.startsWith('ال');
    // A bare head ("سكان", "مصدر") is a source only right next to its speech verb or attribution.
    if (e === i + 1 && !definite && !nextToSpeech(doc, i)) continue;
    // "قائد" alone heads a title ("قائد المنتخب", "قائد الجيش"); only described ("قائد ميداني") is it a source.
    if (e === i + 1 && kind === 'officer') continue;
    if (definite && e === i + 1) {
      const prev = lastByKind.get(kind);
      if (prev) out.push({ type: 'SRC', s: i, e, label: prev.label! });
      i = e - 1;
      continue;
    }
    // The label starts at the head itself, without a glued و/ف/ل ("ومصادر" → "مصادر").
    const glued = SRC_HEADS.has(toks[i]!.norm) ? 0 : 1;
    const label = dropLetters(doc.text.slice(toks[i]!.start, toks[e - 1]!.end), glued);
    const m: TokenMention = { type: 'SRC', s: i, e, label };
    out.push(m);
    lastByKind.set(kind, m);
    i = e - 1;
  }
  return out;
}
