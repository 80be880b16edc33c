/**
 * The event a time expression dates: the clause of its sentence that carries it, without the time
 * expressions themselves, leading connectors (و، كما، وكانت … قد) or attribution tails (بحسب …،
 * وفق بيان …), kept short and cut at a clause boundary, never mid-word.
 * When one clause dates two events at two dates ("عثر على جثته أمس بعد اختطافه يوم الجمعة"), each
 * time gets its own piece of it, parted at the word between them.
 */
import type { Span } from '../types.ts';
import { normalize, normalizeWithOffsets, type NormalizedText } from '../text/normalize.ts';
import { isSpace, lightStem } from '../text/tokens.ts';
import { HAPPENING, kindsOf } from './kinds.ts';
import { isWhite, signedMembership } from './tokens.ts';
import { looksPresent } from './tense.ts';
import eventData from '../lexicon/temporal/event.json' with { type: 'json' };
import comparisonData from '../lexicon/temporal/comparison.json' with { type: 'json' };

/** Longest event text, in characters. */
export const MAX_EVENT_CHARS = 120;
const MIN_EVENT_WORDS = 3;

const words = (list: string[]): Set<string> => new Set(list.map((w) => normalize(w)));
const ATTRIBUTION_START = words(eventData.attributionStart);
/** Attribution phrases by first word (the last word may be a prefix: "في تصريح لـ"). */
const ATTRIBUTION_PHRASES = new Map<string, string[][]>();
for (const p of eventData.attributionPhrases) {
  const ws = normalize(p).split(' ');
  ATTRIBUTION_PHRASES.set(ws[0]!, [...(ATTRIBUTION_PHRASES.get(ws[0]!) ?? []), ws]);
}

/** The first words of every attribution, behind a signature filter: most words are tested once per clause. */
const mayOpenAttribution = signedMembership(new Set([...ATTRIBUTION_START, ...ATTRIBUTION_PHRASES.keys()]));

/** An attribution opens at word i: بحسب، وفق بيان، كما أفاد … (words already normalized). */
function attributionAt(norm: string[], i: number): boolean {
  const w = norm[i];
  if (w === undefined || !mayOpenAttribution(w)) return false;
  if (ATTRIBUTION_START.has(w)) return true;
  const phrases = ATTRIBUTION_PHRASES.get(norm[i]!);
  if (!phrases) return false;
  return phrases.some((phrase) => phrase.every((w, k) => norm[i + k] === w || (k === phrase.length - 1 && norm[i + k]?.startsWith(w))));
}
const LEAD_DROP = words(eventData.leadDrop);
const BEFORE_TIME = words(eventData.beforeTime);
const TRAIL_DROP = words(eventData.trailDrop);
const NAME_HEADS = words(eventData.nameHeads);
/** Soft boundaries by first word, with the second word ('' for one-word boundaries). */
const SOFT_BY_FIRST = new Map<string, string[]>();
for (const b of eventData.softBoundaries.map((p) => normalize(p))) {
  const [first, second = ''] = b.split(' ');
  SOFT_BY_FIRST.set(first!, [...(SOFT_BY_FIRST.get(first!) ?? []), second]);
}
/** Words between two times of different dates that part their events, by first word (longest first). */
const BETWEEN_BY_FIRST = new Map<string, string[][]>();
for (const ws of eventData.betweenTimes.map((p) => normalize(p).split(' ')).sort((a, b) => b.length - a.length)) {
  BETWEEN_BY_FIRST.set(ws[0]!, [...(BETWEEN_BY_FIRST.get(ws[0]!) ?? []), ws]);
}
const WAW_ROOTS = eventData.wawRoots.map((p) => normalize(p));
const WAS = words(eventData.was);
const RELATIVE = words(['التي', 'الذي', 'الذين', 'اللتين', 'اللذين']);
const DEMONSTRATIVES = words(eventData.demonstratives);
const PREPOSITIONS = words(eventData.prepositions);
const LEAD_PHRASES = eventData.leadPhrases.map((p) => normalize(p).split(' ')).sort((a, b) => b.length - a.length);
const LEAD_FIRST = new Set(LEAD_PHRASES.map((p) => p[0]!));
const KEEP_AFTER_MIN = words(eventData.keepAfterMin);
const NOT_CONTINUATION = words(eventData.notContinuation);
const CIRCUMSTANCE = eventData.circumstance.map((p) => normalize(p).split(' '));
const CIRCUMSTANCE_FIRST = new Set(CIRCUMSTANCE.map((p) => p[0]!));
const ANTECEDENT_LINKS = words(eventData.antecedentLinks);
const QUANTIFIERS = words(eventData.quantifiers);
const REPORT_VERBS = words(eventData.reportVerbs);
const SAY_VERBS = words(eventData.sayVerbs);
const COMPLEMENTIZERS = words(['أن', 'إن', 'بأن']);
/** أنه، إنها …: what follows is said of the speaker, who stays the subject. */
const PRONOUN_COMPLEMENTS = words(['أنه', 'إنه', 'أنها', 'إنها', 'أنهم', 'إنهم', 'بأنه', 'بأنها', 'بأنهم', 'أنّه', 'إنّه']);
/** Most words a speaker takes between the reporting verb and the complementizer (قال المرصد السوري لحقوق الإنسان إن). */
const MAX_SPEAKER_WORDS = 10;
/** Most words a circumstance takes before the complementizer it can give way to. */
const MAX_CIRCUMSTANCE_WORDS = 14;
/** Longest event made of a clause and the clause completing it (the verb's object after a comma). */
export const MAX_JOINED_CHARS = 140;
/** Longest head a joined event keeps when the clause completing it must be cut to fit (the rest is room for the completion). */
const MAX_JOINED_HEAD_CHARS = 90;

const HARD_BOUNDARY = /[،,؛;:!?؟]|\s[-–—]\s|\.(?!\d)/g;
/** Punctuation an event never opens with (closing marks, clause marks) or ends with (opening marks, clause marks), besides white space. */
const LEAD_EDGE = new Set([...'،,؛;:.-–—)]»'].map((c) => c.charCodeAt(0)));
const TRAIL_EDGE = new Set([...'،,؛;:.-–—([«'].map((c) => c.charCodeAt(0)));

/** `s` without edge punctuation at its two ends, scanned by hand (a /^…|…$/g regex tries its `$` branch at every space). */
function trimEdges(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (isWhite(s.charCodeAt(a)) || LEAD_EDGE.has(s.charCodeAt(a)))) a++;
  while (b > a && (isWhite(s.charCodeAt(b - 1)) || TRAIL_EDGE.has(s.charCodeAt(b - 1)))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** An article and its matching form, normalized once: event cutting slices it instead of normalizing clause by clause. */
export interface ArticleView {
  text: string;
  norm: string;
  /** toNorm[i]: index in `norm` of original index i (toNorm[text.length] = norm.length); null when nothing was folded. */
  toNorm: Int32Array | null;
  /**
   * Work shared by the expressions of one sentence, by span: its clauses, the words of a span without
   * its times, the event text of a span. A span lies in one sentence, whose times are always the same
   * list, so the span alone is the key.
   */
  cache?: Map<number, SpanWork>;
}

/** A clause's words as written (`ws`) and normalized (`nw`), and where each starts in the clause. */
interface ClauseWords {
  ws: string[];
  nw: string[];
  starts: number[];
}

/** What was worked out for one span. */
interface SpanWork {
  split?: ClauseWords | null;
  parts?: Span[];
  words?: Words;
  cleaned?: Words;
  event?: string;
  attribution?: boolean;
}

/** The work record of a span, made on first use (undefined when the view keeps no cache). */
function workOf(view: ArticleView, span: Span): SpanWork | undefined {
  if (!view.cache) return undefined;
  const key = spanKey(span);
  let work = view.cache.get(key);
  if (!work) {
    work = {};
    view.cache.set(key, work);
  }
  return work;
}

/** One number for a span (texts stay far below 2^26 characters). */
const spanKey = (s: Span): number => s.start * 0x4000000 + s.end;

/** Normalizes the article once for {@link eventFor} (or takes the matching form the caller has). */
export function articleView(text: string, n: NormalizedText = normalizeWithOffsets(text)): ArticleView {
  const cache = new Map<number, SpanWork>();
  if (n.text === text) return { text, norm: text, toNorm: null, cache };
  const toNorm = new Int32Array(text.length + 1);
  // offsets maps normalized → original; invert it (a dropped mark maps to the next kept unit):
  // toNorm[i] is the first j whose offset reaches i.
  const { offsets } = n;
  const normLength = n.text.length;
  let i = 0;
  for (let j = 0; j < normLength; j++) {
    const o = offsets[j]!;
    while (i <= o) toNorm[i++] = j;
  }
  while (i <= text.length) toNorm[i++] = normLength;
  return { text, norm: n.text, toNorm, cache };
}

/** The normalized form of text[start, end). */
function normSlice(view: ArticleView, start: number, end: number): string {
  if (view.toNorm === null) return view.text.slice(start, end);
  return view.norm.slice(view.toNorm[start]!, view.toNorm[end]!);
}

/** Whether the dot at i joins letters of one word: "(سي.بي.إس)", "example.com" — not "الأسبوع.وتبدو", a missing space. */
function dotInWord(body: string, i: number): boolean {
  const next = body[i + 1] ?? ' ';
  if (/[A-Za-z0-9]/.test(body[i - 1] ?? ' ') && /[A-Za-z0-9]/.test(next)) return true;
  if (!/[\u0621-\u064A]/.test(next)) return false;
  let letters = 0;
  for (let k = i - 1; k >= 0 && /[\u0621-\u064A\u064B-\u065F]/.test(body[k]!); k--) letters++;
  return letters > 0 && letters <= 3; // spelled letters are one or two Arabic letters (إن، سي، كيه)
}

/** Clause ranges [start, end) of a sentence (absolute offsets), split at punctuation. */
function clauses(text: string, sentence: Span): Span[] {
  const out: Span[] = [];
  const body = text.slice(sentence.start, sentence.end);
  let from = 0;
  HARD_BOUNDARY.lastIndex = 0;
  for (let m = HARD_BOUNDARY.exec(body); m !== null; m = HARD_BOUNDARY.exec(body)) {
    // "10:30", "3,5" are numbers, not boundaries; nor is the dot of "(سي.بي.إس)" or "example.com".
    if (/\d/.test(body[m.index - 1] ?? '') && /\d/.test(body[m.index + 1] ?? '')) continue;
    if (m[0] === '.' && dotInWord(body, m.index)) continue;
    out.push({ start: sentence.start + from, end: sentence.start + m.index });
    from = m.index + m[0].length;
  }
  out.push({ start: sentence.start + from, end: sentence.end });
  return out.filter((c) => /[\u0621-\u064A]/.test(text.slice(c.start, c.end)));
}

/** Longest run of clitics (و، ف، ب، ل، ك) glued before a time expression: "وبالأحد" is و + ب + الأحد. */
const MAX_CLITIC_CHARS = 3;

/**
 * Where the word of a time expression starting at `start` begins, when only clitics stand before it
 * ("بالأحد", "وبالخميس"): they go with the time, so the event keeps no dangling "ب". Never before `floor`.
 */
export function cliticStart(text: string, start: number, floor: number): number {
  let from = start;
  while (from > floor && start - from < MAX_CLITIC_CHARS && isClitic(text.charCodeAt(from - 1))) from--;
  return from === start || from === floor || isSpace(text.charCodeAt(from - 1)) || LEAD_EDGE.has(text.charCodeAt(from - 1)) ? from : start;
}

/** و ف ب ل ك, and the tatweel that may stretch one before a digit ("لـ8 ماي") */
const isClitic = (c: number): boolean => c === 0x0648 || c === 0x0641 || c === 0x0628 || c === 0x0644 || c === 0x0643 || c === 0x0640;

/** Clause text with the time expressions (and the preposition before each) taken out, as written and normalized. */
function withoutTimes(view: ArticleView, clause: Span, times: Span[]): { raw: string; norm: string } {
  const { text } = view;
  let out = '';
  let norm = '';
  let at = clause.start;
  for (const t of times) {
    if (t.end <= clause.start || t.start >= clause.end) continue;
    let cut = cliticStart(text, Math.max(t.start, clause.start), at);
    // Drop the word right before the expression when it only introduces it: في، منذ، حوالي، يوم.
    // Up to two of them: "وقع في نحو الساعة التاسعة".
    for (let k = 0; k < 2; k++) {
      let end = cut;
      while (end > at && isSpace(text.charCodeAt(end - 1))) end--;
      let from = end;
      while (from > at && !isSpace(text.charCodeAt(from - 1))) from--;
      if (from === end || !BEFORE_TIME.has(normSlice(view, from, end))) break;
      cut = from;
    }
    out += text.slice(at, cut) + ' ';
    norm += normSlice(view, at, cut) + ' ';
    at = Math.min(clause.end, Math.max(at, t.end));
  }
  out += text.slice(at, clause.end);
  norm += normSlice(view, at, clause.end);
  return { raw: out, norm };
}

const THAT = words(['وذلك', 'ذلك']);
/** Characters of a clause's head enough for the four words an attribution is told by. */
const ATTRIBUTION_HEAD_CHARS = 80;

function isAttribution(view: ArticleView, clause: Span): boolean {
  const work = workOf(view, clause);
  if (work?.attribution !== undefined) return work.attribution;
  const head = normSlice(view, clause.start, Math.min(clause.end, clause.start + ATTRIBUTION_HEAD_CHARS));
  const words = trimEdges(head).split(/\s+/, REPORT_HEAD_WORDS);
  // "وذلك وفق ما أفاد به …": the attribution after وذلك.
  const at = attributionAt(words, 0) ? 0 : THAT.has(words[0] ?? '') && attributionAt(words, 1) ? 1 : -1;
  const found = at >= 0 && !opensReport(words, at);
  if (work) work.attribution = found;
  return found;
}

/** Words of a clause's head looked at for an attribution and the complementizer of a report after it. */
const REPORT_HEAD_WORDS = 10;
/** First words of attributions that are no verb: "وفق ما …", "حسب بيان …", "على حد تعبير …", "في تصريح لـ …". */
const NOT_VERB_HEADS = words(['وفق', 'ووفق', 'حسب', 'وحسب', 'بحسب', 'وبحسب', 'على', 'في']);

/**
 * Whether an attribution opened by a verb at word `at` goes on to a complementizer: "أفاد مراسل
 * الجوهرة بأنه تم العثور اليوم على جثة …", "كما أكدت الوزارة أن …" report what happened, as قال does;
 * "كما أفاد مراسلنا" alone only credits the clause before it.
 */
function opensReport(norm: string[], at: number): boolean {
  const first = norm[at];
  if (first === undefined || ATTRIBUTION_START.has(first) || NOT_VERB_HEADS.has(first)) return false;
  return norm.slice(at + 1).some((w) => COMPLEMENTIZERS.has(w) || PRONOUN_COMPLEMENTS.has(w));
}

/** Strips a leading و glued to a word unless the و belongs to the word (وقع، وصل، وزير); `norm` is its normalized form. */
function stripWaw(word: string, norm: string): string {
  if (word.length < 3 || word[0] !== 'و') return word;
  if (WAW_ROOTS.some((root) => norm.startsWith(root))) return word;
  return word.slice(1);
}

/** Words of an event as written (`ws`) and normalized (`nw`), one to one. */
interface Words {
  ws: string[];
  nw: string[];
}

/** The runs of non-white text of `x` (what x.split(/\s+/) gives, without empty edges), scanned by hand. */
function splitWhite(x: string, starts?: number[]): string[] {
  const out: string[] = [];
  let from = -1;
  for (let i = 0; i <= x.length; i++) {
    const white = i === x.length || isWhite(x.charCodeAt(i));
    if (!white) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      out.push(x.slice(from, i));
      starts?.push(from);
      from = -1;
    }
  }
  return out;
}

/** A word without the punctuation an event never opens with. */
function trimLead(w: string): string {
  let a = 0;
  while (a < w.length && (isWhite(w.charCodeAt(a)) || LEAD_EDGE.has(w.charCodeAt(a)))) a++;
  return a === 0 ? w : w.slice(a);
}

/** A word without the punctuation an event never ends with. */
function trimTrail(w: string): string {
  let b = w.length;
  while (b > 0 && (isWhite(w.charCodeAt(b - 1)) || TRAIL_EDGE.has(w.charCodeAt(b - 1)))) b--;
  return b === w.length ? w : w.slice(0, b);
}

/** The words of a clause with punctuation at its two edges taken off (as trimEdges does to the whole). */
function tidyWords(x: string): string[] {
  const ws = splitWhite(x);
  let from = 0;
  let to = ws.length;
  while (from < to && (ws[from] = trimLead(ws[from]!)) === '') from++;
  while (to > from && (ws[to - 1] = trimTrail(ws[to - 1]!)) === '') to--;
  return from === 0 && to === ws.length ? ws : ws.slice(from, to);
}

/** Splits a clause and its normalized form into aligned words (normalizing word by word when a word was all marks). */
function wordsOf(raw: string, norm: string): Words {
  const ws = tidyWords(raw);
  let nw = tidyWords(norm);
  if (nw.length !== ws.length) nw = ws.map((w) => normalize(w));
  return { ws, nw };
}

/**
 * Leading connectors, "كانت … قد", trailing attributions and edge punctuation out. `told`: a report
 * of a happening reads as the happening (false when another time of the clause dates the happening).
 */
function clean({ ws, nw }: Words, told = true): Words {
  // Attribution inside the clause: "… بحسب ما نقلت وكالة فرانس برس".
  for (let i = MIN_EVENT_WORDS; i < ws.length; i++) {
    if (!attributionAt(nw, i)) continue;
    // "أكدت النائب … في تصريح لجوهرة اف ام أن الاجتماع …": inside a report, the circumstance of the telling goes, what was said stays.
    const said = reportedAfter(nw, i);
    if (said > i) {
      ws = [...ws.slice(0, i), ...ws.slice(said)];
      nw = [...nw.slice(0, i), ...nw.slice(said)];
      continue;
    }
    ws = ws.slice(0, i);
    nw = nw.slice(0, i);
    break;
  }
  const led = dropLeads([...ws], [...nw]);
  const happening = told ? reportedHappening(led) : led;
  return happening === led ? led : dropLeads(happening.ws, happening.nw);
}

/** Words a report's verb may come after at the start of a clause (و، يذكر أن، كما …). */
const MAX_REPORT_LEAD_WORDS = 3;

/**
 * Index of the complementizer (أن، إن، أنه …) after an attribution at word i, when a reporting verb
 * opens the clause and the complementizer follows within MAX_SPEAKER_WORDS; -1 otherwise.
 */
function reportedAfter(nw: string[], i: number): number {
  let verb = false;
  for (let k = 0; k < Math.min(i, MAX_REPORT_LEAD_WORDS); k++) {
    const w = nw[k]!;
    if (REPORT_VERBS.has(w) || (w.length > 3 && (w[0] === 'و' || w[0] === 'ف') && REPORT_VERBS.has(w.slice(1)))) verb = true;
  }
  if (!verb) return -1;
  for (let k = i + 1; k < nw.length && k <= i + MAX_SPEAKER_WORDS; k++) {
    if (COMPLEMENTIZERS.has(nw[k]!) || PRONOUN_COMPLEMENTS.has(nw[k]!)) return k;
  }
  return -1;
}

/** Leading connectors, lead-ins and "كانت … قد" off, trailing prepositions off (the arrays are changed in place). */
function dropLeads(ws: string[], nw: string[]): Words {
  for (let guard = 0; guard < 6 && ws.length > 0; guard++) {
    const first = ws[0]!;
    const norm = nw[0]!;
    // "يذكر أن …", "تجدر الإشارة إلى أن …": the event is what follows.
    const lead = LEAD_FIRST.has(norm) ? LEAD_PHRASES.find((p) => p.every((w, k) => nw[k] === w)) : undefined;
    if (lead && ws.length > lead.length) {
      ws.splice(0, lead.length);
      nw.splice(0, lead.length);
      continue;
    }
    // "هذا وتواصلت …": هذا opens a closing remark before a verb glued to و, as "هذا و" does apart.
    if (norm === 'هذا' && ws.length > 2 && stripWaw(ws[1]!, nw[1]!) !== ws[1]) {
      ws.shift();
      nw.shift();
      continue;
    }
    // "وتعود أطوار القضية إلى خلاف نشب بين شخصين", "تعود وقائعها … عندما تعرض الضحية …": the happening after the opener.
    const story = backstoryLength(nw);
    if (story > 0 && ws.length > story) {
      ws.splice(0, story);
      nw.splice(0, story);
      continue;
    }
    // "من المقرر أن …" says the event is planned: the من stays.
    if (norm === 'من' && KEEP_AFTER_MIN.has(nw[1] ?? '')) break;
    if (LEAD_DROP.has(norm)) {
      ws.shift();
      nw.shift();
      continue;
    }
    const bare = stripWaw(first, norm);
    if (bare !== first) {
      ws[0] = bare;
      nw[0] = norm.slice(1);
      continue;
    }
    // "بقتل جريح فلسطيني في الخليل" (what a verb in the clause before governs): the happening itself.
    const happening = gluedHappening(first, norm);
    if (happening > 0 && ws.length > 1) {
      ws[0] = first.slice(happening);
      nw[0] = normalize(ws[0]);
      continue;
    }
    // "وكانت الوزارة (قد) أعلنت": the pluperfect reads as the plain past.
    if (WAS.has(norm) && ws.length > 3) {
      const qad = nw.slice(1, 6).indexOf('قد');
      if (qad >= 0) {
        ws.splice(qad + 1, 1);
        nw.splice(qad + 1, 1);
      }
      ws.shift();
      nw.shift();
      continue;
    }
    break;
  }
  while (ws.length > 0 && TRAIL_DROP.has(nw.at(-1)!)) {
    ws.pop();
    nw.pop();
  }
  return { ws, nw };
}

const BACKSTORY_VERBS = words(eventData.backstoryVerbs);
const BACKSTORY_NOUNS = words(eventData.backstoryNouns);
const TO = words(['إلى', 'الى']);

/**
 * Words of the opener of a case's back story at the head of `nw` ("تعود أطوار القضية إلى", "ترجع
 * تفاصيلها"): the verb, its noun, the definite noun that may follow and إلى; 0 when there is none.
 */
export function backstoryLength(nw: string[]): number {
  if (!BACKSTORY_VERBS.has(nw[0] ?? '') || !BACKSTORY_NOUNS.has(nw[1] ?? '')) return 0;
  let n = 2;
  // "القضية التي جدت …" keeps its noun: the relative clause tells what happened.
  if (nw[n]?.startsWith('ال') && !RELATIVE.has(nw[n + 1] ?? '')) n++;
  if (TO.has(nw[n] ?? '')) n++;
  return n;
}

/** Whether an event is only the opener of a back story ("تعود أطوار القضية"): what happened is told after it. */
function isBackstoryOnly(event: string): boolean {
  const nw = normalize(event).split(' ');
  const n = backstoryLength(nw);
  return n > 0 && n >= nw.length;
}

/**
 * Characters of a ب or ل (with a tatweel) glued to a named happening that opens an event ("بقتل",
 * "لاغتيال", "بـتفجير"): the preposition of a verb left in another clause. 0 when the word is not
 * one (a definite noun "بالتعاون" is a circumstance, and stays).
 */
export function gluedHappening(word: string, norm: string): number {
  if (norm.length < 4 || (norm[0] !== 'ب' && norm[0] !== 'ل') || norm.startsWith('ال', 1)) return 0;
  const cut = word[1] === 'ـ' ? 2 : 1;
  return (kindsOf(lightStem(normalize(word.slice(cut)))) & HAPPENING) !== 0 ? cut : 0;
}

/**
 * "قال المرصد إن 25 شخصا قتلوا جراء تفجير …": when what a report says is a happening (an attack,
 * deaths, an arrest, a disaster, a protest), the event is the happening, not the telling. A
 * statement ("أكد الوزير أن الحكومة ستدعم …") stays one, as does a report about the speaker
 * itself ("قالت الشركة إنها ستعوض …").
 */
function reportedHappening(w: Words): Words {
  if (!REPORT_VERBS.has(w.nw[0] ?? '')) return w;
  for (let k = 1; k <= MAX_SPEAKER_WORDS + 1 && k < w.nw.length; k++) {
    const x = w.nw[k]!;
    if (PRONOUN_COMPLEMENTS.has(x)) return w;
    if (!COMPLEMENTIZERS.has(x)) continue;
    const rest = { ws: w.ws.slice(k + 1), nw: w.nw.slice(k + 1) };
    if (rest.nw.length < MIN_EVENT_WORDS) return w;
    let kinds = 0;
    for (const n of rest.nw) kinds |= kindsOf(lightStem(n));
    return (kinds & HAPPENING) !== 0 ? rest : w;
  }
  return w;
}

/**
 * A report with nothing after its speaker ("قال أحد التجار", "قال في برنامج على سي إن إن") or an
 * attribution alone ("وفق ما ورد عن جلسة المحكمة"): a weak event, that a neighbouring clause beats.
 */
function isBareReport(event: string): boolean {
  const space = event.indexOf(' ');
  const first = normalize(space < 0 ? event : event.slice(0, space));
  // Most events open with neither a reporting verb nor an attribution: no need to split them.
  if (!REPORT_VERBS.has(first) && !ATTRIBUTION_START.has(first) && !ATTRIBUTION_PHRASES.has(first)) return false;
  const nw = normalize(event).split(' ');
  if (attributionAt(nw, 0)) return true;
  // A quotation of four words or more is what was said; a short one names something ("سي آن آن").
  const said = /["«“](?:[^"«»“”\s]+\s+){3,}[^"«»“”]*["»”]|:/.test(event);
  if (!REPORT_VERBS.has(nw[0]!) || said || nw.some((w) => COMPLEMENTIZERS.has(w) || PRONOUN_COMPLEMENTS.has(w))) return false;
  return SAY_VERBS.has(nw[0]!) || nw.length <= 4;
}

const STARTING_FROM = words(eventData.startingFrom);
const PLACE_DESCRIPTIONS = eventData.placeDescriptions.map((p) => normalize(p).split(' '));

/** Whether a clause opens by describing the place named before it ("مسقط رأس …", "عاصمة …", "الواقعة …"). */
function describesPlace(view: ArticleView, clause: Span): boolean {
  const head = trimEdges(normSlice(view, clause.start, Math.min(clause.end, clause.start + 32))).split(/\s+/, 3);
  return PLACE_DESCRIPTIONS.some((p) => p.every((w, i) => head[i] === w));
}

/** Whether a clause opens with "ابتداء من", "اعتبارا من", "انطلاقا من": a start date, not an event. */
function startsFrom(view: ArticleView, clause: Span): boolean {
  const head = trimEdges(normSlice(view, clause.start, Math.min(clause.end, clause.start + 24))).split(/\s+/, 2);
  return STARTING_FROM.has(head[0]!) && head[1] === 'من';
}

/** A clause that opens with a preposition ("في …", "بالتعاون مع …", "بـ4،1 بالمائة") is a circumstance, not an event. */
function opensWithPreposition(event: string): boolean {
  const space = event.indexOf(' ');
  const first = normalize(space < 0 ? event : event.slice(0, space));
  return PREPOSITIONS.has(first) || /^(?:[بلك]ال|ب[ـ0-9])/.test(first);
}

/** The event text of a clause: cleaned, shortened, with edge punctuation and unbalanced quotes out. */
function eventText(view: ArticleView, span: Span, times: Span[]): string {
  const work = workOf(view, span);
  if (work?.event !== undefined) return work.event;
  const event = shorten(cleanWords(view, span, times));
  if (work) work.event = event;
  return event;
}

/** Removes a quotation mark left alone after cutting, and an opening bracket never closed. */
function balanceQuotes(s: string): string {
  // Brackets that held only the time taken out: "بلغت 3.5 بالمائة (أكتوبر 2016)".
  if (/\(\s*\)|\[\s*\]|«\s*»/.test(s)) s = s.replace(/\(\s*\)|\[\s*\]|«\s*»/g, ' ').replace(/\s+/g, ' ');
  s = trimEdges(s);
  const open = s.lastIndexOf('(');
  if (open >= 0 && s.indexOf(')', open) < 0) s = trimEdges(s.slice(0, open));
  s = dropUnpaired(dropUnpaired(dropUnpaired(s, '«', '»'), '“', '”'), '(', ')');
  const count = (s.match(/"/g) ?? []).length;
  if (count % 2 === 0) return s;
  if (s.startsWith('"')) return s.slice(1).trim();
  if (s.endsWith('"')) return s.slice(0, -1).trim();
  const last = s.lastIndexOf('"');
  return (s.slice(0, last) + s.slice(last + 1)).replace(/\s+/g, ' ').trim();
}

/** Removes the marks of a pair (« ») that the cut left without their partner. */
function dropUnpaired(s: string, open: string, close: string): string {
  if (!s.includes(open) && !s.includes(close)) return s;
  const drop = new Set<number>();
  const opens: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === open) opens.push(i);
    else if (s[i] === close && opens.pop() === undefined) drop.add(i);
  }
  for (const i of opens) drop.add(i);
  if (drop.size === 0) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) if (!drop.has(i)) out += s[i];
  return out.replace(/\s+/g, ' ').trim();
}

/** Cuts a long event at a clause word (قبل أن، حيث، مما …) or, failing that, at a word boundary. */
function shorten(words: Words, max = MAX_EVENT_CHARS): string {
  let joined = words.ws.join(' ');
  if (joined.length <= max) return finish(joined);
  const { ws, nw } = withoutCircumstance(words);
  joined = ws.join(' ');
  if (joined.length <= max) return finish(joined);
  let fit = 0;
  for (let len = -1; fit < ws.length && len + ws[fit]!.length + 1 <= max; fit++) len += ws[fit]!.length + 1;
  let cut = softCut(nw, fit) ?? coordinationCut(ws, nw, fit, max) ?? Math.max(1, fit);
  // Nor end inside a name: "… بمعتمدية الرقاب من ولاية سيدي" → "… بمعتمدية الرقاب"; nor on a word that needs the
  // next one: a direction or preposition ("على بعد 100 كم شمال"), a letter of an abbreviation ("4ر1 م" of "م د").
  const cutCut = cut < ws.length;
  const dangles = (w: string): boolean => isPreposition(w) || /^[\u0621-\u064A]$/.test(w) || (opensName(w) && !/^[0-9]+$/.test(nw[cut - 2]!));
  while (cut > MIN_EVENT_WORDS && (TRAIL_DROP.has(nw[cut - 1]!) || (cutCut && (dangles(nw[cut - 1]!) || splitsConstruct(nw[cut - 1]!, nw[cut]))))) cut--;
  return finish(ws.slice(0, cut).join(' '));
}

/** Whether a word is a preposition, with a و or ف glued to it too ("ومن أبرزها", "وفي"). */
function isPreposition(w: string): boolean {
  return PREPOSITIONS.has(w) || (w.length > 2 && (w[0] === 'و' || w[0] === 'ف') && PREPOSITIONS.has(w.slice(1)));
}

/**
 * Whether a cut between `last` and `next` parts a noun from the definite noun it is annexed to or
 * points at: "انضم إلى نقابة | المحامين", "بقيادة | العميد", "مقترحات | التعديل", "تعمل في هذه |
 * المدرسة". An indefinite noun ending in ة or ات before a definite word is annexed to it (an
 * adjective would be definite too); a relative (التي، الذي) opens a clause of its own.
 */
export function splitsConstruct(last: string, next: string | undefined): boolean {
  if (next === undefined || !/^ال[\u0621-\u064A]{2,}$/.test(next) || RELATIVE.has(next)) return false;
  if (DEMONSTRATIVES.has(last)) return true;
  return /^[\u0621-\u064A]+(?:ة|ات)$/.test(last) && !/^(?:[وفبلك]?ال|لل)/.test(last);
}

/** Whether a word (a glued ب، ل or و off) opens a name or needs one after it: سيدي، بن، ولاية، بمدينة (after a number, "في 18 محافظة", it is counted, not named). */
function opensName(w: string): boolean {
  return NAME_HEADS.has(w) || (w.length > 3 && /^[بلو]/.test(w) && NAME_HEADS.has(w.slice(1)));
}

const ANY = normalize('أي');
/** Words that make a following أي "any" (لم يبد أي علامة، أمام أي مواجهة), not "that is" (أي ما يعادل). */
const ANY_GOVERNORS = words(eventData.anyGovernors);

/**
 * Whether a soft boundary (قبل أن، حيث، مما، أي …) opens at word k. أي is one only as "that is":
 * not after a negation or a preposition one or two words back ("ولم يبد أي علامة", "أمام أي مواجهة").
 */
function softAt(nw: string[], k: number): boolean {
  const next = SOFT_BY_FIRST.get(nw[k]!);
  if (!next || !next.some((rest) => rest === '' || rest === nw[k + 1])) return false;
  if (nw[k] !== ANY) return true;
  return !governsAny(nw[k - 1]) && !governsAny(nw[k - 2]);
}

/** Whether a word (its و off) makes a following أي "any". */
function governsAny(w: string | undefined): boolean {
  if (w === undefined) return false;
  return ANY_GOVERNORS.has(w) || (w.length > 2 && (w[0] === 'و' || w[0] === 'ف') && ANY_GOVERNORS.has(w.slice(1)));
}

/** The last clause word (قبل أن، حيث، مما …) at or before word `fit`, past the first words; null when none. */
function softCut(nw: string[], fit: number): number | null {
  for (let w = fit; w > MIN_EVENT_WORDS; w--) {
    if (softAt(nw, w)) return w;
  }
  return null;
}

/**
 * The last و before a verb or a happening at or before word `fit` that leaves at least half of
 * `max` before it ("نقلنا 48 مصابا لخمسة مستشفيات | وعالجنا عددا من …"): the first of two
 * coordinated clauses is whole, where a cut at the last word that fits is not. null when none.
 */
function coordinationCut(ws: string[], nw: string[], fit: number, max: number): number | null {
  for (let w = Math.min(fit, ws.length - 1); w > MIN_EVENT_WORDS; w--) {
    if (joinedLength(ws.slice(0, w)) < max / 2) return null;
    if (wawAt(ws, nw, w)) return w;
  }
  return null;
}

/** Edge punctuation off, quotes balanced, and a particle glued to a closing quote ('سياسيين"ومنذ') off the end. */
function finish(event: string): string {
  const s = trimEdges(event);
  const glued = /(["»”])([\u0621-\u064A]{1,5})$/.exec(s);
  const tail = glued ? normalize(glued[2]!) : '';
  const cut = glued && (TRAIL_DROP.has(tail) || (tail.startsWith('و') && TRAIL_DROP.has(tail.slice(1)))) ? s.slice(0, glued.index + 1) : s;
  const balanced = balanceQuotes(cut);
  // A quotation that is the whole event ('"الوحدات الأمنية تمكنت من …"') reads without its marks.
  const whole = /^(["«“])([^"«»“”]+)(["»”])$/.exec(balanced);
  return whole ? whole[2]!.trim() : balanced;
}

/**
 * A long report without the circumstance between its speaker and what was said: "أكد الوزير في
 * تصريح إعلامي على هامش … أن الحزب …" → "أكد الوزير أن الحزب …", so the cut keeps what was said.
 */
function withoutCircumstance(w: Words): Words {
  for (let c = 2; c < w.nw.length; c++) {
    if (!CIRCUMSTANCE_FIRST.has(w.nw[c]!) || !CIRCUMSTANCE.some((p) => p.every((x, i) => w.nw[c + i] === x))) continue;
    for (let k = c + 1; k < w.nw.length && k <= c + MAX_CIRCUMSTANCE_WORDS; k++) {
      if (COMPLEMENTIZERS.has(w.nw[k]!) || PRONOUN_COMPLEMENTS.has(w.nw[k]!)) {
        return { ws: [...w.ws.slice(0, c), ...w.ws.slice(k)], nw: [...w.nw.slice(0, c), ...w.nw.slice(k)] };
      }
    }
    return w;
  }
  return w;
}

function wordCount(s: string): number {
  // Space-separated words holding an Arabic letter, counted in one pass without splitting.
  let n = 0;
  let arabic = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (c === 32) {
      if (arabic) n++;
      arabic = false;
    } else if (c >= 0x0621 && c <= 0x064a) arabic = true;
  }
  return n;
}

/** A time expression as the event finder sees it: a span, and its value when it has one. */
export type TimeSpan = Span & { value?: string | null };

/**
 * Inside a long clause, or one that dates two things, the part of it around the expression: split
 * at clause words (التي، قبل أن، حيث …); a relative clause keeps the noun it describes.
 */
function subClause(view: ArticleView, clause: Span, at: TimeSpan, times: TimeSpan[]): Span | null {
  let dated = 0;
  for (const t of times) if (t.value && t.start < clause.end && t.end > clause.start) dated++;
  if (clause.end - clause.start <= MAX_EVENT_CHARS && dated < 2) return null;
  const split = clauseWords(view, clause);
  if (!split) return null;
  const { ws: rawWords, nw: normWords, starts: rawStarts } = split;
  const cuts: number[] = [];
  for (let w = 1; w < normWords.length; w++) {
    if (softAt(normWords, w)) cuts.push(w);
  }
  if (cuts.length === 0) return null;
  const atWord = rawWords.findIndex((w, k) => clause.start + rawStarts[k]! + w.length > at.start);
  let from = 0;
  let to = rawWords.length;
  for (const c of cuts) {
    if (c <= atWord) from = c;
    else {
      to = c;
      break;
    }
  }
  if (from === 0) return null; // the expression dates the main clause
  // "الاعتداءات الإرهابية التي استهدفت باريس": keep up to three words of the noun, stop at a preposition.
  const head = RELATIVE.has(normWords[from]!) ? relativeHead(normWords, from) : from;
  return { start: clause.start + rawStarts[head]!, end: clause.start + rawStarts[to - 1]! + rawWords[to - 1]!.length };
}

/**
 * The words of a clause as written and normalized, with their starts in the clause (which line up
 * one to one), worked out once per clause; null when they do not line up.
 */
function clauseWords(view: ArticleView, clause: Span): ClauseWords | null {
  const work = workOf(view, clause);
  if (work?.split !== undefined) return work.split;
  const starts: number[] = [];
  const ws = splitWhite(view.text.slice(clause.start, clause.end), starts);
  const nw = splitWhite(normSlice(view, clause.start, clause.end));
  const split = ws.length === nw.length ? { ws, nw, starts } : null;
  if (work) work.split = split;
  return split;
}

/** The piece of a clause that is one time's own, and whether what the clause reports is another time's. */
interface TimePiece {
  span: Span;
  /** The time heads a report ("أعلنت الوزارة اليوم أن الجمارك ضبطت أمس …") whose happening another time dates. */
  report: boolean;
}

/** Length in words of the phrase parting two times' events at word k (betweenTimes, a soft boundary), or 0. */
function partingAt(nw: string[], k: number): number {
  const between = BETWEEN_BY_FIRST.get(nw[k]!)?.find((p) => p.every((w, i) => nw[k + i] === w));
  if (between) return between.length;
  return softAt(nw, k) ? 1 : 0;
}

/**
 * Whether word k is و before a verb ("وصادرت", "وانضمت") or a named happening ("والهجوم"): a weaker
 * parting. و before a plain noun ("بين الدرك ومجموعة إرهابية", "30 مسيرة ووقفة") joins, not parts.
 */
function wawAt(ws: string[], nw: string[], k: number): boolean {
  const w = nw[k]!;
  let x: string;
  // "واصفا عملية الإطلاق …": a second report opens, its و part of the word.
  if (NOT_CONTINUATION.has(w) && WAW_ROOTS.some((root) => w.startsWith(root))) return true;
  if (w === 'و') x = nw[k + 1] ?? '';
  else if (w.length >= 3 && w[0] === 'و' && stripWaw(ws[k]!, w) !== ws[k]) x = w.slice(1);
  else return false;
  if (x === '' || /[0-9]/.test(x)) return false;
  if (kindsOf(lightStem(x)) !== 0) return true;
  return looksLikeVerb(x);
}

/** A rough verb test for a word after و: not definite, not a feminine or plural noun ending, and a verb's prefix, ending or length. */
function looksLikeVerb(x: string): boolean {
  if (x.startsWith('ال') || /(?:[ةى]|ات)$/.test(x)) return false;
  return /(?:ت|وا|نا)$/.test(x) || (x.length >= 4 && /^[اتين]/.test(x)) || x.length === 3;
}

/**
 * When the clause dates another event at another date ("عثر على جثته أمس في جبل المغيلة بعد اختطافه
 * يوم الجمعة"), the piece of it that is `at`'s: cut at the parting word nearest the time on each side
 * between it and the other time (بعد، قبل أن، عندما، ثم، التي … or, failing one, و before a word).
 * A complementizer (أن، إن) opens the later time's piece but does not end the reporting time's: that
 * one keeps what was said, told as a report. null when the clause dates nothing else.
 */
function timePiece(view: ArticleView, clause: Span, at: TimeSpan, times: TimeSpan[]): TimePiece | null {
  let prev: TimeSpan | undefined;
  let next: TimeSpan | undefined;
  for (const t of times) {
    if (!t.value || t.value === at.value || t.end <= clause.start || t.start >= clause.end) continue;
    if (t.end <= at.start) prev = t;
    else if (t.start >= at.end && next === undefined) next = t;
  }
  if (!prev && !next) return null;
  const split = clauseWords(view, clause);
  if (!split) return null;
  const { ws, nw, starts } = split;
  const startOf = (k: number): number => clause.start + starts[k]!;
  const endOf = (k: number): number => startOf(k) + ws[k]!.length;
  let from = 0;
  if (prev) {
    // The last parting between the earlier time and this one; a phrase right before this time is its preposition.
    let strong = -1;
    let weak = -1;
    for (let k = 0; k < ws.length && endOf(k) <= at.start; k++) {
      if (startOf(k) < prev.end) continue;
      const n = COMPLEMENTIZERS.has(nw[k]!) || PRONOUN_COMPLEMENTS.has(nw[k]!) ? 1 : partingAt(nw, k);
      if (n > 0 && k + n < ws.length && startOf(k + n) < at.start) {
        // A relative pronoun keeps the noun it describes; other parting words go.
        strong = RELATIVE.has(nw[k]!) ? relativeHead(nw, k, (j) => startOf(j) >= prev.end) : BETWEEN_BY_FIRST.has(nw[k]!) || n > 1 || COMPLEMENTIZERS.has(nw[k]!) ? k + n : k;
      } else if (wawAt(ws, nw, k) && k + 1 < ws.length && (nw[k] !== 'و' || startOf(k + 1) < at.start)) weak = k; // "وعاد بعد يومين": the verb glued to و is the piece's
    }
    from = strong >= 0 ? strong : Math.max(0, weak);
  }
  let to = ws.length;
  let report = false;
  if (next) {
    let weak = -1;
    let said = false;
    let told = -1; // word of the last complementizer: a cut leaves at least two words of what was said
    for (let k = 0; k < ws.length && endOf(k) <= next.start; k++) {
      const complement = COMPLEMENTIZERS.has(nw[k]!) || PRONOUN_COMPLEMENTS.has(nw[k]!);
      if (complement && k >= from) told = k;
      if (startOf(k) < at.end) {
        if (complement && k >= from) said = true;
        continue;
      }
      if (complement) {
        // The time dates the telling, the other time what was told: unless the piece already says what it tells.
        report = !said;
        continue;
      }
      if (told >= 0 && k - told <= 2) continue; // "أعلنت النيابة أن الرجل الذي أوقف أمس": not "أن الرجل" alone
      const n = partingAt(nw, k);
      if (n > 0 && k + n < ws.length && startOf(k + n) < next.start) {
        to = k;
        weak = -1;
        break;
      }
      if (weak < 0 && wawAt(ws, nw, k) && k + 1 < ws.length && (nw[k] !== 'و' || startOf(k + 1) < next.start)) weak = k;
    }
    if (weak > 0) to = weak;
    if (to < ws.length) report = false; // the other time dates something after a parting, not what was told
  }
  if (to <= from) return null;
  const span = { start: startOf(from), end: endOf(to - 1) };
  if (span.start === clause.start && span.end === clause.end && !report) return null;
  return { span, report };
}

/** First word of the noun a relative pronoun at word k describes: up to three words back, not through a preposition or out of `inside`. */
function relativeHead(nw: string[], k: number, inside: (j: number) => boolean = () => true): number {
  let head = k;
  while (head > 0 && k - head < 3 && !TRAIL_DROP.has(nw[head - 1]!) && inside(head - 1)) head--;
  return head;
}

/**
 * The event of a time's own piece of its clause, tried as the clause itself would be (a relative
 * clause naming its noun, a clause completed after a comma, a long clause cut), but never another
 * clause's: that would tell the other time's event again. '' when the piece says too little.
 */
function pieceEvent(view: ArticleView, parts: Span[], own: number, piece: TimePiece, at: TimeSpan, times: TimeSpan[]): string {
  const local = [...parts.slice(0, own), piece.span, ...parts.slice(own + 1)];
  if (!piece.report) {
    const relative = relativeEvent(view, local, own, times);
    if (wordCount(relative) >= MIN_EVENT_WORDS) return relative;
    const joined = joinedEvent(view, local, own, at, times);
    if (wordCount(joined) >= MIN_EVENT_WORDS) return joined;
    // The clause's own cuts (a relative clause after the time: "… باريس في 13 نوفمبر والذي لا يزال فارا") still apply.
    const sub = subClause(view, parts[own]!, at, times);
    const start = sub ? Math.max(sub.start, piece.span.start) : 0;
    const end = sub ? Math.min(sub.end, piece.span.end) : 0;
    const part = end > start && end - start < piece.span.end - piece.span.start ? eventText(view, { start, end }, times) : '';
    if (wordCount(part) >= MIN_EVENT_WORDS) return part;
  }
  if (isAttribution(view, piece.span)) return '';
  const mine = piece.report ? shorten(clean(toldWith(view, parts, own, piece.span, times), false)) : eventText(view, piece.span, times);
  return wordCount(mine) >= MIN_EVENT_WORDS && !opensWithPreposition(mine) && !isBareReport(mine) ? mine : '';
}

/** Most clauses back, across commas, that a report's verb may stand ("وأكد المتحدث، شون سبايسر، الأربعاء أن …"). */
const MAX_SPEAKER_CLAUSES = 3;

/**
 * The words of a reporting time's piece that opens with the complementizer, its verb and speaker
 * left in a clause before the comma ("وأكد المتحدث باسم البيت الأبيض، شون سبايسر، الأربعاء أن …"):
 * that clause's words before them, so the telling reads as one ("أكد المتحدث … أن …").
 */
function toldWith(view: ArticleView, parts: Span[], own: number, span: Span, times: Span[]): Words {
  const mine = spanWords(view, span, times);
  const first = mine.nw[0] ?? '';
  if (!COMPLEMENTIZERS.has(first) && !PRONOUN_COMPLEMENTS.has(first)) return mine;
  for (let j = own - 1; j >= 0 && j >= own - MAX_SPEAKER_CLAUSES; j--) {
    if (!commaBetween(view.text, parts[j]!, j + 1 === own ? span : parts[j + 1]!)) break;
    const head = spanWords(view, parts[j]!, times);
    const verb = head.nw[0] ?? '';
    if (REPORT_VERBS.has(verb) || (verb.startsWith('و') && REPORT_VERBS.has(verb.slice(1)))) {
      return { ws: [...head.ws, ...mine.ws], nw: [...head.nw, ...mine.nw] };
    }
  }
  return mine;
}

/** Words of a span with its time expressions taken out, not yet cleaned. */
function spanWords(view: ArticleView, span: Span, times: Span[]): Words {
  const work = workOf(view, span);
  if (work?.words) return work.words;
  const { raw, norm } = withoutTimes(view, span, times);
  const words = wordsOf(raw, norm);
  if (work) work.words = words;
  return words;
}

/** clean(spanWords(…)) of a span, worked out once. */
function cleanWords(view: ArticleView, span: Span, times: Span[]): Words {
  const work = workOf(view, span);
  if (work?.cleaned) return work.cleaned;
  const cleaned = clean(spanWords(view, span, times));
  if (work) work.cleaned = cleaned;
  return cleaned;
}

/** Whether only a comma stands between clause a and the clause b after it. */
function commaBetween(text: string, a: Span, b: Span): boolean {
  return /^\s*[،,]\s*$/.test(text.slice(a.end, b.start));
}

/** Whether a clause after a comma completes the one before it (its object, its rest) rather than starting anew. */
function completes(view: ArticleView, clause: Span, times: Span[]): boolean {
  const { ws, nw } = spanWords(view, clause, times);
  const first = nw[0];
  if (first === undefined || NOT_CONTINUATION.has(first) || isAttribution(view, clause)) return false;
  return stripWaw(ws[0]!, first) === ws[0]; // "وقال …", "وأضاف …" start a clause of their own
}

/** Words a short aside between commas opens with: أي (that is), في إطار (as part of). */
const ASIDE_WORDS = new Set(['اي', 'في', 'وفي', 'و']);
const MAX_ASIDE_WORDS = 8;

/** Whether a clause is a few words with no verb: a name in apposition ("فاخر القفصي"), a circumstance ("إلى غاية 20 جوان"). */
function isVerblessAside(view: ArticleView, clause: Span, times: Span[]): boolean {
  const { nw } = spanWords(view, clause, times);
  // An attribution ("، بحسب بلاغ للوزارة، تلقت الإذاعة نسخة منه اليوم،") is what the aside after it tells of.
  return nw.length <= MAX_APPOSITION_WORDS && !nw.some((w) => looksLikeVerb(w) || REPORT_VERBS.has(w)) && !isAttribution(view, clause);
}

/**
 * Whether a clause opens with a preposition, a circumstance rather than a clause of its own ("وفي
 * ردها على تصريحات ترامب،", "في بيان،"). بين is left out: it is also the verb بيّن (stated).
 */
function isFrontedCircumstance(view: ArticleView, clause: Span, times: Span[]): boolean {
  const first = spanWords(view, clause, times).nw[0] ?? '';
  const bare = first.startsWith('و') && PREPOSITIONS.has(first.slice(1)) ? first.slice(1) : first;
  return bare !== 'بين' && PREPOSITIONS.has(bare);
}

/** Whether a clause is a short aside ("أي قبل يوم من الضربة", "و في إطار عملية نوعية") rather than the clause's completion. */
function isAside(view: ArticleView, clause: Span, times: Span[]): boolean {
  const { nw } = spanWords(view, clause, times);
  return nw.length > 0 && nw.length <= MAX_ASIDE_WORDS && ASIDE_WORDS.has(nw[0]!);
}

/** Whether the words hold an odd number of straight or curly quotation marks (a quotation left open). */
function oddQuotes(ws: string[]): boolean {
  let n = 0;
  for (const w of ws) for (const ch of w) if (ch === '"' || ch === '«' || ch === '»' || ch === '“' || ch === '”') n++;
  return n % 2 === 1;
}

/** Length of words joined by spaces. */
function joinedLength(ws: string[]): number {
  return ws.reduce((n, w) => n + w.length + 1, -1);
}

/**
 * The event when the time ends its clause, or stands alone between commas ("أقدم شاب، ليلة البارحة،
 * على إضرام النار"): the clause with the clause after the comma that completes it, within
 * MAX_JOINED_CHARS; a circumstance (خلال اتصال مع …) makes room for the verb's object. '' when none.
 */
function joinedEvent(view: ArticleView, parts: Span[], own: number, at: Span, times: Span[]): string {
  const { text } = view;
  const c = parts[own]!;
  if (parts[own + 1] === undefined) return ''; // nothing after the clause to complete it
  const ownRaw = spanWords(view, c, times);
  const ownWords = cleanWords(view, c, times);
  // Nothing but the time, a circumstance ("في الليلة الفاصلة بين …") or an attribution: the clause before carries the event.
  const bare =
    wordCount(ownWords.ws.join(' ')) === 0 || PREPOSITIONS.has(ownRaw.nw[0]!) || PREPOSITIONS.has(ownWords.nw[0]!) || isAttribution(view, c);
  if (!bare && /[\u0621-\u064A0-9]/.test(text.slice(at.end, c.end))) return ''; // the time does not end its clause
  let base = own;
  if (bare) {
    base = own - 1;
    const before = parts[base];
    if (!before || !commaBetween(text, before, c) || isAttribution(view, before)) return '';
  }
  // A clause between commas is an aside (", تلقت الوكالة نسخة منه اليوم،"): what follows completes the clause before it.
  // Not when the clause before it is itself the aside, a name or a circumstance with no verb ("والي تونس، فاخر القفصي،
  // كان أصدر يوم الجمعة الماضي، قرارا …", "إلى غاية 20 جوان، قامت قوات الأمن أمس، بمنع …"): the clause goes on after it.
  // Nor when it opens a clause of its own with كان ("…، وكان قائد الجيش تعهد في بيان، قبل يومين، باستكمال المعركة").
  const opener = parts[base - 1];
  const opensWithWas = WAS.has(spanWords(view, parts[base]!, times).nw[0] ?? '');
  if (opener && !opensWithWas && commaBetween(text, opener, parts[base]!) && !isVerblessAside(view, opener, times) && !isFrontedCircumstance(view, opener, times)) return '';
  const follows = (k: number): boolean => {
    const after = parts[k];
    return after !== undefined && commaBetween(text, parts[k - 1]!, after) && completes(view, after, times);
  };
  // "حذر ترامب الأربعاء، 7 جوان 2017، طهران من …": a time told in two parts across a comma; the clause after all of it completes.
  let next = own + 1;
  while (parts[next] && parts[next]!.end <= at.end) next++;
  // "، أي قبل يوم من الضربة،", "، و في إطار عملية نوعية،": an aside; what completes the clause comes after it.
  if (parts[next] && commaBetween(text, parts[next - 1]!, parts[next]!) && isAside(view, parts[next]!, times) && follows(next + 1)) next++;
  const after = parts[next];
  if (!after || !follows(next)) return '';
  const head = spanWords(view, parts[base]!, times);
  const first = spanWords(view, after, times);
  const tail = { ws: [...first.ws], nw: [...first.nw] };
  // A quotation cut by a comma inside it ('أن "الوحدات الأمنية، تمكنت من …"'): its next clause too.
  for (let k = next + 1, quote = oddQuotes(tail.ws); quote && parts[k] && commaBetween(text, parts[k - 1]!, parts[k]!); k++) {
    const more = spanWords(view, parts[k]!, times);
    if (joinedLength([...head.ws, ...tail.ws, ...more.ws]) > MAX_JOINED_CHARS) break;
    tail.ws.push(...more.ws);
    tail.nw.push(...more.nw);
    quote = oddQuotes(tail.ws);
  }
  let joined = clean({ ws: [...head.ws, ...tail.ws], nw: [...head.nw, ...tail.nw] });
  if (joinedLength(joined.ws) > MAX_JOINED_CHARS) {
    const headLen = joined.ws.length - tail.ws.length;
    for (let k = headLen - 1; k >= MIN_EVENT_WORDS; k--) {
      if (!CIRCUMSTANCE.some((p) => p.every((w, i) => joined.nw[k + i] === w))) continue;
      joined = { ws: [...joined.ws.slice(0, k), ...joined.ws.slice(headLen)], nw: [...joined.nw.slice(0, k), ...joined.nw.slice(headLen)] };
      break;
    }
  }
  // Still too long: the completing clause is cut, when it is the head's object ("بتسليم لائحة التهم …",
  // "ما اعتبرته تدخلا …", not a clause with its own verb) and the head leaves it room to say what was done.
  if (joinedLength(joined.ws) > MAX_JOINED_CHARS && !(cuttableTail(tail.nw) && joinedLength(joined.ws.slice(0, joined.ws.length - tail.ws.length)) <= MAX_JOINED_HEAD_CHARS)) {
    return '';
  }
  return shorten(joined, MAX_JOINED_CHARS);
}

/** Whether a completing clause may be cut to fit: it opens with the head's object or its preposition, not a verb of its own. */
function cuttableTail(nw: string[]): boolean {
  const first = nw[0] ?? '';
  return first !== '' && !looksLikeVerb(first);
}

/** Prepositions of a circumstance whose noun a verb after the comma may describe ("في اجتماع استثنائي، عقده أمس"). */
const CIRCUMSTANCE_PREPOSITIONS = words(['في', 'فى', 'خلال', 'أثناء', 'لدى']);
/** Most words of the noun a circumstance names. */
const MAX_CIRCUMSTANCE_NOUN_WORDS = 8;

/** A verb with an object pronoun (عقده، نظمها، بثته، أصدرته): the clause describes a noun before it. */
function isVerbWithObject(w: string): boolean {
  return w.length >= 4 && /(?:ه|ها|هم)$/.test(w) && looksLikeVerbStem(w.replace(/(?:ه|ها|هم)$/, ''));
}

/** A verb's stem once its object pronoun is off: a past verb (عقد، نظم، بثت، أصدرت) or a present one (ينظم، تنظم). */
function looksLikeVerbStem(x: string): boolean {
  return x.length >= 3 && x.length <= 5 && !x.startsWith('ال') && !/[ةى]$/.test(x);
}

/**
 * A short clause after a comma whose verb takes the circumstance's noun as its object, an adjective
 * clause of an indefinite noun ("وبين المجلس في اجتماع استثنائي، عقده امس الثلاثاء، للنظر في …",
 * "خلال مظاهرة مناهضة للزيارة، نظمها حزبه اليوم،"): the noun with that clause ("اجتماع استثنائي عقده
 * للنظر في …", "مظاهرة مناهضة للزيارة نظمها حزبه"), and the purpose after the next comma. '' when none.
 */
function circumstanceRelative(view: ArticleView, parts: Span[], own: number, times: Span[]): string {
  const mine = spanWords(view, parts[own]!, times);
  if (mine.nw.length === 0 || mine.nw.length > MAX_APPOSITION_WORDS || !isVerbWithObject(mine.nw[0]!) || isAttribution(view, parts[own]!)) return '';
  const p = spanWords(view, parts[own - 1]!, times);
  // The first circumstance preposition within reach: "في فيلم وثائقي حول المتشددين المقيمين في المملكة المتحدة، بثتها …" names the film.
  let at = -1;
  for (let k = Math.max(0, p.nw.length - 1 - MAX_CIRCUMSTANCE_NOUN_WORDS); k < p.nw.length - 1; k++) {
    const w = p.nw[k]!;
    if (CIRCUMSTANCE_PREPOSITIONS.has(w) || (w.startsWith('و') && CIRCUMSTANCE_PREPOSITIONS.has(w.slice(1)))) {
      at = k;
      break;
    }
  }
  if (at < 0) return '';
  const words = { ws: [...p.ws.slice(at + 1), ...mine.ws], nw: [...p.nw.slice(at + 1), ...mine.nw] };
  const next = parts[own + 1];
  if (next && commaBetween(view.text, parts[own]!, next)) {
    const purpose = spanWords(view, next, times);
    // "للنظر في …", "لمناقشة …": the meeting's purpose.
    if (/^لل|^ل(?!ل)/.test(purpose.nw[0] ?? '') && !COMPLEMENTIZERS.has(purpose.nw[0]!)) {
      words.ws.push(...purpose.ws);
      words.nw.push(...purpose.nw);
    }
  }
  return wordCount(words.ws.join(' ')) >= MIN_EVENT_WORDS ? shorten(words) : '';
}

/**
 * A relative clause after a comma that holds the time ("هجوم على السفارة، والذي وقع حوالي الساعة
 * الرابعة"): the event is the noun it refers to with its verb ("وقع هجوم على السفارة"). '' when none.
 */
function relativeEvent(view: ArticleView, parts: Span[], own: number, times: Span[]): string {
  const c = parts[own]!;
  const prev = parts[own - 1];
  if (!prev || !commaBetween(view.text, prev, c)) return '';
  const opening = /^[^\s]+/.exec(normSlice(view, c.start, Math.min(c.end, c.start + 12)).trimStart())?.[0] ?? '';
  if (!RELATIVE.has(opening) && !RELATIVE.has(opening.slice(1))) return circumstanceRelative(view, parts, own, times); // cheap test before splitting the clause
  const w = spanWords(view, c, times);
  const pronoun = w.nw[0] ?? '';
  const bare = RELATIVE.has(pronoun) ? pronoun : pronoun.startsWith('و') && RELATIVE.has(pronoun.slice(1)) ? pronoun.slice(1) : '';
  if (bare === '') return '';
  const rest = clean({ ws: w.ws.slice(1), nw: w.nw.slice(1) });
  if (rest.ws.length === 0) return '';
  // The noun: up to three words before the comma, through one preposition inside it (هجوم على السفارة).
  const p = spanWords(view, prev, times);
  let k = p.nw.length;
  let content = 0;
  let linked = false;
  while (k > 0 && content < 3) {
    const word = p.nw[k - 1]!;
    if (!linked && content > 0 && ANTECEDENT_LINKS.has(word)) linked = true;
    else if (TRAIL_DROP.has(word) || LEAD_DROP.has(word) || WAS.has(word)) break;
    else content++;
    k--;
  }
  while (k < p.nw.length && (QUANTIFIERS.has(p.nw[k]!) || ANTECEDENT_LINKS.has(p.nw[k]!))) k++;
  if (k >= p.nw.length) return '';
  const noun = { ws: p.ws.slice(k), nw: p.nw.slice(k) };
  // "ندد بالهجمات …، التي": the noun without the preposition glued to it.
  if (/^[بك]ال/.test(noun.nw[0]!)) {
    noun.ws[0] = noun.ws[0]!.slice(1);
    noun.nw[0] = noun.nw[0]!.slice(1);
  }
  // A lone verb goes first (وقع هجوم …); a longer clause keeps its pronoun (الهجمات التي أسفرت عن …).
  const words: Words =
    wordCount(rest.ws.join(' ')) < MIN_EVENT_WORDS
      ? { ws: [rest.ws[0]!, ...noun.ws, ...rest.ws.slice(1)], nw: [rest.nw[0]!, ...noun.nw, ...rest.nw.slice(1)] }
      : { ws: [...noun.ws, bare, ...rest.ws], nw: [...noun.nw, bare, ...rest.nw] };
  return shorten(words);
}

/**
 * The event of the time expression `at` in `sentence`: its own clause, or when that holds little
 * more than the time (or only an attribution), the nearest clause around it.
 */
export function eventFor(text: string, sentence: Span, at: TimeSpan, times: TimeSpan[], view: ArticleView = articleView(text)): string {
  const event = withEnabledAct(view, sentence, at, times, clauseEvent(text, sentence, at, times, view));
  // "عن مقتل قيادي …" (what "أعلن" announced, its verb left in another clause): the announced event.
  const about = /^عن\s+(\S+\s+\S+\s+\S+.*)$/.exec(event);
  return withoutHeading(about ? about[1]! : event);
}

/** Most words of a heading glued to the sentence after it, the name it ends on included. */
const MAX_HEADING_WORDS = 10;

/**
 * The event without a heading glued to it: a profile's heading ends on a name that the sentence
 * after it repeats right after its verb ("مرشح جبهة اليسار جان لوك ميلانشون ولد جان لوك ميلانشون
 * بمدينة طنجة" → "ولد جان لوك ميلانشون بمدينة طنجة"; "نمو قطاع الخدمات شهد قطاع الخدمات …"). Two or
 * three words, repeated after one word of letters.
 */
export function withoutHeading(event: string): string {
  const words = event.split(' ');
  for (let i = 2; i <= Math.min(MAX_HEADING_WORDS, words.length - 3); i++) {
    // The word between is the sentence's verb: letters only ("مقابل6727 مليون دينار" repeats a unit, not a name).
    if (!/^[\u0621-\u064A]+$/.test(words[i]!)) continue;
    for (let n = 2; n <= 3 && n <= i; n++) {
      if (words.slice(i - n, i).join(' ') === words.slice(i + 1, i + 1 + n).join(' ')) return words.slice(i).join(' ');
    }
  }
  return event;
}

/** Enabler verbs (normalized) and the preposition their act follows. */
/** Most words of an apposition between commas (a name after a title: "قالت وزيرة الصحة، سميرة مرعي فريعة اليوم، إن …"). */
const MAX_APPOSITION_WORDS = 4;

/** Whether a clause opens with a verb (و or ف off): a reporting verb or a word that looks like one. */
function opensWithVerb(nw: string[]): boolean {
  const first = nw[0] ?? '';
  const bare = first.length > 3 && (first[0] === 'و' || first[0] === 'ف') ? first.slice(1) : first;
  return REPORT_VERBS.has(bare) || REPORT_VERBS.has(first) || looksLikeVerb(bare);
}

/**
 * The event told around an aside between commas, the aside left out: "ويعقد آفاق تونس، حسب نفس
 * المصدر، اليوم الاثنين في مقر الحزب أول اجتماع" (an attribution before the time's clause, which
 * goes on the clause before it) → "يعقد آفاق تونس في مقر الحزب أول اجتماع …"; "قالت وزيرة الصحة،
 * سميرة مرعي فريعة اليوم الاثنين، إن الوزارة …" (the time in a name's apposition between a
 * reporting verb and what was said) → "قالت وزيرة الصحة إن الوزارة …". '' when neither.
 */
function acrossAside(view: ArticleView, parts: Span[], own: number, times: Span[]): string {
  const { text } = view;
  const c = parts[own]!;
  const prev = parts[own - 1];
  if (!prev || !commaBetween(text, prev, c)) return '';
  const mine = spanWords(view, c, times);
  const head = parts[own - 2];
  const next = parts[own + 1];
  // A reporting verb's event is what it reports ("وبين X، في تصريح لـ…، لدى انعقاد … اليوم، أن …"), told after the time.
  const reports = next !== undefined && commaBetween(text, c, next) && COMPLEMENTIZERS.has(spanWords(view, next, times).nw[0] ?? '');
  if (head && mine.nw.length > 0 && !reports && commaBetween(text, head, prev) && isAttribution(view, prev) && !opensWithVerb(mine.nw)) {
    const verb = spanWords(view, head, times);
    const first = verb.nw[0] ?? '';
    const told = REPORT_VERBS.has(first) || REPORT_VERBS.has(first.slice(1));
    if (!told && opensWithVerb(verb.nw) && !isAttribution(view, head)) return shorten(clean({ ws: [...verb.ws, ...mine.ws], nw: [...verb.nw, ...mine.nw] }));
  }
  const saidAt = reports ? own + 1 : saidPastCircumstance(view, parts, own, times);
  if (saidAt < 0 || mine.nw.length > MAX_APPOSITION_WORDS) return '';
  // "في بيان، نشره الأربعاء،": a verb in the time's clause describes the circumstance before it.
  if (mine.nw.some((w) => looksLikeVerb(w)) && !isFrontedCircumstance(view, prev, times)) return '';
  const said = spanWords(view, parts[saidAt]!, times);
  const told = reportingClause(view, parts, own, times);
  if (!told) return '';
  const event = shorten(clean({ ws: [...told.ws, ...said.ws], nw: [...told.nw, ...said.nw] }, false), MAX_JOINED_CHARS);
  // What was said must survive the cut: "أكد مصدر أمني أن المسروق" says nothing.
  const words = event.split(' ');
  const at = words.findIndex((w) => COMPLEMENTIZERS.has(normalize(w)));
  return at >= 0 && words.length - at - 1 >= MIN_EVENT_WORDS ? event : '';
}

/** Most words of a speaker's apposition that holds the time before what was said ("ضيف برنامج بوليتيكا اليوم الخميس أن …"). */
const MAX_APPOSITION_REPORT_WORDS = 12;

/**
 * A speaker's apposition after a comma that holds the time and runs on into what was said, no comma
 * between: "وأضاف بونني، ضيف برنامج "بوليتيكا" اليوم أن الحكم …", "قال عدنان منصر، أمين عام حزب تونس
 * الإرادة في تصريح للجوهرة اليوم الأربعاء إن …" → the reporting clause and what was said ("أضاف بونني
 * أن الحكم …"). '' when the clause before is no short report or the time's clause opens with a verb.
 */
function appositionReport(view: ArticleView, parts: Span[], own: number, at: TimeSpan, times: TimeSpan[]): string {
  const prev = parts[own - 1];
  if (!prev || !commaBetween(view.text, prev, parts[own]!)) return '';
  const mine = spanWords(view, parts[own]!, times);
  // A three-letter head is a noun as often as a verb here ("ضيف برنامج …"): only a reporting verb or a longer verb form opens a clause.
  const head = mine.nw[0] ?? '';
  if (head === '' || REPORT_VERBS.has(head) || REPORT_VERBS.has(head.slice(1)) || (head.length > 3 && looksLikeVerb(head)) || isAttribution(view, parts[own]!)) return '';
  // Another dated time in the clause parts it between two events (timePiece).
  if (times.some((t) => t.value && t.start < parts[own]!.end && t.end > parts[own]!.start && (t.start < at.start || t.start > at.start))) return '';
  const isThat = (w: string): boolean => COMPLEMENTIZERS.has(w) || PRONOUN_COMPLEMENTS.has(w);
  const said = mine.nw.findIndex(isThat);
  if (said < 1 || said > MAX_APPOSITION_REPORT_WORDS || mine.nw.length - said - 1 < MIN_EVENT_WORDS) return '';
  const told = spanWords(view, prev, times);
  const verb = told.nw[0] ?? '';
  if (told.nw.length > MAX_APPOSITION_WORDS || (!REPORT_VERBS.has(verb) && !REPORT_VERBS.has(verb.slice(1)))) return '';
  // A speaker's view told on air stays a telling, even of a happening ("أضاف الكيلاني أن العملية معدة مسبقا").
  const event = shorten(clean({ ws: [...told.ws, ...mine.ws.slice(said)], nw: [...told.nw, ...mine.nw.slice(said)] }, false), MAX_JOINED_CHARS);
  // What was said must survive the cut ("قال الجلاصي إن الاحتجاجات" says nothing).
  const words = event.split(' ');
  const that = words.findIndex((w) => isThat(normalize(w)));
  return that >= 0 && words.length - that - 1 >= MIN_EVENT_WORDS ? event : '';
}

/**
 * Index of the clause that opens with a complementizer past one circumstance after the time's clause
 * ("، بثته اليوم الجمعة، على هامش مشاركته في منتدى دافوس، إن حكومته …"); -1 when none.
 */
function saidPastCircumstance(view: ArticleView, parts: Span[], own: number, times: Span[]): number {
  const gap = parts[own + 1];
  const said = parts[own + 2];
  if (!gap || !said || !commaBetween(view.text, parts[own]!, gap) || !commaBetween(view.text, gap, said)) return -1;
  const first = spanWords(view, gap, times).nw;
  if (!CIRCUMSTANCE.some((p) => p.every((w, i) => first[i] === w))) return -1;
  return COMPLEMENTIZERS.has(spanWords(view, said, times).nw[0] ?? '') ? own + 2 : -1;
}

/**
 * The words of the clause whose reporting verb a time's clause between commas belongs to: the clause
 * right before it, or one up to MAX_SPEAKER_CLAUSES back past asides (a name, a circumstance: "وقال
 * رئيس النقابة، المكي فرحات، في تصريح هاتفي، اليوم الأربعاء، إن …"). null when none.
 */
function reportingClause(view: ArticleView, parts: Span[], own: number, times: Span[]): Words | null {
  for (let j = own - 1; j >= 0 && j >= own - MAX_SPEAKER_CLAUSES; j--) {
    if (!commaBetween(view.text, parts[j]!, parts[j + 1]!)) return null;
    const words = spanWords(view, parts[j]!, times);
    const first = words.nw[0] ?? '';
    if (REPORT_VERBS.has(first) || REPORT_VERBS.has(first.slice(1))) return words;
    if (!isVerblessAside(view, parts[j]!, times) && !isFrontedCircumstance(view, parts[j]!, times) && !isAttribution(view, parts[j]!)) return null;
  }
  return null;
}

/** Clauses after a report's own that may part it from what was said (a circumstance: "، على إثر اجتماع …،"). */
const MAX_REPORT_GAP_CLAUSES = 1;

/**
 * A report whose time ends its clause, what was said coming after a comma and a circumstance ("أكد
 * العياري في تصريح لجوهرة أف أم اليوم، على إثر اجتماع وفد …، أنه تم الاتفاق …"): the report with what
 * was said, the circumstance left out. '' when the clause is no report or nothing said follows.
 */
function reportAcross(view: ArticleView, parts: Span[], own: number, times: Span[]): string {
  const mine = cleanWords(view, parts[own]!, times);
  if (!REPORT_VERBS.has(mine.nw[0] ?? '') || mine.nw.some((w) => COMPLEMENTIZERS.has(w) || PRONOUN_COMPLEMENTS.has(w))) return '';
  for (let k = own + 1; k < parts.length && k <= own + 1 + MAX_REPORT_GAP_CLAUSES; k++) {
    if (!commaBetween(view.text, parts[k - 1]!, parts[k]!)) return '';
    const next = spanWords(view, parts[k]!, times);
    const first = next.nw[0] ?? '';
    if (COMPLEMENTIZERS.has(first) || PRONOUN_COMPLEMENTS.has(first)) {
      if (next.nw.length <= MIN_EVENT_WORDS) return '';
      return shorten(clean({ ws: [...mine.ws, ...next.ws], nw: [...mine.nw, ...next.nw] }), MAX_JOINED_CHARS);
    }
    if (!PREPOSITIONS.has(first) && !CIRCUMSTANCE_FIRST.has(first) && !BETWEEN_BY_FIRST.has(first)) return '';
  }
  return '';
}

const ENABLERS = new Map(Object.entries(eventData.enablerVerbs).map(([verb, prep]) => [normalize(verb), normalize(prep)]));
/** Clauses after the time's own that an enabler's act is looked for in. */
const ENABLER_REACH = 2;

/** Index of the word opening an enabled act (من حجز، في إيقاف): the enabler's preposition and a named happening; -1 when none. */
function enabledActAt(nw: string[], prep: string): number {
  for (let i = 0; i + 1 < nw.length; i++) {
    if (nw[i] === prep && kindsOf(lightStem(nw[i + 1]!)) !== 0) return i;
  }
  return -1;
}

/**
 * "تمكنت الوحدات الحدودية … بحزوة من ولاية توزر، وبالقرب من رسم الحد … من حجز سيارتين": an event
 * opening with an enabler (تمكن، نجح) whose act an aside after a comma parted from it gets the act
 * (من حجز سيارتين …) from the next clauses, within MAX_JOINED_CHARS.
 */
function withEnabledAct(view: ArticleView, sentence: Span, at: TimeSpan, times: TimeSpan[], event: string): string {
  const space = event.indexOf(' ');
  const prep = space < 0 ? undefined : ENABLERS.get(normalize(event.slice(0, space)));
  if (prep === undefined) return event;
  const ws = event.split(' ');
  const nw = ws.map((w) => normalize(w));
  if (enabledActAt(nw, prep) >= 0) return event;
  const parts = workOf(view, sentence)?.parts ?? clauses(view.text, sentence);
  const own = parts.findIndex((c) => at.start < c.end && at.end > c.start);
  // The act may be in the time's own clause when the event is the clause before it ("تمكنت الوحدات الأمنية، عشية اليوم وأثناء مراقبة … من إيقاف شخص").
  for (let k = Math.max(own, 1); own >= 0 && k < parts.length && k <= own + ENABLER_REACH; k++) {
    if (!commaBetween(view.text, parts[k - 1]!, parts[k]!)) break;
    const next = spanWords(view, parts[k]!, times);
    const i = enabledActAt(next.nw, prep);
    if (i < 0) continue;
    return shorten({ ws: [...ws, ...next.ws.slice(i)], nw: [...nw, ...next.nw.slice(i)] }, MAX_JOINED_CHARS);
  }
  return event;
}

function clauseEvent(text: string, sentence: Span, at: TimeSpan, times: TimeSpan[], view: ArticleView = articleView(text)): string {
  const work = workOf(view, sentence);
  const parts = work?.parts ?? clauses(text, sentence);
  if (work) work.parts = parts;
  const own = parts.findIndex((c) => at.start < c.end && at.end > c.start);
  if (own < 0) return '';
  const tryClause = (k: number): string => {
    const c = parts[k];
    if (!c) return '';
    if (isAttribution(view, c)) return '';
    return eventText(view, c, times);
  };
  const around =
    acrossAside(view, parts, own, times) ||
    appositionReport(view, parts, own, at, times) ||
    appositionObject(view, parts, own, at, times) ||
    verbAcrossTime(view, parts, own, at, times);
  if (around) return around;
  // Another event at another date in the same clause: this time's piece of it, when that says enough.
  const piece = timePiece(view, parts[own]!, at, times);
  // "دخول مدينة سرت، مسقط رأس معمر القذافي … في فيفري 2015": a place described after a comma; the clause naming it tells the event.
  const prev = parts[own - 1];
  if (prev && commaBetween(text, prev, parts[own]!) && (!piece || text.slice(parts[own]!.start, piece.span.start).trim() === '') && describesPlace(view, parts[own]!)) {
    const before = tryClause(own - 1);
    if (wordCount(before) >= MIN_EVENT_WORDS && !opensWithPreposition(before) && !isBareReport(before)) return before;
  }
  const pieced = piece ? pieceEvent(view, parts, own, piece, at, times) : '';
  if (pieced) return pieced;
  const across = reportAcross(view, parts, own, times);
  if (across) return across;
  const relative = relativeEvent(view, parts, own, times);
  if (wordCount(relative) >= MIN_EVENT_WORDS) return relative;
  const joined = joinedEvent(view, parts, own, at, times);
  if (wordCount(joined) >= MIN_EVENT_WORDS) return joined;
  const sub = subClause(view, parts[own]!, at, times);
  if (sub) {
    const part = eventText(view, sub, times);
    if (wordCount(part) >= MIN_EVENT_WORDS) return part;
  }
  // "…، ابتداء من غرة جويلية لتصبح كما يلي": a start date dates what starts, told before it (past a name cut by a dash).
  if (startsFrom(view, parts[own]!)) {
    for (const k of [own - 1, own - 2]) {
      const other = tryClause(k);
      if (wordCount(other) >= MIN_EVENT_WORDS && !opensWithPreposition(other) && !isBareReport(other)) return other;
    }
  }
  const mine = tryClause(own);
  // A clause that is only a place or circumstance ("، الليلة الماضية قرب بلدة …،") belongs to the one before it.
  // "…، مساء أمس مما أسفر عن …": the consequence after the time is not the event; the clause before, past a place, is.
  // Not when the clause before has a date of its own: "… مساء اليوم … سائحة أجنبية، الاثنين الفارط بعد تعرضها إلى براكاج".
  const before = parts[own - 1];
  const datedBefore = before !== undefined && times.some((t) => typeof t.value === 'string' && t.start >= before.start && t.end <= before.end);
  const consequence = !datedBefore && (timeThenSubordinate(view, parts[own]!, at, times) || subordinateAttributed(view, parts[own]!, at, times));
  const fragment = opensWithPreposition(mine) || isBareReport(mine) || isBackstoryOnly(mine) || consequence;
  if (wordCount(mine) >= MIN_EVENT_WORDS && !fragment) return mine;
  // An attribution clause ("، نقلته وكالة الأناضول اليوم") dates the clause it reports, before it.
  const backFirst = fragment || isAttribution(view, parts[own]!);
  // "قتلت وزير الأشغال بالخطأ، أثناء استقلاله سيارته … اليوم": the clause before, else the happening of أثناء itself.
  const order = consequence ? [own - 1, own - 2] : opensWithWhile(mine) ? [own - 1] : isBackstoryOnly(mine) ? [own + 1] : backFirst ? [own - 1, own + 1] : [own + 1, own - 1];
  for (const k of fragment ? order : [...order, own + 2, own - 2]) {
    // A clause after the time that opens with بعد أن، جراء، دون … tells the circumstance of the one before it.
    if (k > own && parts[k] && opensSubordinate(spanWords(view, parts[k]!, times).nw)) continue;
    // "…، واصفا تونس بـ …، بحسب بيان صدر اليوم": a participle goes on with the clause before it, which tells the event.
    // Joined to it when short enough ("أكد رئيس البنك دعمه لتونس واصفا إياها بمنارة أمل").
    const other = tryClause(k);
    if (wordCount(other) < MIN_EVENT_WORDS || opensWithPreposition(other) || isBareReport(other)) continue;
    const joined = k < own ? withVerbBefore(view, parts, k, times) : '';
    if (joined) return joined;
    const main = k < own && k > 0 && opensWithParticiple(view, parts[k]!, times) && commaBetween(text, parts[k - 1]!, parts[k]!) ? tryClause(k - 1) : '';
    if (wordCount(main) >= MIN_EVENT_WORDS && !opensWithPreposition(main) && !isBareReport(main)) return withVerbBefore(view, parts, k - 1, times) || main;
    return other;
  }
  return withoutLeadingWhile(mine);
}

const SUBORDINATE = eventData.subordinateOpeners.map((p) => normalize(p).split(' '));
const PARTICIPLES = words(eventData.participleOpeners);

/** Whether a clause opens with a reporting participle (واصفا، مضيفا، مشيرا …) that goes on with the clause before it. */
function opensWithParticiple(view: ArticleView, clause: Span, times: Span[]): boolean {
  return PARTICIPLES.has(spanWords(view, clause, times).nw[0] ?? '');
}

/**
 * Whether a clause opens with a subordinate opener and its time stands in an attribution after it ("،
 * بعد خروجها على السوق المالية حسب ما أعلنت عنه وزارة المالية في بلاغ لها الجمعة"): the time dates the
 * telling of the clause before, not the circumstance.
 */
function subordinateAttributed(view: ArticleView, clause: Span, at: TimeSpan, times: TimeSpan[]): boolean {
  const before = spanWords(view, { start: clause.start, end: at.start }, times).nw;
  if (!opensSubordinate(before)) return false;
  for (let i = 1; i < before.length; i++) if (attributionAt(before, i)) return true;
  return false;
}

/** Whether words open with a subordinate opener (بعد أن، مما، جراء، دون …): the circumstance, cause or consequence of the clause before. */
function opensSubordinate(nw: string[]): boolean {
  return SUBORDINATE.some((p) => p.every((w, i) => nw[i] === w));
}

/**
 * Whether a time opens its clause and what follows it is a consequence or a cause ("، مساء أمس الجمعة
 * مما أسفر عن مقتل 24 شخصا"): the time ends the clause before, the comma after it missing.
 */
function timeThenSubordinate(view: ArticleView, clause: Span, at: TimeSpan, times: TimeSpan[]): boolean {
  if (view.text.slice(clause.start, at.start).trim() !== '') return false;
  return opensSubordinate(spanWords(view, { start: at.end, end: clause.end }, times).nw);
}

/** Words opening a comparison point (مقابل): lexicon/temporal/comparison.json. */
const BASELINE_WORDS = words(comparisonData.baselineWords);
/** Connectors a verb may come after at the head of a clause. */
const VERB_LEADS = words(['حيث', 'وحيث', 'قد', 'وقد', 'فقد', 'لقد', 'كما', 'ثم', 'إذ']);
/** Clauses back, past short verbless ones (names, titles, objects), that the verb of a verbless clause is looked for in. */
const MAX_VERB_BACK_CLAUSES = 3;

/**
 * Whether words open with a word that is surely a verb: a reporting or enabling verb, a past verb
 * with its feminine ت (ألغت، حذرت، سقطت), a present one (يؤدي), or a three-letter happening (قتل).
 * Stricter than looksLikeVerb, which takes names (جون، أحمد، إمانويل) and هذا for verbs.
 */
function opensWithSureVerb({ ws, nw }: Words): boolean {
  // Past a connector or two (حيث، وقد، كما): "حيث ارتفعت فاتورة …".
  const lead = nw.findIndex((w) => !VERB_LEADS.has(w));
  const first = lead >= 0 && lead <= 2 ? nw[lead]! : '';
  const glued = first.length > 3 && (first[0] === 'و' || first[0] === 'ف');
  const bare = glued ? first.slice(1) : first;
  if (REPORT_VERBS.has(bare) || ENABLERS.has(bare) || looksPresent(bare)) return true;
  // The article as written: normalizing makes ألغت read الغت.
  const written = glued ? ws[lead]!.slice(1) : (ws[lead] ?? '');
  // A past verb of form IV ending in ى (ألغى، أجرى، أبدى).
  if (/^أ[\u0621-\u064A]{2}ى$/.test(written)) return true;
  if (written.startsWith('ال') || /(?:[ةى]|ات)$/.test(bare)) return false;
  if (bare.length >= 4) return bare.endsWith('ت');
  return bare.length === 3 && kindsOf(lightStem(bare)) !== 0;
}

/**
 * A short verbless clause (an object, a place or a name: "، ولاية جناق قلعة جنوب غرب إسطنبول،",
 * "، الشيخ عبد اللطيف دريان،") with the verb clause it belongs to, up to MAX_VERB_BACK_CLAUSES back
 * across commas past other verbless ones ("ألغت مرشحة الرئاسة الفرنسية، مارين لوبان، لقاء مع
 * مفتي الجمهورية، الشيخ …"); '' when clause k is no such clause or no verb clause opens the run.
 */
function withVerbBefore(view: ArticleView, parts: Span[], k: number, times: Span[]): string {
  const verbless = (j: number): Words | null => {
    const w = spanWords(view, parts[j]!, times);
    // Only the first word is tested for a verb, and only a sure one: a name or a three-letter noun (جون، غرب) looks like one.
    // A comparison or an aside ("، مقابل 66 مؤسسة خلال أكتوبر،", "، أي بنسبة …") carries another period's figure: the run
    // stops; so does a preposition inside it. The clause itself may be the verb's complement ("، في مقتل عشرة أطفال").
    const first = w.nw[0] ?? '';
    const opener = (j < k && (PREPOSITIONS.has(first) || ASIDE_WORDS.has(first))) || first === ANY || BASELINE_WORDS.has(first);
    return w.nw.length > 0 && w.nw.length <= MAX_ASIDE_WORDS && !opener && !opensWithSureVerb(w) && !w.nw.some((x) => REPORT_VERBS.has(x)) ? w : null;
  };
  // "، بعد تعرض دورية للدرك، أول أمس": a clause opened by a word of time order (betweenTimes) tells its own happening.
  const own = spanWords(view, parts[k]!, times).nw;
  if (BETWEEN_BY_FIRST.get(own[0] ?? '')?.some((p) => p.every((w, i) => own[i] === w))) return '';
  const run: Words[] = [];
  for (let j = k; j >= 0 && j >= k - MAX_VERB_BACK_CLAUSES; j--) {
    if (j < k && !commaBetween(view.text, parts[j]!, parts[j + 1]!)) return '';
    if (j < k) {
      const verb = spanWords(view, parts[j]!, times);
      if (opensWithSureVerb(verb) && !isAttribution(view, parts[j]!)) {
        const all = [verb, ...run];
        return shorten(clean({ ws: all.flatMap((w) => w.ws), nw: all.flatMap((w) => w.nw) }), MAX_JOINED_CHARS);
      }
    }
    const aside = verbless(j);
    if (!aside) return '';
    run.unshift(aside);
  }
  return '';
}

/**
 * A name's apposition after a short verb clause that holds the time: "أعلنت زهرة إدريس، النائبة عن
 * حزب نداء تونس اليوم الأربعاء انسحابها من الهيئة" (the verb's object after the time) → "أعلنت زهرة
 * إدريس انسحابها من الهيئة …"; "وحذرت النائبة، ضيفة حصة اليوم من بوليتيكا، من الفساد …" (the
 * apposition closed by a comma, the verb's complement after it) → "حذرت النائبة من الفساد …". ''
 * when the clause before is no short verb clause or the apposition holds a verb.
 */
function appositionObject(view: ArticleView, parts: Span[], own: number, at: TimeSpan, times: TimeSpan[]): string {
  const prev = parts[own - 1];
  const c = parts[own]!;
  if (!prev || !commaBetween(view.text, prev, c)) return '';
  const told = spanWords(view, prev, times);
  if (told.nw.length < 2 || told.nw.length > MAX_APPOSITION_WORDS || !opensWithSureVerb(told) || isAttribution(view, prev) || isFrontedCircumstance(view, prev, times)) return '';
  const before = spanWords(view, { start: c.start, end: at.start }, times);
  // A verb test on every word would take names for verbs (تونس): only the first word is tested; a figure or قد is no title.
  const nameless = (w: Words): boolean =>
    !opensWithSureVerb(w) && !w.nw.some((x) => REPORT_VERBS.has(x) || COMPLEMENTIZERS.has(x) || PRONOUN_COMPLEMENTS.has(x) || x === 'قد' || /[0-9]/.test(x));
  // A verb glued to و ("واستقبله الوالي") opens a clause of its own, not an apposition.
  const head = before.nw[0] ?? '';
  const conjoined = head.length > 3 && head[0] === 'و' && looksLikeVerb(head.slice(1));
  if (before.nw.length === 0 || before.nw.length > MAX_APPOSITION_REPORT_WORDS || conjoined || !nameless(before) || isFrontedCircumstance(view, c, times)) return '';
  const after = spanWords(view, { start: at.end, end: c.end }, times);
  const joined = (rest: Words): string => shorten(clean({ ws: [...told.ws, ...rest.ws], nw: [...told.nw, ...rest.nw] }), MAX_JOINED_CHARS);
  if (after.nw.length >= MIN_EVENT_WORDS) {
    const first = after.nw[0]!;
    // The object is a noun, often a verbal noun with its pronoun (انسحابها، دعمه) that the rough verb test would take for a verb.
    // A verb right after the time ("صدور حكم أمس يقضي بالسجن …") makes the words before it more than a name's apposition.
    // So does a word opening a clause of its own ("اليوم قبل أن يتحول …").
    const own = opensWithSureVerb(after) || partingAt(after.nw, 0) > 0 || first.endsWith('وا');
    return own || PREPOSITIONS.has(first) || COMPLEMENTIZERS.has(first) ? '' : joined(after);
  }
  const next = parts[own + 1];
  if (!next || !commaBetween(view.text, c, next) || after.nw.length + before.nw.length > MAX_APPOSITION_WORDS) return '';
  const rest = spanWords(view, next, times);
  return rest.nw.length >= MIN_EVENT_WORDS && PREPOSITIONS.has(rest.nw[0]!) && rest.nw[0] !== 'في' ? joined(rest) : '';
}

/** What was said opening after a time: a quotation mark or a complementizer (أن، إن). */
const SAID_OPENING = /["«“]|(?:^|\s)[أإا]ن(?=\s)/;

/** Whether a word is a preposition, alone or glued (بمجلس، بقصر): a place or circumstance opens with it. */
function opensWithPlace(w: string): boolean {
  return PREPOSITIONS.has(w) || (w.length > 3 && (w[0] === 'ب' || w[0] === 'ل') && !w.startsWith('بال') && !w.startsWith('لل'));
}

/** Most words of the verb clause a time opening the next clause after a comma is joined to. */
const MAX_VERB_CLAUSE_WORDS = 10;

/**
 * The verb clause before a comma, past short verbless asides (a name in apposition), that a time
 * opening the next clause belongs to: index of that clause, or -1. "أعلنت الصين، اليوم السبت …" → 0;
 * "قالت وزيرة المالية، لمياء الزريبي، الثلاثاء …" → 0 (past the name). Not an attribution, a clause
 * with a dated time of its own, or a long clause (its time would be another's).
 */
function verbClauseBefore(view: ArticleView, parts: Span[], own: number, times: TimeSpan[], back = MAX_VERB_BACK_CLAUSES): number {
  const j = own - 1;
  if (j < 0 || back === 0) return -1;
  const c = parts[j]!;
  if (!commaBetween(view.text, c, parts[own]!)) return -1;
  if (times.some((t) => t.value && t.start < c.end && t.end > c.start)) return -1;
  const w = spanWords(view, c, times);
  const verb = w.nw.length >= 2 && w.nw.length <= MAX_VERB_CLAUSE_WORDS && opensWithSureVerb(w) && !isAttribution(view, c);
  const aside = isVerblessAside(view, c, times);
  // A name may read as a verb with a glued ف (فيصل): a verb clause further back has it in apposition.
  const further = aside ? verbClauseBefore(view, parts, j, times, back - 1) : -1;
  return further >= 0 ? further : verb ? j : -1;
}

/** The first normalized word of some words without a quotation mark glued to it ('"ان' → 'ان'). */
function firstBare(w: Words): string {
  return (w.nw[0] ?? '').replace(/^["«“]+/, '');
}

/** Whether words open with a complementizer (أن، إن، أنه …): what was said. */
function opensSaid(w: Words): boolean {
  const first = firstBare(w);
  return COMPLEMENTIZERS.has(first) || PRONOUN_COMPLEMENTS.has(first);
}

/** Clauses after the time's own, a short place among them, that the verb's complement is looked for in. */
const MAX_COMPLEMENT_CLAUSES = 2;

/**
 * The verb's complement after a comma when the time's clause holds only a place or a circumstance:
 * the first clause that completes it, past one short place or circumstance ("، في أحد نزل الحمامات،").
 */
function complementAfter(view: ArticleView, parts: Span[], own: number, times: TimeSpan[]): { words: Words; at: number } | null {
  for (let k = own + 1; k <= own + MAX_COMPLEMENT_CLAUSES && parts[k]; k++) {
    if (!commaBetween(view.text, parts[k - 1]!, parts[k]!)) return null;
    const w = spanWords(view, parts[k]!, times);
    const place = w.nw.length <= MAX_APPOSITION_WORDS && CIRCUMSTANCE_PREPOSITIONS.has(firstBare(w));
    if (place && k < own + MAX_COMPLEMENT_CLAUSES) continue;
    return w.nw.length >= MIN_EVENT_WORDS && completes(view, parts[k]!, times) ? { words: w, at: k } : null;
  }
  return null;
}

/**
 * A time opening its clause right after a comma, the verb before it ("أعلنت الصين، اليوم السبت 3
 * سبتمبر 2016 عن اتخاذها قرارا …", "يبدأ وزير الداخلية، اليوم الأحد جولته المغاربية، …", "أكدت وزيرة
 * السياحة، الاربعاء، تطور عدد السياح …"): the verb clause with what completes it after the time (a
 * place after the time gives way to a complement after the next comma: "أشار الوزير، اليوم بمجلس
 * النواب، إلى أنه …"). '' when the words after the time open a clause of their own (a verb, و and a
 * verb, a relative or subordinate opener) or nothing completes the verb.
 */
function verbAcrossTime(view: ArticleView, parts: Span[], own: number, at: TimeSpan, times: TimeSpan[]): string {
  const c = parts[own]!;
  if (view.text.slice(c.start, at.start).trim() !== '') return '';
  // Another dated time in the clause parts it between two events (timePiece), unless it is inside what was said after the time.
  const said = view.text.slice(at.end, c.end).search(SAID_OPENING);
  const inSaid = (t: TimeSpan): boolean => said >= 0 && t.start >= at.end + said;
  if (times.some((t) => t.value && t !== at && t.start < c.end && t.end > c.start && (t.end <= at.start || t.start >= at.end) && !inSaid(t))) return '';
  const v = verbClauseBefore(view, parts, own, times);
  if (v < 0 || isAttribution(view, c)) return '';
  const verb = spanWords(view, parts[v]!, times);
  const opensOwn = (w: Words): boolean => {
    const first = w.nw[0]!;
    const waw = first.length > 3 && first[0] === 'و' && looksLikeVerb(first.slice(1));
    return opensWithSureVerb(w) || waw || partingAt(w.nw, 0) > 0 || first.endsWith('وا') || RELATIVE.has(first) || opensSubordinate(w.nw) || NOT_CONTINUATION.has(first);
  };
  let rest = spanWords(view, { start: at.end, end: c.end }, times);
  let last = own;
  // Only a place, a circumstance or a stray word after the time ("بمجلس نواب الشعب", "في ندوة صحفية"): the complement follows the comma.
  if (rest.nw.length <= MAX_APPOSITION_WORDS && !opensSaid(rest)) {
    const after = complementAfter(view, parts, own, times);
    if (after && (rest.nw.length === 0 || opensWithPlace(firstBare(rest)) || opensSaid(after.words))) {
      rest = after.words;
      last = after.at;
    }
  }
  if (rest.nw.length === 0 || opensOwn(rest)) return '';
  // What was said must be more than a name cut by its apposition ("أن إيمانويل ماكرون، الرئيس …،").
  if (opensSaid(rest) && rest.nw.length - 1 < MIN_EVENT_WORDS) return '';
  const tail: Words = { ws: [...rest.ws], nw: [...rest.nw] };
  // A quotation cut by a comma inside it ('"ان الاعتداء يكشف المخاطر، على قدرات تونس"'): its next clauses too.
  for (let k = last + 1; oddQuotes(tail.ws) && parts[k] && commaBetween(view.text, parts[k - 1]!, parts[k]!); k++) {
    const more = spanWords(view, parts[k]!, times);
    if (joinedLength([...verb.ws, ...tail.ws, ...more.ws]) > MAX_JOINED_CHARS) break;
    tail.ws.push(...more.ws);
    tail.nw.push(...more.nw);
  }
  const event = shorten(clean({ ws: [...verb.ws, ...tail.ws], nw: [...verb.nw, ...tail.nw] }), MAX_JOINED_CHARS);
  return wordCount(event) >= verb.nw.length + 1 ? event : '';
}

const WHILE = words(['أثناء', 'اثناء']);

/** Whether an event opens with أثناء (a circumstance of the clause before it). */
function opensWithWhile(event: string): boolean {
  const space = event.indexOf(' ');
  return space > 0 && WHILE.has(normalize(event.slice(0, space)));
}

/** "أثناء نقاش هذا المشروع في المجلس التأسيسي", the best a clause could give: the happening without the أثناء before it. */
function withoutLeadingWhile(event: string): string {
  return opensWithWhile(event) && wordCount(event) > MIN_EVENT_WORDS ? event.slice(event.indexOf(' ') + 1) : event;
}
