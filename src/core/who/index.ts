/** Who's who: entity mentions, entities with aliases, roles and quotes, and cited sources. */
import type { Mention, Sentence, WhoEntry } from '../types.ts';
import { buildDoc, type Doc, type DocToken, type TokenMention } from './doc.ts';
import { byCentrality, groupMentions } from './entities.ts';
import { isDemonym, namedMentions, properNameSpan } from './mentions.ts';
import { knownForms } from './names.ts';
import { FIRST_NAMES, NAMING_CONSTRUCT_HEADS, STOPWORDS, isGazPlace } from './lexicon.ts';
import { normalize } from '../text/normalize.ts';
import { attributeQuotes } from './quotes.ts';
import { isTitle, roleAt, withoutOwnName } from './roles.ts';
import { titleReferent } from './referents.ts';
import { shippedTagger, type Tagger } from './tagger.ts';
import { findSources } from './sources.ts';
import { unnamedSources } from './unnamed.ts';
import { dictionaryClass, isYaOfWord } from './dictionary.ts';

/** The who part of the analysis. */
export interface WhoResult {
  mentions: Mention[];
  who: WhoEntry[];
  sources: string[];
}

/**
 * Whether a descriptive organization said once names one body: a body only described ("اللجنة
 * الوطنية", "المركز التجاري") with no nationality to tell which says too little to list;
 * "الحكومة التونسية", a head in construct ("وزارة الدفاع الوطني", "مجلس نواب الشعب"), a head with
 * two adjectives ("الجيش الوطني الشعبي") or with the complement that tells its field ("المعهد
 * الوطني للإحصاء") names it.
 */
export function namesItsBody(doc: Doc, m: TokenMention): boolean {
  const words = doc.tokens.slice(m.s, m.e);
  return words.length >= 3 || words.some((t) => isDemonym(t)) || isNamingConstruct(words);
}

/** A ministry in construct with its field ("وزارة الداخلية", "وزارة الفلاحة"): one body of the country. */
export function isNamingConstruct(words: readonly DocToken[]): boolean {
  const [head, field] = words;
  return words.length === 2 && NAMING_CONSTRUCT_HEADS.has(head!.bare) && field!.norm.startsWith('ال');
}

/**
 * A place the tagger glued to the front of a name after a title ("محافظ عدن أحمد حامد لملس", "والي
 * الخرطوم …"): the title's place, a LOC of its own, and the person after it. Only a gazetteer place
 * that is no given name, before two more words.
 */
export function withPlaceOffNames(doc: Doc, mentions: readonly TokenMention[]): TokenMention[] {
  const out: TokenMention[] = [];
  for (const m of mentions) {
    const first = doc.tokens[m.s]!;
    const title = doc.tokens[m.s - 1];
    // Or a place after ب at the end of the title ("المدير الجهوي للصحة بصفاقس عبد الرزاق بوزيد").
    const afterBa = /^ب/u.test(first.norm) && isGazPlace(first.norm.slice(1)) && !FIRST_NAMES.has(first.norm.slice(1));
    const glued = m.type === 'PER' && m.e - m.s >= 3 && title !== undefined && ((isTitle(title) && isGazPlace(first.norm)) || afterBa) && !FIRST_NAMES.has(first.norm);
    if (!glued) {
      out.push(m);
      continue;
    }
    out.push({ type: 'LOC', s: m.s, e: m.s + 1 }, { ...m, s: m.s + 1 });
  }
  return out;
}

/** Whether a name is one function word ("الذي", "إلى"), not a letter of an acronym ("أ ف ب"): no entity. */
export function onlyFunctionWords(name: string): boolean {
  const words = normalize(name).split(/\s+/u).filter(Boolean);
  return words.length === 1 && words[0]!.length >= 3 && STOPWORDS.has(words[0]!);
}

/** Whether a person's every mention is one word that is a known given name ("يوسف", "شون"). */
export function isLoneGivenName(doc: Doc, mentions: readonly TokenMention[]): boolean {
  return mentions.every((m) => m.e - m.s === 1 && [doc.tokens[m.s]!.norm, doc.tokens[m.s]!.bare].some((w) => FIRST_NAMES.has(w)));
}

/** Whether a token is a given name, with its clitics off. */
function isGivenNameToken(t: DocToken): boolean {
  return t.forms.some((f) => FIRST_NAMES.has(f));
}

/** An indefinite ordinary word: a word of the list, or one in ي on a word of it ("سلفي", "ميسوري"). */
function isIndefiniteOrdinary(t: DocToken): boolean {
  return !t.bare.startsWith('ال') && (isYaOfWord(t.norm) || dictionaryClass(t.norm) === 'common');
}

/**
 * Whether a mention is a phrase of one or two ordinary words and no name: no given name in it or
 * right before it, no title in the two words before it, indefinite words of the list and at least
 * one in ي on a word of it ("سلفي تكفيري", "وشعير علفي", "كيس بلاستيكي", "هيكلي"), or such a word in
 * construct with a definite one ("ميسوري الحال"). A family name cut off its given name ("عبير
 * موسي") or after a rank ("الرقيب أول آمان ثامري") stays a name.
 */
export function isOrdinaryWordPhrase(doc: Doc, m: TokenMention): boolean {
  const words = doc.tokens.slice(m.s, m.e);
  const [first, second] = words;
  if (!first || words.length > 2 || words.some(isGivenNameToken) || !isIndefiniteOrdinary(first)) return false;
  const before = [doc.tokens[m.s - 1], doc.tokens[m.s - 2]].filter((t): t is DocToken => t !== undefined && t.sentence === first.sentence);
  if (before.some((t) => isGivenNameToken(t) || isTitle(t))) return false;
  if (!second) return isYaOfWord(first.norm);
  if (second.bare.startsWith('ال')) return /ي$/u.test(first.stem) && isYaOfWord(first.norm) && dictionaryClass(second.norm) === 'common';
  return isIndefiniteOrdinary(second) && (isYaOfWord(first.norm) || isYaOfWord(second.norm));
}

/** Finds entity mentions and groups them into entities, with `tagger` (default: the shipped model's). */
export function analyzeWho(text: string, sentences: Sentence[], tagger: Tagger = shippedTagger()): WhoResult {
  const doc = buildDoc(text, sentences);
  const cited = findSources(doc);
  const named = withPlaceOffNames(doc, namedMentions(doc, cited.mentions, tagger));
  const src = unnamedSources(doc, named);
  // A word the tagger took for a name inside an unnamed source's description is the description's ("قائد ميداني").
  const inSource = (m: TokenMention): boolean => m.type === 'PER' && src.some((x) => x.s <= m.s && m.e <= x.e);
  const all: TokenMention[] = [...named.filter((m) => !inSource(m)), ...src].sort((a, b) => a.s - b.s);
  const isKnown = knownForms(new Set(doc.tokens.map((t) => t.norm)), tagger.model.known);
  const groups = groupMentions(doc, all, isKnown).filter((g) => g.type !== 'ORG' || g.mentions.length > 1 || !g.mentions[0]!.descriptive || namesItsBody(doc, g.mentions[0]!));

  const groupOf = new Map<TokenMention, (typeof groups)[number]>();
  for (const g of groups) for (const m of g.mentions) groupOf.set(m, g);
  const roleOf = new Map<(typeof groups)[number], string>();
  for (const g of groups) {
    if (g.type !== 'PER') continue;
    for (const m of g.mentions) {
      const role = withoutOwnName(roleAt(doc, m, all, isKnown), g.words);
      if (role) {
        roleOf.set(g, role);
        break;
      }
    }
  }
  const said = new Map<(typeof groups)[number], string[]>();
  const referent = titleReferent(doc, groups, roleOf);
  const roleOfMention = (m: TokenMention): string | undefined => {
    const g = groupOf.get(m);
    return g ? roleOf.get(g) : undefined;
  };
  for (const { speaker, text: quote } of attributeQuotes(doc, all, referent, roleOfMention)) {
    const g = groupOf.get(speaker);
    if (!g) continue;
    const list = said.get(g) ?? [];
    // The same passage reached from two cues is kept once, in its longer form.
    const k = list.findIndex((x) => x.startsWith(quote) || quote.startsWith(x));
    if (k < 0) list.push(quote);
    else if (quote.length > list[k]!.length) list[k] = quote;
    said.set(g, list);
  }

  // A given name alone, with no role and no words, tells the reader nobody ("يوسف" cut off
  // "حكومة يوسف الشاهد"): it stays among the mentions but not in the who list.
  // Nor is a name made only of function words ("الذي" between two quotation marks) anybody.
  // A phrase of ordinary words with no role and no words ("سلفي تكفيري") is nobody, and no mention either.
  const ordinary = new Set(groups.filter((g) => g.type === 'PER' && !roleOf.has(g) && !said.has(g) && g.mentions.every((m) => isOrdinaryWordPhrase(doc, m))));
  const listed = groups.filter((g) => !ordinary.has(g) && !(g.type === 'PER' && !roleOf.has(g) && !said.has(g) && isLoneGivenName(doc, g.mentions)) && !onlyFunctionWords(g.name));
  const entries = listed.map((g) => {
    const entry: WhoEntry = {
      name: g.name,
      type: g.type,
      role: roleOf.get(g) ?? '',
      aliases: [...g.forms.values()].filter((f) => f !== g.name),
      mentions: g.mentions.map((m) => ({ start: doc.tokens[m.s]!.start, end: doc.tokens[m.e - 1]!.end })),
      said: said.get(g) ?? [],
    };
    return { entry, first: g.mentions[0]!.s };
  });

  const mentions: Mention[] = all
    // Proper names only, as ANERcorp tags them: descriptive organizations stay in the who list.
    .filter((m) => groupOf.has(m) && !ordinary.has(groupOf.get(m)!) && !m.descriptive)
    .map((m) => {
      const type = groupOf.get(m)!.type;
      const p = properNameSpan(doc, { ...m, type });
      const start = doc.tokens[p.s]!.start;
      const end = doc.tokens[p.e - 1]!.end;
      return { start, end, type, text: text.slice(start, end) };
    });
  return { mentions, who: byCentrality(doc, entries), sources: cited.sources };
}
