/**
 * Roles: the title the article puts next to a person — before the name ("وزير الخارجية الأميركي
 * أنتوني بلينكن") or in apposition after it ("…، رئيس حزب الأمة،").
 */
import { isPunct, type Doc, type DocToken, type TokenMention } from './doc.ts';
import { FIRST_NAMES, JUNK, KINSHIP_WORDS, MEDIA_HEADS, ROLE_END_ADVERBS, ORG_HEADS, PERSON_DESCRIPTIONS, PRESS_ADDRESSEES, isSpeechVerb, SRC_HEADS, TRIGGERS, isGazPlace, normSet } from './lexicon.ts';
import { cleanFirstWord, dropLetters, type FormCheck } from './names.ts';
import { normalize } from '../text/normalize.ts';
import { dictionaryClass } from './dictionary.ts';

const MAX_BEFORE = 9;
const MAX_AFTER = 8;
// Words that open a clause: an apposition ends before them.
const CLAUSE = new Set(['ان', 'انه', 'انها', 'بان', 'الذي', 'التي', 'حيث', 'قائلا', 'مضيفا', 'مؤكدا']);
// "على هامش …", "في تصريح …": the circumstance of what the person said, not the role.
const CIRCUMSTANCE = new Map([
  ['على', new Set(['هامش', 'خلفية'])],
  ['في', new Set(['تصريح', 'حديث', 'مقابلة', 'بيان', 'كلمة', 'ندوة', 'مؤتمر', 'لقاء', 'تصريحات', 'وقت', 'اطار'])],
]);
const opensCircumstance = (a: DocToken, b: DocToken | undefined): boolean => !!b && !!CIRCUMSTANCE.get(a.norm)?.has(b.norm);
// Honorifics and ranks said with a name ("الشيخ", "الرائد"), normalized.
const HONORIFICS = normSet(['الشيخ', 'الشيخة', 'السيد', 'السيدة', 'الدكتور', 'الدكتورة', 'المهندس', 'الأستاذ', 'الرائد', 'العقيد', 'العميد', 'اللواء', 'النقيب', 'المقدم', 'الكابتن', 'الأمير', 'الأميرة', 'الحاج', 'القس', 'الأب', 'الملك', 'الملكة', 'السلطان']);
// Time words end an apposition with no comma ("فلان رئيس الجمعية اليوم الخميس").
const TIME = new Set(['اليوم', 'امس', 'غدا', 'الليلة', 'صباح', 'مساء', 'فجر', 'ظهر', 'خلال', 'السبت', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعة', 'يوم']);

/** Whether a token is a title word (رئيس، وزير، الرئيس…), looking through a leading و/ف. */
export function isTitle(t: { norm: string; bare: string }): boolean {
  return isTitleWord(t.norm) || isTitleWord(t.bare) || (/^[وف]/.test(t.norm) && isTitleWord(t.norm.slice(1)));
}

/** Whether a normalized word is a person's title or description, as written. */
export function isTitleWord(w: string): boolean {
  return TRIGGERS.per.has(w) || PERSON_DESCRIPTIONS.has(w);
}

/**
 * A title after the preposition ب ("تجمعه برئيس الوزراء البريطاني ديفيد كاميرون", "مرفوقة بممثلة
 * البنك الدولي"): the name after it holds the title, and the role opens there.
 */
export function isTitleAfterBa(t: { norm: string }): boolean {
  const m = /^[وف]?ب(.{3,})$/u.exec(t.norm);
  return m !== null && isTitle({ norm: m[1]!, bare: m[1]! });
}

/** A title word, or a spokesman's head with its باسم ("المتحدث باسم البيت الأبيض"), at token i: a role opens there. */
function opensRole(toks: readonly DocToken[], i: number): boolean {
  const t = toks[i]!;
  // Not "متحدث باسم رئيس الوزراء فلان": that names the one the spokesman speaks for.
  const of = toks[i + 2];
  return isTitle(t) || (SRC_HEADS.get(t.bare) === 'speaker' && toks[i + 1]?.norm === 'باسم' && of !== undefined && !isTitle(of));
}

function stops(t: DocToken, prev?: DocToken): boolean {
  if (isPunct(t)) return true;
  // "عام" right after a title is the title's ("كاتب عام", "مدير عام"), not a function word.
  if (t.norm === 'عام' && prev !== undefined && isTitle(prev)) return false;
  // So does the press spoken to ("… لمراسل الجوهرة").
  if (isSpeechVerb(t.norm) || PRESS_ADDRESSEES.has(t.norm)) return true;
  // Function words end a title, except definite words and "ل+ال" ("الأمين العام للأمم المتحدة").
  return JUNK.has(t.norm) && !t.bare.startsWith('ال') && t.norm !== 'باسم';
}

function roleText(doc: Doc, s: number, e: number, isKnown: FormCheck): string {
  const toks = doc.tokens;
  let first = toks[s]!.text;
  const titles = (n: string): boolean => TRIGGERS.per.has(n) || PERSON_DESCRIPTIONS.has(n);
  if (isTitleAfterBa(toks[s]!)) first = dropLetters(first, toks[s]!.norm.indexOf('ب') + 1);
  else first = cleanFirstWord(first, { lexical: (n) => isKnown.lexical(n) || titles(n), inArticle: (n) => isKnown.inArticle(n) || titles(n) });
  // The rest as written, quotation marks glued as they stand ('رئيس كتلة "نداء تونس" بالبرلمان').
  return (first + doc.text.slice(toks[s]!.end, toks[e - 1]!.end)).replace(/\s+/gu, ' ');
}

const QUOTE_CLOSERS = new Map([
  ['"', '"'],
  ['»', '«'],
  ['”', '“'],
]);

/**
 * A name in quotation marks inside a title, read backward from its closing mark at i ('رئيس كتلة "نداء
 * تونس" بالبرلمان', 'مدير التوزيع بـ"ستاغ"'): the index of the word before it (and before a bare بـ/لـ
 * glued to it), or undefined when no opening mark stands within five words in the sentence.
 */
export function beforeQuotedName(toks: readonly DocToken[], i: number): number | undefined {
  const open = QUOTE_CLOSERS.get(toks[i]?.norm ?? '');
  if (open === undefined) return undefined;
  for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
    const t = toks[k]!;
    if (t.sentence !== toks[i]!.sentence) return undefined;
    if (t.norm === open) {
      if (k === i - 1) return undefined;
      const ba = toks[k - 1];
      return ba !== undefined && (ba.text === 'بـ' || ba.text === 'لـ') ? k - 2 : k - 1;
    }
    if (isPunct(t)) return undefined;
  }
  return undefined;
}

const comma = (t: DocToken | undefined): boolean => t?.norm === '،' || t?.norm === ',';
const QUOTE_MARKS = new Set(['"', '«', '“']);
// Prepositions inside a role, before the thing it is of ("… عن المسح الجغرافي", "… في حكومة …").
const ROLE_PREPOSITIONS = new Set(['في', 'عن']);

/** في/عن before a body named by its head ("النائب بمجلس نواب الشعب عن الجبهة الشعبية"): the role goes on. */
export function opensRoleBody(toks: readonly DocToken[], i: number): boolean {
  const body = toks[i + 1];
  if (!ROLE_PREPOSITIONS.has(toks[i]!.norm) || body === undefined || !body.forms.some((f) => ORG_HEADS.has(f))) return false;
  // A head in construct needs the name after it ("في حركة النهضة", not "في جامعة (…)").
  const name = toks[i + 2];
  return body.bare.startsWith('ال') || (name !== undefined && name.sentence === body.sentence && !isPunct(name));
}

/** A person's name right after an organization head in construct ("حكومة يوسف الشاهد", "إدارة ترامب"): the body is theirs. */
function governedByBody(toks: readonly DocToken[], s: number): boolean {
  const h = toks[s - 1];
  return h !== undefined && h.sentence === toks[s]!.sentence && !h.bare.startsWith('ال') && h.forms.some((f) => ORG_HEADS.has(f));
}

/** The role the article gives a person at one mention, "" when none. */
export function roleAt(doc: Doc, m: TokenMention, mentions: readonly TokenMention[], isKnown: FormCheck): string {
  const toks = doc.tokens;
  const sent = toks[m.s]!.sentence;
  const inPerson = (i: number): boolean => mentions.some((o) => o !== m && o.type === 'PER' && o.s <= i && i < o.e);
  let from = -1;
  // The one a body is named after ("في حكومة يوسف الشاهد") holds none of the titles before it.
  if (governedByBody(toks, m.s)) return appositionRole(doc, m, inPerson, isKnown);
  // A comma may stand between a title and the name ("الأمين العام لحزب البناء الوطني، رياض الشعيبي"),
  // and so may the mark that opens a quoted name ("المنشطة الإذاعية "إيمان الفجاري"").
  // So may an aside in brackets ("المتحدث باسم وزارة الدفاع الأمريكية (البنتاغون) آدم ستامب") and, in a
  // list, a colon ("وزير العدل: غازي الجريبي").
  // A mark before the name with none after it closes a quoted name inside the title ('مدير … بـ"ستاغ" منجي بوصبيع').
  // (Not a quoted title, 'لـ"الداعية" أحمد موسى جبريل', nor a quoted name the tagger cut, '"بارك غيون هيي ان"'.)
  const quotedName = QUOTE_MARKS.has(toks[m.s - 1]?.norm ?? '') && !closedAfter(toks, m.e) && !(toks[m.s - 2] !== undefined && isTitle(toks[m.s - 2]!));
  const last = quotedName ? m.s - 1 : comma(toks[m.s - 1]) || QUOTE_MARKS.has(toks[m.s - 1]?.norm ?? '') || toks[m.s - 1]?.norm === ':' ? m.s - 2 : bracketOpenBefore(toks, m.s) - 1;
  // An honorific or rank after a comma goes with the name, the title before the comma is the role
  // ("مفتي الجمهورية اللبنانية، الشيخ عبد اللطيف دريان", "مدير أمن الإسكندرية، اللواء مصطفى النمر").
  const rankAfterComma = honorificAfterComma(toks, m.s);
  for (let i = last; i >= 0 && i >= last + 1 - MAX_BEFORE - (rankAfterComma ? 1 : 0); i--) {
    if (rankAfterComma && i === m.s - 2) continue;
    // A name in quotation marks inside the title is the title's ("رئيس كتلة "نداء تونس" بالبرلمان").
    const skip = beforeQuotedName(toks, i);
    if (skip !== undefined) {
      i = skip + 1;
      continue;
    }
    const t = toks[i]!;
    // "إلى" right before the name makes it the object ("من نائب شعب إلى محمد أمين محفوظ"): no title.
    if (i === last && i === m.s - 1 && t.norm === 'الى') break;
    // A kinship word parts another's description from this name's ("مؤسس الجبهة ووالد مرشحة الرئاسة مارين لوبان").
    if (t.forms.some((f) => KINSHIP_WORDS.has(f))) break;
    // The government a minister serves in ("وزير الصناعة في حكومة يوسف الشاهد زياد العذاري").
    const governed = inPerson(i) && mentions.find((o) => o.type === 'PER' && o.s <= i && i < o.e && governedByBody(toks, o.s));
    if (governed) {
      i = governed.s;
      continue;
    }
    // So is what the role is of, before any title word: "المسؤول العام عن المسح الجغرافي فلان".
    if (from < 0 && ROLE_PREPOSITIONS.has(t.norm) && t.sentence === sent && !opensCircumstance(t, toks[i + 1])) continue;
    // A relative or complement clause opener ends the role ("… الذي ينتمي إليه الرئيس ماكرون").
    // A place noun ends it too, unless a title governs it ("مديرة منطقة المغرب العربي", "رئيس بلدية …").
    // A place noun after ل is what the title serves ("مدير الصندوق للمنطقة العربية").
    const place = t.forms.some((f) => TRIGGERS.loc.has(f)) && !t.norm.startsWith('لل') && !(i > 0 && toks[i - 1]!.sentence === sent && opensRole(toks, i - 1));
    if (t.sentence !== sent || stops(t, toks[i - 1]) || inPerson(i) || CLAUSE.has(t.norm) || place) break;
    // So does a short imperfect verb ("زعيمة أجنبية تزور الرئيس …").
    if (/^[يت][^ا]{3}$/.test(t.norm) && !isTitle(t) && !isGazPlace(t.norm)) break;
    // And a new clause or phrase: "… وتم تكليف فلانة", "… ومغادرة فلان", "… بمساعدة الفنان فلان".
    if (opensOtherPhrase(t, from >= 0)) break;
    // A title after ب opens the role; what stands before it is the sentence's ("التقى الوزير برئيس …").
    if (isTitleAfterBa(t)) {
      from = i;
      break;
    }
    if (opensRole(toks, i)) {
      from = i;
      // A title joined by و with its own complement is the second of two ("رئيس اتحاد الفلاحة وأمين عام
      // الحزب فلان"): the name's is the one after و. A bare one right before the name describes them too
      // ("المنشطة الإذاعية والزميلة فلانة").
      if (i < last && /^[وف]/.test(t.norm) && !TRIGGERS.per.has(t.norm) && !PERSON_DESCRIPTIONS.has(t.norm)) break;
    }
  }
  // An honorific right before the name belongs to how the name is said, not to a longer role
  // ("أمير الكويت الشيخ صباح …", "المتحدث باسم الجيش الرائد محمد …").
  let end = last + 1;
  if (rankAfterComma && from >= 0 && from < m.s - 2) end = m.s - 2;
  else if (from >= 0 && end - from >= 3 && HONORIFICS.has(toks[end - 1]!.norm) && toks[end - 2]?.norm !== 'عبد') end--;
  // A lone indefinite title word just before the name may be a given name ("ملك شاهر المتحدث
  // باسم المنظمة"): an apposition after the name, when there is one, is the role then.
  // A place noun in construct right before the name makes it the place's name ("رئيس بلدية لو هافر"): no one's role.
  const placeNoun = toks[end - 1]!;
  if (from >= 0 && !placeNoun.bare.startsWith('ال') && placeNoun.forms.some((f) => TRIGGERS.loc.has(f))) return '';
  const loneWord = from >= 0 && from === last && last === m.s - 1 && !toks[from]!.bare.startsWith('ال');
  // An honorific alone ("الدكتورة مارغريت تشان، المديرة العامة لمنظمة الصحة العالمية") gives way to the apposition.
  const honorificOnly = from >= 0 && end - from === 1 && HONORIFICS.has(toks[from]!.norm) && comma(toks[m.e]);
  if (from >= 0 && !loneWord && !honorificOnly) return roleText(doc, from, end, isKnown);
  const after = appositionRole(doc, m, inPerson, isKnown);
  if (after || from < 0) return after;
  return roleText(doc, from, end, isKnown);
}

/** Whether the name at token s follows an honorific or rank after a comma and a word ("أمير البلاد، الشيخ تميم"). */
export function honorificAfterComma(toks: readonly DocToken[], s: number): boolean {
  const rank = toks[s - 1];
  const before = toks[s - 3];
  return rank !== undefined && HONORIFICS.has(rank.norm) && comma(toks[s - 2]) && before !== undefined && !isPunct(before) && before.sentence === rank.sentence;
}

/**
 * Whether a quotation mark closes the name ending before token i: right there, or one word later when
 * the tagger cut the name short ('"بارك غيون هيي ان"'); not a quote after a comma ('بوصبيع، الى "…').
 */
function closedAfter(toks: readonly DocToken[], i: number): boolean {
  const mark = (t: DocToken | undefined): boolean => t !== undefined && t.sentence === toks[i - 1]?.sentence && (QUOTE_MARKS.has(t.norm) || QUOTE_CLOSERS.has(t.norm));
  return mark(toks[i]) || (toks[i] !== undefined && !isPunct(toks[i]!) && mark(toks[i + 1]));
}

/** A name after a glued ل ("لترامب"): the article names them without it somewhere ("ترامب"), unlike "لوبان". */
function gluedLam(doc: Doc, i: number): boolean {
  const n = doc.tokens[i]!.norm;
  return n.startsWith('ل') && doc.tokens.some((t) => t.norm === n.slice(1));
}

/** An adverb ("هاتفيا", "رسميا"): a role said with no comma ends before it. */
function isAdverb(t: DocToken): boolean {
  return ROLE_END_ADVERBS.has(t.norm);
}

/** Index of the "(" of an aside in brackets that ends right before token i (at most five words inside), else i. */
export function bracketOpenBefore(toks: readonly DocToken[], i: number): number {
  if (toks[i - 1]?.norm !== ')') return i;
  for (let k = i - 2; k >= 0 && k >= i - 7; k--) {
    if (toks[k]!.norm === '(') return k;
    if (toks[k]!.sentence !== toks[i]!.sentence) break;
  }
  return i;
}

/** A title in brackets right after a name ("(الممثل القانوني للحزب)", "(المدير التنفيذي)"): its tokens, end exclusive. */
export function bracketRole(toks: readonly DocToken[], i: number): { s: number; e: number } | undefined {
  if (toks[i]?.norm !== '(' || !toks[i + 1] || !opensRole(toks, i + 1)) return undefined;
  for (let k = i + 2; k < toks.length && k <= i + 8; k++) {
    if (toks[k]!.norm === ')') return { s: i + 1, e: k };
    if (isPunct(toks[k]!)) return undefined;
  }
  return undefined;
}

/**
 * A word that opens another phrase than the title's, read backward from a name or forward from a
 * title: و + a function word ("وتم", "وقد"); before any title, و + an indefinite noun that is no title
 * ("ومغادرة فلان"); once a title is found, a preposition glued to an indefinite noun that is no title
 * ("بمساعدة الفنان المسرحي فلان", "لفائدة …").
 */
export function opensOtherPhrase(t: DocToken, titleFound: boolean): boolean {
  if (isTitle(t) || t.bare.startsWith('ال') || isTitleAfterBa(t)) return false;
  if (/^[وف]/.test(t.norm) && JUNK.has(t.norm.slice(1))) return true;
  // A body, a place or the affairs a title is for stay in it ("لمنظمة التحرير", "لأوروبا", "لشؤون الحج").
  const ofTitle = t.forms.some((f) => ORG_HEADS.has(f) || isGazPlace(f) || ROLE_COMPLEMENTS.has(f));
  if (titleFound) return /^[بل]/.test(t.norm) && t.norm.length >= 5 && !t.norm.startsWith('لل') && !t.norm.startsWith('بال') && !ofTitle;
  // Five letters after و at least: "وزارة", "وكالة", "ولاية" begin with و of their own.
  return /^و/.test(t.norm) && t.norm.length >= 6 && t.norm.endsWith('ة') && !ofTitle && dictionaryClass(t.norm.slice(1)) === 'common';
}

/** Nouns a title is for, after ل ("مساعد المدير لشؤون الحج"), normalized. */
const ROLE_COMPLEMENTS = normSet(['شؤون', 'شئون']);

/** The role given in apposition after a name: "الاسم، رئيس حزب …،", or with no comma "الاسم رئيس جمعية …". */
function appositionRole(doc: Doc, m: TokenMention, inPerson: (i: number) => boolean, isKnown: FormCheck): string {
  const toks = doc.tokens;
  const sent = toks[m.s]!.sentence;
  // A bare title, not "ووزير", when there is no comma.
  const withComma = comma(toks[m.e]);
  const start = withComma ? m.e + 1 : m.e;
  const head = toks[start];
  // A role in brackets after the name ("رضا بالحاج (الممثل القانوني للحزب)").
  const bracketed = bracketRole(toks, m.e);
  if (bracketed) return roleText(doc, bracketed.s, bracketed.e, isKnown);
  if (head && head.sentence === sent && opensRole(toks, start) && (withComma || !/^[وف]/.test(head.norm) || TRIGGERS.per.has(head.norm) || !isTitle(head))) {
    let e = start + 1;
    while (e < toks.length && e - start < MAX_AFTER && toks[e]!.sentence === sent && !isPunct(toks[e]!) && !CLAUSE.has(toks[e]!.norm)) {
      // A person after ل is whom the title is of ("المستشار التجاري لترامب"); the role ends with them.
      if (inPerson(e) && !inPerson(e - 1) && gluedLam(doc, e)) {
        while (e < toks.length && inPerson(e)) e++;
        break;
      }
      // The title of the next named person ("استقبل فلان وزير الخارجية فلان") is not this one's.
      if (inPerson(e)) return '';
      // The press spoken to ("… لصحيفة فايننشال تايمز") is no part of the role.
      if (/^ل/u.test(toks[e]!.norm) && MEDIA_HEADS.has(toks[e]!.norm.slice(1))) break;
      if (opensCircumstance(toks[e]!, toks[e + 1])) break;
      // و + a three-letter past verb goes on with what the person did ("أمير الكويت وقرر …"), as does و + a function word ("وتم تكليف …").
      if (/^و[^ا]{3}$/.test(toks[e]!.norm) && !isTitle(toks[e]!)) break;
      if (opensOtherPhrase(toks[e]!, false)) break;
      if (!withComma && (TIME.has(toks[e]!.norm) || isAdverb(toks[e]!) || (stops(toks[e]!, toks[e - 1]) && !opensRoleBody(toks, e)))) break;
      e++;
    }
    return roleText(doc, start, e, isKnown);
  }
  return '';
}


/**
 * A role without the words of the person's own name at its end ("رئيسة الحزب الدستوري الحرّ عبير"
 * for عبير موسي, when the name was found without its given name there). Takes normalized name words.
 */
export function withoutOwnName(role: string, nameWords: readonly string[]): string {
  const words = role.split(/\s+/u).filter(Boolean);
  // Only the given name: a body's name may end as the person's does ("الأمين العام لحزب الله" of حسن نصر الله).
  const given = nameWords[0];
  const last = words[words.length - 1];
  // Or another of its given names the name's span left out ("… بالبنك العالمي ماري" of "فرنسواز ماري نالي", written "ماري فرنسواز ماري نالي").
  const n = last === undefined ? '' : normalize(last);
  const leftOut = n !== '' && FIRST_NAMES.has(n) && !n.startsWith('ال') && nameWords.includes(n);
  if (words.length > 1 && given !== undefined && (n === given || leftOut) && FIRST_NAMES.has(n)) words.pop();
  return words.join(' ');
}
