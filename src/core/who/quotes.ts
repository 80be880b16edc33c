/**
 * What speakers are quoted saying: direct quotes after (or before) a speech verb, "مضيفا: …"
 * continuing the previous speaker, and indirect "قال X إن …" clauses.
 */
import { isPunct, wordFact, type Doc, type DocToken, type TokenMention } from './doc.ts';
import { ACCORDING_TO, BY_SAYING, COMMENTING_WORDS, CONTINUATIONS, FIRST_NAMES, GOES_ON_VERBS, JUNK, isGazPlace, KINSHIP_WORDS, MEDIA_HEADS, ORG_HEADS, PRESS_ADDRESSEES, REPLIED_TO, REPLY_VERBS, SAYING_BY_VERBS, SPEECH_VERBS, SRC_HEADS, WORK_NOUNS, normSet } from './lexicon.ts';
import quoteCues from '../lexicon/who/quote-cues.json' with { type: 'json' };
import { normalize } from '../text/normalize.ts';
import { dictionaryClass } from './dictionary.ts';
import { stripAttributionTail } from '../brief.ts';
import { isTitle, isTitleAfterBa } from './roles.ts';
import { afterTitle } from './mentions.ts';
import { outletsStartingAt } from './sources.ts';

/** An attribution cut before its source: "، بحسب ما", "، حسب", "، وفقًا لما", "، كما". */
const DANGLING_ATTRIBUTION = /[\s،,]*(?:ب?حسب(?:ما|\s+ما)?|وفق[اًً]*(?:\s+لما|\s+ما)?|كما)\s*$/u;

/** Whether every quotation mark in `text` is closed (a reported clause cut inside a quote is not shown). */
export function balancedQuotes(text: string): boolean {
  return countOf(text, /"/gu) % 2 === 0 && countOf(text, /«/gu) === countOf(text, /»/gu) && countOf(text, /“/gu) === countOf(text, /”/gu);
}

/** How many times `re` (global) matches in `text`. */
function countOf(text: string, re: RegExp): number {
  return (text.match(re) ?? []).length;
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
// After a colon a run of two or three words is what was said ("قال: «سنعيد بناء جيشنا»").
const MIN_WORDS_AFTER_COLON = 2;
/** Particles that open a reported clause ("قال إن …", "أكد أنه …"). */
const REPORT_OPENERS = new Set(['ان', 'انه', 'انها', 'بان', 'بانه']);
const MAX_QUOTE = 200;

/** Verbs with an object pronoun by which an outlet carried somebody else's words ("بيان نشرته وكالة …"), normalized. */
const CARRIERS = normSet(quoteCues.carriers);
/** Words before a platform's name that make it where words were posted ("على موقع التواصل الاجتماعي"), normalized. */
const SITE_WORDS = normSet(quoteCues.siteWords);
/** Words for a counterpart that head a person's description like a title ("مع نظيره الأردني …"), normalized. */
const PEERS = normSet(quoteCues.peers);
/** Prepositions before a person's description that make the person one spoken with or about ("مع رئيس الحكومة …"), normalized. */
const GOVERNING = normSet(quoteCues.governingPrepositions);
/** Words after which a quoted run is a title, slogan or topic, not words said ("بعنوان", "شعار", "حول"), normalized. */
const TITLE_INTROS = normSet(quoteCues.titleIntros);
/** Written texts that may stand as a speech verb's subject ("البيان", "دراسة"), normalized. */
const DOCUMENTS = normSet(quoteCues.documents);
/** Words that join a document to the body that issued it ("صادر عن", "ل"), normalized. */
const ISSUED_BY = normSet(quoteCues.issuedBy);
/** Relative pronouns ("الذي", "التي"), normalized. */
const RELATIVES = normSet(quoteCues.relatives);
/** Prepositions with a pronoun between a verb and its own subject ("قال فيه الأخير"), normalized. */
const PRONOUN_PREPOSITIONS = normSet(quoteCues.pronounPrepositions);
/** Nouns of time that follow a verb without being its subject ("قال الأسبوع الماضي إن"), normalized. */
const TIME_NOUNS = normSet(quoteCues.timeNouns);
/** Nouns for one who speaks for a person named after them ("محامي مبارك"), normalized. */
const AGENTS_OF = normSet(quoteCues.agentsOf);
/** Verbs of denying ("نفى", "تنفي"), normalized. */
const DENIALS = normSet(quoteCues.denials);
/** A verb of passing words on ("نقلت", "ونقل", "تنقل"), normalized. */
const PASSING_ON = /^[وف]?[يت]?نقل/u;
/** Words by which an outlet cites somebody ("نقلت تاس عن …", "نقلا عن"), normalized. */
const CITING = normSet(quoteCues.citing);
const QUOTE_REACH = 25;
/** The noun of saying after whom an outlet cites ("عن تميم قوله"), normalized. */
const CITED_SAYING = normSet(quoteCues.citedSaying);
/** Prepositions before the one cited ("عن", "إلى"), normalized. */
const CITED_FROM = normSet(quoteCues.citedFrom);
/** Words before the noun of saying that make it the speaker's own aside ("على حد قوله"), normalized. */
const OWN_SAYING = normSet(quoteCues.ownSaying);
/** How far (in tokens) the cited one's name may run between "عن" and "قوله". */
const CITED_REACH = 5;

/**
 * Whether the sentence from s to e cites somebody through an outlet ("نقلت الوكالات عن تميم قوله إن …",
 * "نسبت الوكالات إلى تميم قوله"): "قوله" with "عن"/"إلى" a few words before it and no mark between.
 */
export function citesSomebody(doc: Doc, s: number, e: number): boolean {
  for (let i = s + 1; i < e; i++) {
    if (!CITED_SAYING.has(doc.tokens[i]!.norm) || OWN_SAYING.has(doc.tokens[i - 1]!.norm)) continue;
    for (let k = i - 2; k >= s && k >= i - 1 - CITED_REACH && !isPunct(doc.tokens[k]!); k--) if (CITED_FROM.has(doc.tokens[k]!.norm)) return true;
  }
  return false;
}

/**
 * Whether the straight quotation mark at token i can only close a quote: glued to the word before it
 * with a space or a mark after it ('… صلبها" قائلة ان "…'). A stray one opens nothing, so the quotes
 * after it keep their pairs.
 */
function closesOnly(doc: Doc, i: number): boolean {
  const t = doc.tokens[i]!;
  if (t.text !== '"' || t.start === 0) return false;
  const before = doc.text[t.start - 1]!;
  const after = doc.text[t.end];
  return !/\s/u.test(before) && (after === undefined || /[\s.,،؛:)]/u.test(after));
}

/** Whether the straight quotation mark at token i can only open a quote: right after a colon ('فقال: "…'). */
function opensOnly(doc: Doc, i: number): boolean {
  return doc.tokens[i]!.text === '"' && doc.tokens[i - 1]?.norm === ':';
}

/** Quoted passages (a straight quote opens, the next one closes); a quote may run over sentence ends. */
export function findQuotes(doc: Doc): Quote[] {
  const out: Quote[] = [];
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const close = OPEN.get(toks[i]!.text);
    if (!close || closesOnly(doc, i)) continue;
    let j = i + 1;
    while (j < toks.length && j - i < MAX_QUOTE && toks[j]!.text !== close) j++;
    if (j >= toks.length || toks[j]!.text !== close) continue;
    // A straight mark right after a colon opens ('فقال: "…"'): the one before it was stray and opens nothing.
    if (opensOnly(doc, j)) {
      i = j - 1;
      continue;
    }
    let words = 0;
    for (let k = i + 1; k < j && words < MIN_WORDS; k++) if (!isPunct(toks[k]!)) words++;
    const least = toks[i - 1]?.norm === ':' ? MIN_WORDS_AFTER_COLON : MIN_WORDS;
    if (words >= least) out.push({ s: i + 1, e: j });
    i = j;
  }
  return out;
}

/** Whether a word may be a cue at all: what every kind of cue in {@link cueAt} asks of the word itself. */
const mayCue = wordFact(
  (w) => REPLY_VERBS.has(w.norm) || COMMENTING_WORDS.has(w.norm) || ACCORDING_TO.has(w.norm) || isSayingByVerb(w.norm) || cueKind(w) !== undefined,
);

/** The kind of cue at token i: a speech verb, a reply with its object, or a continuation ("مضيفا"). */
function cueAt(doc: Doc, i: number): 'verb' | 'cont' | undefined {
  const t = doc.tokens[i]!;
  if (!mayCue(t)) return undefined;
  if (REPLY_VERBS.has(t.norm) && REPLIED_TO.has(doc.tokens[i + 1]?.norm ?? '')) return 'verb';
  // "معلقا بالقول …", "معلقة: «…»", not "معلقا على النجاح …".
  const next = doc.tokens[i + 1];
  if (COMMENTING_WORDS.has(t.norm) && next !== undefined && (next.norm === 'بالقول' || next.norm === ':' || OPEN.has(next.text))) return 'cont';
  if (accordingToAt(doc, i) !== undefined || saysByWordAt(doc, i) !== undefined) return 'verb';
  return cueKind(t);
}

/** A verb of commenting or closing that "بالقول" may follow ("اكتفى", "وعلق"), normalized. */
function isSayingByVerb(norm: string): boolean {
  return SAYING_BY_VERBS.has(norm) || (/^[وف]/u.test(norm) && SAYING_BY_VERBS.has(norm.slice(1)));
}

/** How far (in tokens) "بالقول" may stand from its verb: the subject's title and name lie between. */
const BY_SAYING_REACH = 8;

/**
 * Whether token i is a verb of commenting or closing ("اكتفى", "وعلق", "واختتمت") whose words
 * "بالقول"/"بقوله" brings in the same sentence, before any other cue ("اكتفى المدرب روجي لومار
 * بالقول: «…»"): the index of "بالقول"; without it the verb reports nothing ("اكتفت الجلسة بعرض التقرير").
 */
export function saysByWordAt(doc: Doc, i: number): number | undefined {
  const t = doc.tokens[i]!;
  if (!isSayingByVerb(t.norm)) return undefined;
  for (let k = i + 1; k < doc.tokens.length && k <= i + BY_SAYING_REACH; k++) {
    const w = doc.tokens[k]!;
    if (w.sentence !== t.sentence || cueKind(w) !== undefined) return undefined;
    if (BY_SAYING.has(w.norm)) return k;
  }
  return undefined;
}

/** Whether quote q opens right after "بالقول" at b, a colon maybe between ("بالقول: «…»"): a quote further on is not what it brings in. */
function opensAfter(doc: Doc, b: number, q: Quote): boolean {
  const mark = q.s - 1;
  return mark === b + 1 || (mark === b + 2 && doc.tokens[b + 1]!.norm === ':');
}

function cueKind(t: { norm: string }): 'verb' | 'cont' | undefined {
  const n = t.norm;
  if (SPEECH_VERBS.has(n) || (/^[وف]/.test(n) && SPEECH_VERBS.has(n.slice(1)))) return 'verb';
  if (CONTINUATIONS.has(n)) return 'cont';
  return undefined;
}

/** "فإن" after the source: the reported clause follows, normalized. */
const SO_THAT = 'فان';
/** How far (in tokens) "فإن" may stand from the "بحسب" that opens the sentence. */
const ACCORDING_REACH = 16;

/**
 * "وبحسب X، فإن …" with "بحسب" at token i opening its sentence: the index of "فإن" after a comma,
 * before any speech verb ("بحسب ما قال …" is that verb's), else undefined.
 */
export function accordingToAt(doc: Doc, i: number): number | undefined {
  const t = doc.tokens[i];
  if (!t || !ACCORDING_TO.has(t.norm) || doc.sentences[t.sentence]?.s !== i) return undefined;
  for (let k = i + 1; k < doc.tokens.length && k <= i + ACCORDING_REACH; k++) {
    const w = doc.tokens[k]!;
    if (w.sentence !== t.sentence || cueKind(w) !== undefined || w.norm === 'ما' || w.norm === 'لما') return undefined;
    const prev = doc.tokens[k - 1]!.norm;
    if (w.norm === SO_THAT && (prev === '،' || prev === ',')) return k;
  }
  return undefined;
}

/** Words that may open a sentence before its subject ("وكان المرصد …", "من جهته، الوزير …"), normalized. */
const SUBJECT_LEADS = new Set(['كان', 'وكان', 'كانت', 'وكانت', 'قد', 'وقد', 'سبق', 'وسبق', 'فيما', 'بينما', 'كما', 'ثم', 'لكن', 'ولكن', 'من', 'جهته', 'جهتها', 'جانبه', 'جانبها', 'بدوره', 'بدورها', 'وبدوره', 'وبدورها', 'ناحيته', 'ناحيتها']);

/**
 * The subject before a verb cue at token c ("وكان المرصد السوري … أعلن أن", "وكان وزير الداخلية
 * الجزائري نور الدين بدوي، الذي …، قد صرح"): the sentence's first speaker when only opening words
 * and its title come before it (a person named after it and a comma holds that title: "نائب مدير
 * سكوتلاند يارد، مارك رولي"), else the nearest one, unless a preposition governs it ("المعارض
 * لبشار الأسد أعلن").
 */
function subjectBefore(doc: Doc, c: number, speakers: readonly TokenMention[]): TokenMention | undefined {
  const sent = doc.tokens[c]!.sentence;
  const inSentence = speakers.filter((m) => m.e <= c && doc.tokens[m.s]!.sentence === sent);
  // A body a title governs is part of the subject's title ("وكان مدير المرصد السوري لحقوق الإنسان
  // رامي عبد الرحمن أعلن"): its holder speaks, or nobody named.
  const before = inSentence.filter((m) => !titledBody(doc, m));
  let first = before[0];
  const start = doc.sentences[sent]?.s ?? 0;
  const inTitle = (k: number): boolean => inSentence.some((m) => m.s <= k && k < m.e && titledBody(doc, m));
  const opening = (t: DocToken, k: number): boolean => isPunct(t) || SUBJECT_LEADS.has(t.norm) || isTitle(t) || t.bare.startsWith('ال') || t.norm.length <= 1 || inTitle(start + k);
  if (first && doc.tokens.slice(start, first.s).every(opening)) {
    const holder = before[1];
    if (holder && holder.type === 'PER' && holder.s - first.e <= 2 && isPunct(doc.tokens[first.e]!)) first = holder;
    return first;
  }
  // A verb joined by و to a sentence opened by a speech verb and its subject has that subject
  // ("وأعلن ترامب أنه تغير … وانتقد منافسته هيلاري كلينتون … وقال إنه …" is Trump's).
  if (first && sharesOpeningSubject(doc, c, start, first)) return first;
  // Else the nearest name before the verb, unless a preposition governs it ("المعارض لبشار الأسد أعلن").
  const near = before[before.length - 1];
  if (!near) return undefined;
  const head = doc.tokens[near.s]!;
  const prev = doc.tokens[near.s - 1];
  // A verb with ف ("…، فقال: …") goes on from the sentence's own subject, never the reported clause's
  // ("وأكد غوتيريس أن الأمم المتحدة ترغب في سماع …، فقال: …").
  const reported = prev !== undefined && REPORT_OPENERS.has(prev.norm) && doc.tokens[c]!.norm.startsWith('ف');
  const governed = reported || (/^[لبك]/.test(head.norm) && head.bare !== head.norm) || (prev !== undefined && PREPOSITIONS.has(prev.norm)) || notSpeakerHere(doc, near) || (near.type === 'PER' && describedAsOther(doc, near, start - 1));
  return governed ? undefined : near;
}

/**
 * Whether the cue at c is a verb joined by و ("وقال") in a sentence that opens with a speech verb
 * whose subject, the mention `first`, follows it at once ("وأعلن ترامب …"): the cue has that subject.
 */
export function sharesOpeningSubject(doc: Doc, c: number, start: number, first: TokenMention): boolean {
  const cue = doc.tokens[c]!;
  const opener = doc.tokens[start];
  // The verb names no subject of its own: what follows it is the reported clause, a mark or a preposition
  // ("وقالت المنظمة إن …" is the organization's).
  const next = doc.tokens[c + 1];
  const subjectless = next !== undefined && (REPORT_OPENERS.has(next.norm) || isPunct(next) || PREPOSITIONS.has(next.norm) || cueKind(next) === 'cont');
  const near = c > first.e && c - first.e <= OPENING_REACH;
  // The opener may be any verb with its subject right after it ("وانتقد ترامب منافسته …، وتابع قائلا …").
  return near && subjectless && /^و/.test(cue.norm) && first.s === start + 1 && opener !== undefined && (cueKind(opener) === 'verb' || opensWithVerb(opener));
}

/** How far (in tokens) a joined verb may stand from the sentence's opening subject. */
const OPENING_REACH = 30;

/** Prepositions before where words were said, whose object is never the speaker ("على تويتر"), normalized. */
const WHERE_SAID = new Set(['في', 'على', 'عبر']);
/** Whether a preposition of where words were said governs the mention, quotation marks between them ("على "الجوهرة أف أم""). */
export function saidOn(doc: Doc, m: TokenMention): boolean {
  let k = m.s - 1;
  while (k >= 0 && k >= m.s - 2 && OPEN.has(doc.tokens[k]!.text)) k--;
  return WHERE_SAID.has(doc.tokens[k]?.norm ?? '');
}

/** Prepositions of whom words were said with or before ("في مقابلة مع صحيفة …", "أمام البرلمان"), normalized. */
const WITH_WHOM = new Set(['مع', 'امام']);

/**
 * Whether "مع" or "أمام" governs the mention, maybe through the noun it names and quotation marks
 * ("قالت في مقابلة مع صحيفة "فايننشال تايمز" إنها …", "في حوار مع قناة الجزيرة"): who was spoken
 * with is no speaker.
 */
export function withWhom(doc: Doc, m: TokenMention): boolean {
  let k = m.s - 1;
  while (k >= 0 && k >= m.s - 2 && OPEN.has(doc.tokens[k]!.text)) k--;
  const prev = doc.tokens[k];
  if (prev === undefined) return false;
  if (WITH_WHOM.has(prev.norm)) return true;
  return ORG_HEADS.has(prev.norm) && WITH_WHOM.has(doc.tokens[k - 1]?.norm ?? '');
}

/** Prepositions whose object is no subject, normalized. */
const PREPOSITIONS = new Set(['في', 'من', 'الى', 'على', 'عن', 'مع', 'ضد', 'لدى', 'حول', 'بين', 'عند', 'نحو', 'امام', 'خلف', 'بعد', 'قبل', 'منذ', 'عبر', 'تجاه']);

/**
 * The speaker of a continuation ("…، مضيفا", "… قائلا"), which tells how the sentence's subject
 * spoke: the subject right after the verb opening the sentence ("وشن الأسد هجوما على تنظيم الإخوان
 * المسلمين قائلا …" is al-Assad's), else the nearest speaker mention before token c in its sentence.
 */
function speakerBefore(doc: Doc, c: number, speakers: readonly TokenMention[]): TokenMention | undefined {
  const sent = doc.tokens[c]!.sentence;
  const start = doc.sentences[sent]?.s ?? 0;
  const before = speakers.filter((m) => m.e <= c && doc.tokens[m.s]!.sentence === sent && !notSpeakerHere(doc, m) && !titledBody(doc, m) && !(m.type === 'PER' && describedAsOther(doc, m, start - 1)));
  const first = before[0];
  const opener = doc.tokens[start]!;
  if (first && first.s === start + 1 && opensWithVerb(opener)) return first;
  const near = before[before.length - 1];
  // A sentence whose verb has a title for its subject ("طالبت الأمينة العامة لحزب … فلانة، الإدارة
  // التونسية بـ…، قائلة …") speaks through that title's holder: a body named later is its object.
  const titledSubject = opensWithVerb(opener) && doc.tokens[start + 1] !== undefined && isTitle(doc.tokens[start + 1]!);
  if (near && near.type === 'ORG' && titledSubject) return undefined;
  return near && !objectOfPreposition(doc, near) ? near : undefined;
}

/** Whether a preposition governs the mention, alone or through a noun in construct ("على تنظيم الإخوان"). */
function objectOfPreposition(doc: Doc, m: TokenMention): boolean {
  const head = doc.tokens[m.s]!;
  // A preposition glued to the name ("بنداء تونس", "لبرهان بسيس").
  if (/^[لبك]/u.test(head.norm) && head.bare !== head.norm) return true;
  const prev = doc.tokens[m.s - 1];
  const prev2 = doc.tokens[m.s - 2];
  if (prev === undefined) return false;
  return PREPOSITIONS.has(prev.norm) || (prev2 !== undefined && PREPOSITIONS.has(prev2.norm) && !prev.bare.startsWith('ال') && !isPunct(prev));
}

/** Whether a sentence's first word may be its verb: a word with no article that is no preposition, title or mark. */
function opensWithVerb(t: DocToken): boolean {
  return !isPunct(t) && !t.bare.startsWith('ال') && !PREPOSITIONS.has(t.norm) && !SUBJECT_LEADS.has(t.norm) && !isTitle(t) && t.norm.length >= 3;
}

/**
 * A mention governed by the preposition ل, as the one spoken to: "لـ"الجوهرة"", "لـ الشرق الأوسط",
 * "لوكالة فرانس برس", "للصحفيين". Quotation marks may stand between the preposition and the name.
 */
export function isAddressee(doc: Doc, m: TokenMention): boolean {
  const first = doc.tokens[m.s]!;
  if (first.text.startsWith('لـ') || (first.norm.startsWith('لل') && first.norm.length > 4)) return true;
  // A glued ل before an organization's head noun ("لوكالة", "لصحيفة"); "لبنان" and "لجنة" keep theirs.
  if (m.type !== 'PER' && first.norm.startsWith('ل') && ORG_HEADS.has(first.norm.slice(1))) return true;
  // A known outlet with a glued ل ("وقال لرويترز إن …").
  if (m.type !== 'PER' && first.norm.startsWith('ل') && outletsStartingAt(first).some((o) => o.tokens[0] === first.norm.slice(1))) return true;
  let k = m.s - 1;
  while (k >= 0 && isPunct(doc.tokens[k]!) && doc.tokens[k]!.norm !== '،' && doc.tokens[k]!.norm !== ',' && doc.tokens[k]!.norm !== ':') k--;
  const prev = doc.tokens[k];
  if (prev === undefined || k >= m.s) return false;
  // "لـ", or a glued ل before the head noun left out of the name ("لوكالة" الأناضول), or the
  // correspondent spoken to ('في تصريح لمراسل "الجوهرة أف أم"').
  const glued = prev.norm.startsWith('ل') && ORG_HEADS.has(prev.norm.slice(1)) && marksOnlyBetween(doc, k, m.s);
  // 'لوكالة الأنباء الرسمية "وات"': the outlet's own name after its head and adjectives.
  if (gluedMediaBefore(doc, m)) return true;
  return prev.norm === 'ل' || prev.text === 'لـ' || glued || PRESS_ADDRESSEES.has(prev.norm);
}

/** Whether an outlet's name follows its head noun with a glued ل and adjectives ('لوكالة الأنباء الرسمية "وات"', 'لصحيفة "الخبر"'). */
function gluedMediaBefore(doc: Doc, m: TokenMention): boolean {
  for (let k = m.s - 1; k >= 0 && k >= m.s - 5; k--) {
    const t = doc.tokens[k]!;
    if (t.norm.startsWith('ل') && MEDIA_HEADS.has(t.norm.slice(1))) return true;
    if (!(OPEN.has(t.text) || t.bare.startsWith('ال'))) return false;
  }
  return false;
}

/** Whether only quotation marks stand between tokens a and b ('لوكالة "الأناضول"'). */
function marksOnlyBetween(doc: Doc, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (!OPEN.has(doc.tokens[k]!.text)) return false;
  return true;
}

/** The token before a mention, past quotation marks ('وكالة "فارس"'), and its index. */
function wordBefore(doc: Doc, m: TokenMention): { k: number; t: DocToken | undefined } {
  let k = m.s - 1;
  while (k >= 0 && OPEN.has(doc.tokens[k]!.text)) k--;
  return { k, t: doc.tokens[k] };
}

/**
 * Whether an outlet only carried somebody else's words ('بيان نشرته وكالة الأنباء الجزائرية', 'حسب
 * ما أوردته صحيفة "الشروق"'): a verb with its object pronoun right before it, maybe through its head noun.
 */
export function carriedBy(doc: Doc, m: TokenMention): boolean {
  const { k, t } = wordBefore(doc, m);
  // A body that published its own words ("بلاغ نشره البنك العالمي") speaks.
  if (t === undefined || !isOutlet(doc, m)) return false;
  if (CARRIERS.has(t.norm)) return true;
  return MEDIA_HEADS.has(t.norm) && CARRIERS.has(doc.tokens[k - 1]?.norm ?? '');
}

/** Whether the quoted run q is a title, slogan or topic: a word that introduces one stands before its mark, maybe with a colon ('تحت عنوان "…"', 'بشعار: «…»'). */
export function namedRun(doc: Doc, q: Quote): boolean {
  let k = q.s - 2;
  if (doc.tokens[k]?.norm === ':') k--;
  const t = doc.tokens[k];
  return t !== undefined && (TITLE_INTROS.has(t.norm) || TITLE_INTROS.has(t.bare));
}

/**
 * A document right after the verb at c as its subject ("وأضاف البيان أن …", "وقالت دراسة إن …",
 * "وقال بيان صادر عن الرئاسة إن …"): the body named as its issuer within a few words ("بيان وزارة
 * الدفاع", "صادر عن الرئاسة", "دراسة أعدتها منظمة الصحة العالمية"), else the last speaker when a body,
 * else undefined (nobody: 'وأضاف البيان أن "الرئيس ترامب …"'); false when no document is the subject. A body that
 * published it issued it ("بلاغ نشره البنك العالمي").
 */
export function documentSubject(doc: Doc, c: number, speakers: readonly TokenMention[], last?: TokenMention): TokenMention | undefined | false {
  const d = doc.tokens[c + 1];
  if (d === undefined || d.sentence !== doc.tokens[c]!.sentence || !DOCUMENTS.has(d.norm)) return false;
  // "ونقل بيان للرئاسة عن الرئيس تبون تأكيده": the document cites somebody, who speaks.
  for (let k = c + 2; k <= c + 7 && k < doc.tokens.length; k++) if (CITING.has(doc.tokens[k]!.norm) && !ISSUED_BY.has(doc.tokens[k - 1]!.norm)) return false;
  const joins = (t: DocToken): boolean => ISSUED_BY.has(t.norm) || CARRIERS.has(t.norm);
  const issuer = speakers.find((m) => m.type !== 'PER' && !carriedBy(doc, m) && (m.s === c + 2 || (m.s > c + 2 && m.s <= c + 6 && (joins(doc.tokens[m.s - 1]!) || /^ل/u.test(doc.tokens[m.s]!.norm)))));
  // A statement the article gave to a body before ("أعلنت الوزارة … وأضاف البيان") is that body's; a person's name is no issuer.
  return issuer ?? (last?.type === 'ORG' ? last : undefined);
}

/** The index of a citing "عن" from token i to the limit, in the sentence of i ("… عن الناجين قولهم"), else -1. */
function citingAfter(doc: Doc, i: number, limit: number): number {
  for (let k = i; k < limit && k < doc.tokens.length; k++) if (doc.tokens[k]!.norm === 'عن') return k;
  return -1;
}

/** Whether a mention names a news outlet: a known one, or one with its head noun ("صحيفة …", 'وكالة "فارس"', "القناة الفرنسية"). */
export function isOutlet(doc: Doc, m: TokenMention): boolean {
  const first = doc.tokens[m.s]!;
  const before = wordBefore(doc, m).t;
  return MEDIA_HEADS.has(first.norm.replace(/^ال/u, '')) || (before !== undefined && MEDIA_HEADS.has(before.norm)) || outletsStartingAt(first).length > 0;
}

/** Whether a platform is named as where words were posted ('على موقع التواصل الاجتماعي "تويتر"', 'على حسابه تويتر'). */
export function postedOn(doc: Doc, m: TokenMention): boolean {
  return SITE_WORDS.has(wordBefore(doc, m).t?.norm ?? '');
}

/**
 * Whether a name is a work's, not who made it ('في برنامج "بوليتيكا"', "وأكدت حملة ماكرون في بيان"):
 * a work noun in construct right before it; one with the article ends a body's name ("النائب عن ائتلاف
 * دولة القانون محمد الصيهود").
 */
export function namesWork(doc: Doc, m: TokenMention): boolean {
  const t = wordBefore(doc, m).t;
  return t !== undefined && WORK_NOUNS.has(t.norm) && !t.bare.startsWith('ال');
}

/** How far (in tokens) a person's name may stand from the title that describes them. */
const DESCRIPTION_REACH = 9;

/** Whether a word heads a person's description: a title or a counterpart ("نظيره"), maybe with a glued ب ("بالأمين العام"). */
function headsDescription(t: DocToken): boolean {
  return isTitle(t) || PEERS.has(t.norm) || isTitleAfterBa(t);
}

/**
 * Whether a person after the speech verb at c is described as one spoken with or about: the title
 * nearest before the name is governed by a preposition ("وتابع في مؤتمر صحفي مع نظيره الأردني أيمن
 * الصفدي", "اثر لقاء جمعه مع رئيس الحكومة يوسف الشاهد") or has a glued ب ("جمعه بالأمين العام للاتحاد
 * …، نور الدين الطبوبي"). A title right after the verb is its subject's ("وقال وزير الخارجية …").
 */
export function describedAsOther(doc: Doc, m: TokenMention, c: number): boolean {
  const sent = doc.tokens[m.s]!.sentence;
  for (let k = m.s - 1; k > c && k >= m.s - DESCRIPTION_REACH; k--) {
    const t = doc.tokens[k]!;
    if (t.sentence !== sent || (isPunct(t) && t.norm !== '،' && t.norm !== ',')) return false;
    if (!headsDescription(t)) continue;
    let g = k;
    while (g - 1 > c && headsDescription(doc.tokens[g - 1]!)) g--;
    if (isTitleAfterBa(doc.tokens[g]!) && !isTitle(doc.tokens[g]!)) return true;
    return g - 1 > c && GOVERNING.has(doc.tokens[g - 1]!.norm);
  }
  return false;
}

/**
 * Whether a person after the verb at c is the one an unnamed speaker serves: an indefinite title with a
 * glued ل stands before the name, maybe through the person's own titles ("أكد مستشار لحملة المرشح
 * الجمهوري … دونالد ترامب أن …", "وأفاد فلان وهو مستشار لترامب …"): the adviser speaks, not the person.
 */
export function servedBy(doc: Doc, m: TokenMention, c: number): boolean {
  const sent = doc.tokens[m.s]!.sentence;
  for (let k = m.s; k > c + 1 && k >= m.s - DESCRIPTION_REACH; k--) {
    const t = doc.tokens[k]!;
    if (t.sentence !== sent || (isPunct(t) && t.norm !== '،' && t.norm !== ',')) return false;
    const title = doc.tokens[k - 1]!;
    if (isTitle(title) && !title.bare.startsWith('ال') && gluedLam(t, k === m.s)) return true;
  }
  return false;
}

/**
 * Whether a word is "to" with a glued ل: "للرئيس", "لحملة" (ل before a common word), or the person's
 * own name ("لترامب"); not a name or word with its own ل ("لندن", "لجنة", "لطفي", "لواء").
 */
function gluedLam(t: DocToken, ownName: boolean): boolean {
  if (!/^ل/u.test(t.norm) || t.norm.length < 3 || isTitle(t) || ORG_HEADS.has(t.norm) || FIRST_NAMES.has(t.norm) || isGazPlace(t.norm) || dictionaryClass(t.norm) === 'proper') return false;
  return ownName || t.norm.startsWith('لل') || dictionaryClass(t.norm.slice(1)) === 'common';
}

/**
 * Whether a body after the verb at c is the second term of a common noun, past a prepositional phrase
 * ("وأضاف في تصريح … على هامش لقاء جمع اليوم اعضاء الهيئة العليا …", "… على هامش موكب تسليم القيادة
 * المحلية …"): part of where or when it was said, never the subject.
 */
export function inConstructAfterPhrase(doc: Doc, m: TokenMention, c: number): boolean {
  const prev = doc.tokens[m.s - 1];
  if (prev === undefined || m.s - 1 <= c + 1 || isPunct(prev) || OPEN.has(prev.text) || isTitle(prev) || prev.bare.startsWith('ال') || prev.norm.length < 3) return false;
  if (ORG_HEADS.has(prev.norm) || MEDIA_HEADS.has(prev.norm) || PREPOSITIONS.has(prev.norm) || cueKind(prev) !== undefined) return false;
  for (let k = c + 1; k < m.s - 1; k++) if (PREPOSITIONS.has(doc.tokens[k]!.norm)) return true;
  return false;
}

/**
 * Whether a person is named through a relative, who speaks ("وأفادت والدة زوجة محمد بوهلال أن …"),
 * past quotation marks ('وأشار والد "إيفانكا العرب"') or one title ("أرملة الشهيد محمد البراهمي").
 */
export function namedThroughOther(doc: Doc, m: TokenMention): boolean {
  const { k, t } = wordBefore(doc, m);
  if (t === undefined) return false;
  if (KINSHIP_WORDS.has(t.norm) || AGENTS_OF.has(t.norm)) return true;
  return isTitle(t) && KINSHIP_WORDS.has(doc.tokens[k - 1]?.norm ?? '');
}

/** Whether a mention is no speaker where it stands: spoken to, where it was said, with whom, an outlet that carried it, a platform or a work. */
export function notSpeakerHere(doc: Doc, m: TokenMention): boolean {
  return isAddressee(doc, m) || saidOn(doc, m) || withWhom(doc, m) || carriedBy(doc, m) || postedOn(doc, m) || namesWork(doc, m);
}

/**
 * The index of the word by which an organization cites somebody right after its name ("نقلت تاس عن
 * وزير الدفاع", 'ونقلت وكالة "فارس" الإيرانية شبه الرسمية عن …', "قالت يونهاب نقلا عن مصدر"): past
 * marks, the outlet's adjectives and "شبه", else -1.
 */
export function citesAfter(doc: Doc, m: TokenMention): number {
  const sent = doc.tokens[m.s]!.sentence;
  for (let k = m.e; k < doc.tokens.length && k <= m.e + 6; k++) {
    const t = doc.tokens[k]!;
    if (t.sentence !== sent) return -1;
    if (CITING.has(t.norm)) return k;
    const between = OPEN.has(t.text) || t.norm === '،' || t.norm === ',' || t.norm === '(' || t.norm === ')' || t.bare.startsWith('ال') || t.norm === 'شبه';
    if (!between) return -1;
  }
  return -1;
}

/**
 * Speaker mention for a cue at token c: the first person or source after it (an organization only
 * when no person follows: "قال الأمين العام لحزب … فلان"), else the nearest before it. "نقل X عن Y"
 * makes Y the speaker.
 */
function speakerFor(doc: Doc, c: number, limit: number, speakers: readonly TokenMention[]): TokenMention | undefined {
  const sent = doc.tokens[c]!.sentence;
  // The speaker is named before what they said: never inside the reported clause ("وأضاف أن الجيش …").
  const so = accordingToAt(doc, c);
  if (so !== undefined) limit = Math.min(limit, so);
  for (let k = c + 1; k < limit; k++) {
    // The name "آن" ("آن كلير لوجندر") normalizes to the particle أن: its madda tells them apart.
    if (REPORT_OPENERS.has(doc.tokens[k]!.norm) && !doc.tokens[k]!.text.startsWith('آ')) {
      limit = k;
      break;
    }
  }
  // Whom the words were said to ("قالت الوزيرة لـ"الجوهرة أف أم" إن …") is no speaker.
  // Nor is where it was said ("كتبت في حسابها على تويتر", "قال عبر فيسبوك").
  const object = feminineObjectEnd(doc, c);
  const after = speakers.filter(
    (m) => m.s > c && m.s < limit && doc.tokens[m.s]!.sentence === sent && !notSpeakerHere(doc, m) && !glossOfMention(doc, m, speakers) && !(m.type === 'ORG' && m.s < object) && !(m.type === 'PER' && (describedAsOther(doc, m, c) || namedThroughOther(doc, m) || servedBy(doc, m, c))) && !(m.type === 'ORG' && inConstructAfterPhrase(doc, m, c)),
  );
  let pick = after.find((m) => m.type !== 'ORG') ?? after[0];
  if (pick && titledBody(doc, pick)) return undefined;
  // A masculine verb agrees with no feminine body after it ("ودعا رجال الأعمال … والإدارة التونسية إلى …"): that body is its object.
  if (pick && pick.type === 'ORG' && cueKind(doc.tokens[c]!) === 'verb' && isMasculineVerb(doc.tokens[c]!) && feminineBody(doc, pick)) return undefined;
  // A title right after the verb is its subject ("طالبت الأمينة العامة لحزب … فلانة، الإدارة التونسية
  // بـ…"): with no person named, a body past a comma is its object, not the speaker (the outlet of
  // 'أفاد مراسل "الجوهرة أف أم" أن …' still speaks through its correspondent).
  if (pick && pick.type === 'ORG' && namesNewSpeaker(doc, c) && doc.tokens.slice(c + 1, pick.s).some((t) => t.norm === '،' || t.norm === ',')) return undefined;
  // An outlet citing somebody ("نقلت تاس عن وزير الدفاع قوله") passes on their words: theirs, or nobody's when unnamed.
  // "أعلنت الشرطة عن مقتل رجل" announces: only an outlet, a verb of passing on or "نقلا" cites.
  const outlet = after[0]?.type === 'ORG' ? after[0] : undefined;
  const cites = outlet ? citesAfter(doc, outlet) : -1;
  if (outlet && cites >= 0 && (doc.tokens[cites]!.norm !== 'عن' || isOutlet(doc, outlet) || PASSING_ON.test(doc.tokens[c]!.norm))) return after.find((m) => m.s > cites);
  // "ونقل فلان عن الناجين قولهم": whoever passes words on cites the one who said them.
  const cited = pick && PASSING_ON.test(doc.tokens[c]!.norm) ? citingAfter(doc, pick.e, limit) : -1;
  if (cited >= 0) return after.find((m) => m.s > cited);
  if (pick && pick.type === 'ORG' && doc.tokens[pick.e]?.norm === 'عن') pick = after.find((m) => m.s > pick!.e) ?? pick;
  if (pick && after[0] && after[0].type === 'ORG' && pick !== after[0] && pick.s - after[0].e > 6 && !onTongueOf(doc, after[0].e, pick.s)) pick = after[0];
  if (pick) return pick;
  // "…، الذي قال إن …": the name the relative follows, or nobody ("ولاية هاواي التي قالت").
  // A verb of the other gender has a subject of its own, the relative its object ("في سوريا التي أكد أنها …").
  const relative = doc.tokens[c - 1];
  if (relative !== undefined && RELATIVES.has(relative.norm) && isMasculineVerb(doc.tokens[c]!) === !/^الت|^اللت|^اللوا|^اللا/u.test(relative.norm)) return antecedent(doc, c - 1, speakers);
  // "إذ تشير القائمة إلى أن …", "قال فيه الأخير إن …": the verb has its own subject, a body named
  // before with that head word ("شركة … بيتروفاك" … "تقول الشركة إن") or nobody named.
  const own = ownSubjectAfter(doc, c);
  if (own !== undefined) return bodyByHead(doc, c, own, speakers);
  return subjectBefore(doc, c, speakers);
}

/** The last organization before token c whose name begins with the head word at token h ("الشركة" for "شركة النفط البريطانية"), else undefined. */
function bodyByHead(doc: Doc, c: number, h: number, speakers: readonly TokenMention[]): TokenMention | undefined {
  const head = doc.tokens[h]!.stem;
  return speakers.filter((m) => m.e <= c && m.type === 'ORG' && doc.tokens[m.s]!.stem === head).pop();
}

/** The speaker named right before the relative pronoun at r, maybe with a comma between ("سامي عقلي، الذي"), else undefined. */
export function antecedent(doc: Doc, r: number, speakers: readonly TokenMention[]): TokenMention | undefined {
  let k = r - 1;
  if (doc.tokens[k]?.norm === '،' || doc.tokens[k]?.norm === ',') k--;
  // A parenthesis after the name ("دانيال كالفيلو (26 عاما) الذي …").
  if (doc.tokens[k]?.norm === ')') {
    const open = k;
    while (k > r - 8 && k > 0 && doc.tokens[k]!.norm !== '(') k--;
    k = doc.tokens[k]!.norm === '(' ? k - 1 : open;
  }
  return speakers.find((m) => m.e - 1 === k && doc.tokens[m.s]!.sentence === doc.tokens[r]!.sentence);
}

/**
 * The common noun right after the speech verb at c that is its subject, maybe past a preposition with a
 * pronoun: a definite word that is no title, time or function word, followed by its adjectives and the
 * reported clause ("تقول الرواية الرسمية إن", "قال فيه الأخير إن", "تشير القائمة إلى أن"): its index,
 * else undefined. "وصف الأمر بأنه" and "دعا الأطباء إلى" have the noun for their object.
 */
export function ownSubjectAfter(doc: Doc, c: number): number | undefined {
  let k = c + 1;
  if (PRONOUN_PREPOSITIONS.has(doc.tokens[k]?.norm ?? '')) k++;
  const t = doc.tokens[k];
  if (t === undefined || t.sentence !== doc.tokens[c]!.sentence || !t.bare.startsWith('ال') || isTitle(t) || JUNK.has(t.norm) || JUNK.has(t.bare) || TIME_NOUNS.has(t.norm)) return undefined;
  const pointsTo = /شار|شير/u.test(doc.tokens[c]!.norm);
  for (let i = k + 1; i < doc.tokens.length && i <= k + 3; i++) {
    const w = doc.tokens[i]!;
    if ((REPORT_OPENERS.has(w.norm) && !w.norm.startsWith('ب')) || (pointsTo && w.norm === 'الى')) return k;
    if (!w.bare.startsWith('ال') || isTitle(w) || w.norm !== w.bare || w.norm === 'الى') return undefined;
  }
  return undefined;
}

/** Whether "على لسان" stands between tokens a and b ("أكدت الوزارة، على لسان المتحدثة باسمها فلانة، أن"): the one named after it speaks for the body. */
function onTongueOf(doc: Doc, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (doc.tokens[k]!.norm === 'لسان' && doc.tokens[k - 1]!.norm === 'على') return true;
  return false;
}

/** Whether a mention in parentheses glosses the one right before it ("لهيئة الإذاعة البريطانية (بي.بي.سي)"): it stands where that one does, no new subject. */
function glossOfMention(doc: Doc, m: TokenMention, mentions: readonly TokenMention[]): boolean {
  return doc.tokens[m.s - 1]?.norm === '(' && mentions.some((o) => o.e === m.s - 1);
}

/**
 * Whether an organization is a title's ("محافظ البنك المركزي", "رئيس الجامعة الأردنية", "النائب
 * عن تحالف سائرون"): what is said is the title holder's, and with no person named the speaker is unclear.
 */
export function titledBody(doc: Doc, m: TokenMention): boolean {
  return m.type === 'ORG' && m.s > 0 && (afterTitle(doc, m.s) || titleOfBody(doc, m.s));
}

/**
 * Whether a body with a feminine head stands on its own, not in construct with a noun before it: joined
 * by و or a glued preposition ("والإدارة التونسية", "بوزارة الصناعة"), or after a preposition or a mark
 * ("عن هيئة الرقابة"). In construct the noun before it heads the subject ('أفاد مراسل "الجوهرة أف أم"').
 */
export function feminineBody(doc: Doc, m: TokenMention): boolean {
  const head = doc.tokens[m.s]!;
  if (!/ة$/u.test(head.bare)) return false;
  const prev = wordBefore(doc, m).t;
  return head.bare !== head.norm || prev === undefined || isPunct(prev) || PREPOSITIONS.has(prev.norm) || prev.text === 'بـ' || prev.text === 'لـ';
}

/**
 * Whether a speech verb is masculine: "قال", "دعا", "وطالب", "يقول", "تابع" (not "قالت", "تقول").
 * A verb before its subject agrees with it in gender, so a masculine one has no feminine body for its
 * subject ("ودعا الحكومة التونسية إلى «…»" calls on the government: the speaker was named before).
 */
export function isMasculineVerb(t: { norm: string }): boolean {
  const v = t.norm.replace(/^[وف]/u, '');
  if (v.endsWith('ت') || v.endsWith('تا')) return false;
  return !(v.startsWith('ت') && SPEECH_VERBS.has('ي' + v.slice(1)));
}

/**
 * A masculine verb followed at once by a feminine noun ("ودعا الحكومة التونسية، إلى …", "وطالب
 * الخارجية التونسية والجامعة العربية بـ…"): that noun phrase is its object, up to the first mark,
 * preposition or title; the index where it ends, else -1.
 */
export function feminineObjectEnd(doc: Doc, c: number): number {
  const first = doc.tokens[c + 1];
  if (!first || !isMasculineVerb(doc.tokens[c]!) || isTitle(first) || !/ة$/u.test(first.bare) || first.sentence !== doc.tokens[c]!.sentence) return -1;
  let k = c + 1;
  while (k < doc.tokens.length && doc.tokens[k]!.sentence === first.sentence && !isPunct(doc.tokens[k]!) && !PREPOSITIONS.has(doc.tokens[k]!.norm) && !isTitle(doc.tokens[k]!)) k++;
  return k;
}

/** Prepositions that join a title to the body it serves ("النائب عن تحالف سائرون", "القيادي في حركة النهضة"), normalized. */
const TITLE_LINKS = new Set(['عن', 'في', 'من']);

/**
 * Whether the body named at token i is a title's through a preposition ("النائب عن تحالف سائرون"),
 * maybe past the body's head word left out of its name ("القيادي في حزب نداء تونس"): its holder, not
 * the body, speaks.
 */
export function titleOfBody(doc: Doc, i: number): boolean {
  const j = ORG_HEADS.has(doc.tokens[i - 1]?.norm ?? '') ? i - 1 : i;
  const prev = doc.tokens[j - 1];
  const title = doc.tokens[j - 2];
  return prev !== undefined && title !== undefined && TITLE_LINKS.has(prev.norm) && isTitle(title) && title.sentence === doc.tokens[i]!.sentence;
}

/**
 * The speech verb a quote stands right before ("«…»، قال فلان", "\"…\"، يقول فلان"): its token
 * index, when only a comma parts them; such a quote is that verb's, not an earlier cue's.
 */
function verbAfterQuote(doc: Doc, q: Quote): number | undefined {
  // Only a comma between: after a full stop the verb opens a new report ("«…». وأضاف: «…»").
  const sep = doc.tokens[q.e + 1];
  if (!sep || (sep.norm !== '،' && sep.norm !== ',')) return undefined;
  // "«…»، حسب ما صرح به فلان", "«…»، وفق ما أفاد به فلان": the verb after the attribution.
  // Only one that said it ("صرح به"), not one that passed it on ("بحسب ما نقلت وكالة فرانس برس").
  const at = attributionVerbAt(doc, q.e + 2);
  const verb = doc.tokens[at];
  if (at !== q.e + 2 && !SAID_IT.has(doc.tokens[at + 1]?.norm ?? '')) return undefined;
  // "«…»، وأضاف أن …" opens a new statement, and a name in quotes ("مكتب "…"، أشار المدير") was said by nobody.
  if (verb === undefined || /^[وف]/u.test(verb.norm) || !opensSaying(doc, q.s - 2)) return undefined;
  return cueKind(verb) === 'verb' ? at : undefined;
}

/** Whether a quote whose opening mark follows token i stands as said words: at a sentence start, after a mark or after أن/إن. */
function opensSaying(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  return t === undefined || t.sentence !== doc.tokens[i + 1]?.sentence || isPunct(t) || REPORT_OPENERS.has(t.norm);
}

/** "حسب ما" / "بحسب ما" / "وفق ما" / "وفقا لما" at token i: the index of the word after it, else i. */
export function attributionVerbAt(doc: Doc, i: number): number {
  const a = doc.tokens[i]?.norm ?? '';
  const b = doc.tokens[i + 1]?.norm ?? '';
  if (ATTRIBUTION_HEADS.has(a) && (b === 'ما' || b === 'لما')) return i + 2;
  if (ATTRIBUTION_HEADS.has(a) && (a.endsWith('ما') || a.endsWith('لما'))) return i + 1;
  return i;
}

/** "به" after the verb of "حسب ما صرح به": the one who said it, normalized. */
const SAID_IT = new Set(['به', 'بها']);

/** The heads of an attribution phrase before a speech verb ("حسب ما صرح به"), normalized. */
const ATTRIBUTION_HEADS = new Set(['حسب', 'بحسب', 'وحسب', 'وبحسب', 'وفق', 'وفقا', 'حسبما', 'بحسبما', 'وفقما']);

/**
 * Finds who a title used instead of a name points back to ("وأضاف الوزير" → the minister named
 * before): given the title's token index, the speaker mention it refers to; 'several' when more than
 * one person fits (the quote then goes to nobody); undefined when no role says so.
 */
export type TitleReferent = (title: number, bodyEnd?: number) => TokenMention | 'several' | undefined;

/**
 * A definite title standing for a name after a cue ("وأضاف الوزير في تصريح", "وتابع الرئيس
 * الأميركي …"): no person or source is named before the title phrase ends (at punctuation or the
 * reported clause), else the title is how that one is introduced ("وقال المحلل السياسي … سالم زهران").
 */
function loneTitleAt(doc: Doc, i: number, mentions: readonly TokenMention[]): boolean {
  const t = doc.tokens[i];
  if (!t || !isTitle(t) || !(t.bare.startsWith('ال') || bodyOfTitleAt(doc, i, mentions) !== undefined)) return false;
  const starts = new Set(mentions.filter((m) => m.type === 'PER' || m.type === 'SRC').map((m) => m.s));
  if (mentions.some((m) => m.s <= i && i < m.e)) return false;
  for (let k = i + 1; k < doc.tokens.length && k <= i + 12; k++) {
    const w = doc.tokens[k]!;
    // "الناطق باسم الخارجية، بهرام قاسمي،", "المدعية العامة " فاتو بنسودا "": a name after the comma or mark is the title's.
    if (isPunct(w) && (starts.has(k + 1) || (isPunct(doc.tokens[k + 1] ?? w) && starts.has(k + 2)))) return false;
    if (w.sentence !== t.sentence || isPunct(w) || REPORT_OPENERS.has(w.norm)) return true;
    if (starts.has(k)) return false;
  }
  return true;
}

/**
 * The organization a title in construct governs right after it ("وأضاف رئيس الهيئة الوطنية لمكافحة
 * الفساد أن …"): the end of its mention, else undefined.
 */
function bodyOfTitleAt(doc: Doc, i: number, mentions: readonly TokenMention[]): number | undefined {
  return mentions.find((m) => m.s === i + 1 && titledBody(doc, m))?.e;
}

/**
 * Whether a title said instead of a name ("وأضاف المحلل السياسي", "وأضافت الوزيرة") may stand for the
 * last speaker, when no role tells: a person whose role was not given, unless the title heads an
 * unnamed source ("المسؤول الذي طلب عدم نشر اسمه"); an unnamed source said with its own head word
 * ("مسؤول محلي" … "وأضاف المسؤول"). An organization has no title.
 */
export function titleFits(doc: Doc, i: number, last: TokenMention, role = ''): boolean {
  const title = doc.tokens[i]!;
  const word = title.bare.replace(/^ال/u, '');
  // A person given another role is not this title ("صاحب الشركة" is no "مدير").
  if (last.type === 'PER' && role) return normalize(role).split(/\s+/u).some((w) => w.replace(/^ال/u, '') === normalize(word));
  // A source's head said alone points back ("وأشار المسؤول، إلى …"); described, it is somebody new
  // ("المسؤول الكوري الشمالي", "المسؤول الذي طلب عدم نشر اسمه").
  if (last.type === 'PER') return !(SRC_HEADS.has(title.bare) || SRC_HEADS.has(word)) || saidAlone(doc, i + 1);
  if (last.type !== 'SRC') return false;
  const head = normalize(last.label ?? '').split(/\s+/u)[0] ?? '';
  return head.replace(/^ال/u, '') === normalize(word);
}

/**
 * Whether a title said alone after "وأضاف" ("كما أضاف المتحدث") goes on with the last speaker: as
 * `titleFits` without the role, but a source's head ("المتحدث", "المسؤول") said after a person with
 * another role is somebody else (Theresa May, "رئيسة الحكومة البريطانية", is not "المتحدث").
 */
function titleGoesOn(doc: Doc, i: number, last: TokenMention, role = ''): boolean {
  const word = doc.tokens[i]!.bare.replace(/^ال/u, '');
  if (last.type === 'PER' && role && (SRC_HEADS.has(doc.tokens[i]!.bare) || SRC_HEADS.has(word))) return titleFits(doc, i, last, role);
  return titleFits(doc, i, last);
}

/** Whether the word at i ends a title said alone: a mark, a preposition or the reported clause follows it. */
function saidAlone(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  return t === undefined || isPunct(t) || PREPOSITIONS.has(t.norm) || REPORT_OPENERS.has(t.norm) || t.norm === 'الى';
}

/** Whether a title opens the words right after the speech verb at c: the verb names a speaker, maybe not the last one. */
export function namesNewSpeaker(doc: Doc, c: number): boolean {
  const next = doc.tokens[c + 1];
  return next !== undefined && next.sentence === doc.tokens[c]!.sentence && isTitle(next);
}

/** Unnamed sources whose head takes a feminine verb: singular feminines and broken plurals ("مصادر", "شهود"), normalized. */
const FEMININE_HEADS = new Set(['مصادر', 'شهود', 'سكان', 'ضباط']);

/** Whether an unnamed source is a man or men ("مسؤول", "مسؤولون", "مصدر أمني"), which a feminine verb never goes on with. */
export function isMasculineSource(m: TokenMention): boolean {
  if (m.type !== 'SRC') return false;
  const head = normalize(m.label ?? '').split(/\s+/u)[0]!.replace(/^ال/u, '');
  return !/[ةه]$/u.test(head) && !FEMININE_HEADS.has(head);
}

/**
 * Whether a body or place is named right after a given name with nothing between ("وليد فارس", with
 * فارس read as the Iranian agency): the two words are a person's name, and the mention only its surname.
 */
export function surnameReadAsBody(doc: Doc, m: TokenMention): boolean {
  const prev = doc.tokens[m.s - 1];
  if (m.type === 'PER' || m.type === 'SRC' || prev === undefined || prev.sentence !== doc.tokens[m.s]!.sentence) return false;
  return FIRST_NAMES.has(prev.norm) || FIRST_NAMES.has(prev.bare);
}

/**
 * Whether quote q after a verb of denying is the term denied: it opens right after a word that is not a
 * mark or the speaker's name, with no reported clause opened before it ('نفى الوزير وجود «صفقة سرية»',
 * 'نفى قيامه بـ"…"'); 'نفى الوزير: «…»' and 'نفى أن يكون «…»' are words said.
 */
export function deniedTerm(doc: Doc, c: number, q: Quote, speaker: TokenMention): boolean {
  const k = q.s - 2;
  const t = doc.tokens[k];
  if (t === undefined || isPunct(t) || k === speaker.e - 1 || cueKind(t) !== undefined) return false;
  // Inside the clause denied ('ونفى مصدر أن يكون الموقع "مستودعا عسكريا"') the quote is the speaker's words.
  for (let i = c + 1; i <= k; i++) if (REPORT_OPENERS.has(doc.tokens[i]!.norm)) return false;
  return true;
}

/** Quotes attributed to speaker mentions: pairs of (speaker mention, quoted text). */
export function attributeQuotes(
  doc: Doc,
  mentions: readonly TokenMention[],
  referent?: TitleReferent,
  roleOf: (m: TokenMention) => string | undefined = () => undefined,
): { speaker: TokenMention; text: string }[] {
  const quotes = findQuotes(doc);
  // Nobody named inside a quote is its speaker ("قائلا: «… تحدثت إلى شهود عيان …»").
  // Only quotes inside one sentence count: a stray straight quote may pair with one far away.
  const sentenceOf = (i: number): number => doc.tokens[i]!.sentence;
  const inner = quotes.filter((q) => sentenceOf(q.s) === sentenceOf(q.e - 1));
  const quoted = (m: TokenMention): boolean => inner.some((q) => q.s <= m.s && m.s < q.e);
  const speakers = mentions.filter((m) => m.type !== 'LOC' && !quoted(m));
  const out: { speaker: TokenMention; text: string }[] = [];
  // A title, slogan or topic in quotes ('تحت عنوان "…"', 'ندوة حول "…"') was said by nobody.
  const named = quotes.filter((q) => namedRun(doc, q));
  const used = new Set<Quote>(named);
  const ownerOf = new Map<Quote, number | undefined>(quotes.map((q) => [q, verbAfterQuote(doc, q)]));
  let last: TokenMention | undefined;
  let heard: { speaker: TokenMention; sentence: number } | undefined;
  const slice = (s: number, e: number): string =>
    doc.text
      .slice(doc.tokens[s]!.start, doc.tokens[e - 1]!.end)
      .replace(/^[\s:،,.-]+/, '')
      .trim();
  for (const { s, e } of doc.sentences) {
    const said = out.length;
    for (let c = s; c < e; c++) {
      const kind = cueAt(doc, c);
      if (!kind) continue;
      // The quote belongs to this cue unless another cue ("مشيرا إلى …") comes before it. It may open
      // a sentence or two later when the segmentation cut at a dotted abbreviation ("آر.إف.إم").
      let reach = Math.min(doc.tokens.length, Math.max(e, c + QUOTE_REACH));
      for (let k = c + 1; k < reach; k++) {
        if (cueAt(doc, k)) {
          reach = k;
          break;
        }
      }
      const nextCue = Math.min(reach, e);
      // A quote right before a speech verb is that verb's ("«…»، قال فلان"); one followed by another verb is not this cue's.
      const owned = (x: Quote): boolean => ownerOf.get(x) === undefined || ownerOf.get(x) === c;
      // The quote a verb stands right after is its own first ("«…»، حسب ما صرح به فلان. «…»").
      const q =
        (kind === 'verb' ? quotes.find((x) => ownerOf.get(x) === c && !used.has(x)) : undefined) ??
        quotes.find((x) => x.s > c && x.s < reach && !used.has(x) && owned(x));
      let speaker: TokenMention | undefined;
      const n = doc.tokens[c]!.norm.replace(/^[وف]/, '');
      // A continuation ("مشيرا إلى …") goes on with this sentence's speaker, else the nearest mention before it.
      const lastHere = last && doc.tokens[last.s]!.sentence === doc.tokens[c]!.sentence ? last : undefined;
      // A title said instead of the name ("وأضاف الوزير") is the person it was given to, or nobody.
      const ref = referent && loneTitleAt(doc, c + 1, mentions) ? referent(c + 1, bodyOfTitleAt(doc, c + 1, mentions)) : undefined;
      if (ref === 'several') continue;
      // A document says it ("وأضاف البيان أن …"): the body that issued it, if named with it, else nobody.
      const issued = kind === 'verb' ? documentSubject(doc, c, speakers, last) : false;
      if (issued === undefined) {
        last = undefined;
        continue;
      }
      // "اكتفى فلان بالقول" reports only the quote that opens right after "بالقول", never a clause.
      const by = saysByWordAt(doc, c);
      if (by !== undefined && (q === undefined || !opensAfter(doc, by, q))) continue;
      // A title that points back to nobody named goes on with the last speaker only when it may be theirs.
      const goesOn = GOES_ON_VERBS.has(n) && (!referent || !loneTitleAt(doc, c + 1, mentions) || (last !== undefined && titleGoesOn(doc, c + 1, last, roleOf(last))));
      if (ref) speaker = ref;
      else if (issued) speaker = issued;
      else if (kind === 'cont') {
        const heardHere = heard && heard.sentence === doc.tokens[c]!.sentence ? heard.speaker : undefined;
        // "معلقا بالقول" goes only with a speaker this sentence named with its verb.
        speaker = COMMENTING_WORDS.has(doc.tokens[c]!.norm) ? (lastHere ?? heardHere) : (lastHere ?? heardHere ?? speakerBefore(doc, c, speakers) ?? last);
      }
      else speaker = speakerFor(doc, c, q && q.s > c ? Math.min(q.s, e) : e, speakers) ?? (goesOn ? last : undefined);
      // A person whose surname was read as a body ("وقال وليد فارس" with فارس the agency) is unclear:
      // nobody, and "وأضاف" next is not the last speaker's either.
      if (speaker && surnameReadAsBody(doc, speaker)) {
        last = undefined;
        continue;
      }
      if (!speaker) {
        // Somebody unnamed here spoke ("وقال مدير التجارة الإلكترونية، فلان …" with the name missed):
        // what "وأضاف" says next is no longer the last speaker's.
        if (kind === 'verb' && last !== undefined && namesNewSpeaker(doc, c) && !titleFits(doc, c + 1, last, roleOf(last))) last = undefined;
        continue;
      }
      // A feminine "وأضافت" goes on with no man or men ("مسؤولون" after "وقالت الشرطة").
      if (speaker === last && !ref && GOES_ON_VERBS.has(n) && n.endsWith('ت') && isMasculineSource(speaker)) continue;
      // What this verb's speaker says next in the sentence ("صرح فلان، خلال …، قائلا: …") is theirs too.
      if (kind === 'verb') heard = { speaker, sentence: doc.tokens[c]!.sentence };
      // "نفى وجود «صفقة سرية»": the term denied is not what the speaker said.
      if (q && DENIALS.has(n) && deniedTerm(doc, c, q, speaker)) {
        used.add(q);
        last = speaker;
        continue;
      }
      if (q) {
        used.add(q);
        out.push({ speaker, text: slice(q.s, q.e) });
        last = speaker;
        continue;
      }
      // Indirect speech: "قال X إن …" — the clause from إن/أن to the end of the sentence.
      if (kind === 'verb') {
        // The clause follows the speaker, or the verb when the sentence's opening subject is its speaker.
        // (A speaker named before the verb, or in an earlier sentence: "وأضاف في مداخلة له … أن …".)
        const so = accordingToAt(doc, c);
        // A title in quotes between ('تحت عنوان "…" إن …') does not count towards the reach.
        let reachEnd = Math.max(c, speaker.e) + 12;
        for (let k = Math.max(speaker.e, c + 1); k < nextCue && k <= reachEnd; k++) {
          const run = named.find((x) => x.s === k + 1);
          if (run) {
            reachEnd += run.e - k + 1;
            k = run.e;
            continue;
          }
          const t = k === so ? 'ان' : doc.tokens[k]!.norm;
          if (t === 'ان' || t === 'انه' || t === 'انها' || t === 'بان' || t === 'بانه') {
            let end = nextCue;
            while (end > k + 1 && isPunct(doc.tokens[end - 1]!)) end--;
            // A bare particle (إن، أن، بأن) opens the reported clause; with a pronoun (إنه) it is its subject.
            const from = t === 'ان' || t === 'بان' ? k + 1 : k;
            // The next cue may cut an attribution in half ("…، بحسب ما | نقلت رويترز"): drop the stub too.
            const text = stripAttributionTail(slice(from, end)).replace(DANGLING_ATTRIBUTION, '');
            if (end - k >= MIN_WORDS && text.split(/\s+/u).length >= MIN_WORDS && balancedQuotes(text)) out.push({ speaker, text });
            // Reported words not shown (cut inside a quote) were still this speaker's: "وأضاف" goes on with them.
            last = speaker;
            break;
          }
        }
      }
    }
    // Somebody the sentence cites went unrecognized ("نسبت الوكالات إلى تميم قوله إن …"): "وأضاف" next is theirs, not the last speaker's.
    if (out.length === said && citesSomebody(doc, s, e)) last = undefined;
  }
  return out;
}
