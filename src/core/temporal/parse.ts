/**
 * The grammar of Arabic time expressions over tokens, built as chrono builds its parsers: each
 * parser (PARSERS at the end of this file) declares the words that may open it and tries its one
 * shape at a token, returning how far it reached and what it read (a Reading, resolved later
 * against the reference date). A token is offered only to the parsers its words trigger; the
 * longest reading at each position wins, earlier parsers winning ties. Refiners (refine.ts) run
 * on the results.
 */
import { signedMembership, type Tok } from './tokens.ts';
import type { Calendar, Modifier, PhraseTable, TimexMod, TimexType, Unit } from './lexicon.ts';
import * as L from './lexicon.ts';
import { normalize } from '../text/normalize.ts';
import { isArabicLetter } from '../text/tokens.ts';

/** What an expression says, before it is resolved against the reference date. */
export type Reading =
  /** wd: the weekday written with the date ("الأحد 31 ماي 2014"), 0 Sunday … 6 Saturday. */
  | { k: 'day'; d: number; m: number; cal: Calendar; y?: number; yRel?: number; mRel?: number; mod?: Modifier; wd?: number }
  | { k: 'month'; m: number; cal: Calendar; y?: number; yRel?: number; mod?: Modifier }
  | { k: 'year'; y: number; cal: Calendar }
  | { k: 'rel'; unit: 'day' | 'month' | 'year'; n: number }
  | { k: 'weekday'; wd: number; mod?: Modifier; anchor?: number }
  | { k: 'quarter'; q: number; year?: Reading }
  | { k: 'clock'; h: number; min: number; day?: Reading }
  /** A fixed expression of timex.json (مؤخرا، الأسبوع الماضي، حاليا): its kind and value spec. */
  | { k: 'fixed'; type: TimexType; spec: string }
  /** A length of time: P3D, PT2H; n null when the count is vague (PXD). */
  | { k: 'dur'; unit: Unit; n: number | null; and?: { unit: Unit; n: number } }
  /** A recurrence: its period (P1Y, P2Y, P1W). */
  | { k: 'set'; unit: Unit; n: number }
  /** A decade (الستينيات): d its digit; c the century (1-based, 20 = 1900s) when named, or cRel from the reference's. */
  | { k: 'decade'; d: number; c?: number; cRel?: number }
  /** A century (القرن التاسع عشر): c 1-based, or cRel from the reference's. */
  | { k: 'century'; c?: number; cRel?: number }
  /** A part of the day said alone (وصل مساء): its TIMEX3 suffix; its day is that of the times around it. */
  | { k: 'daypart'; part: string }
  /** A season (الصيف الماضي، صيف 2014، صيف العام الجاري): its TIMEX3 code, year, year from the reference's, or modifier. */
  | { k: 'season'; code: string; y?: number; yRel?: number; mod?: Modifier }
  | { k: 'none' };

/** A parsed expression: normalized start offset, end token (exclusive) and reading. */
export interface Hit {
  s: number;
  end: number;
  r: Reading;
  /** The kind when the reading alone does not say it (a day named with its part: فجر الجمعة is a TIME). */
  type?: TimexType;
  /** TIMEX3 suffix of the part of the day (TMO, TEV …) a day is named with. */
  part?: string;
  mod?: TimexMod;
  /** A TIMEX3 value for a reading with no point in time (ثورة 14 جانفي → XXXX-01-14). */
  timex?: string;
  /** The length a date counted forward with بعد was read from ("بعد 109 أعوام" → 109 years): a refiner may keep only it. */
  counted?: Extract<Reading, { k: 'dur' }>;
}

interface Found<V> {
  value: V;
  pre: number;
}

interface MonthUnit {
  m: number;
  cal: Calendar;
  ambiguous: boolean;
  paired: boolean;
  shahr: boolean;
  s: number;
  end: number;
}

interface Tail {
  end: number;
  y?: number;
  yRel?: number;
  hijri?: boolean;
  mod?: Modifier;
}

const DAYPART_SHIFT: Record<string, string> = { فجر: 'am', صباح: 'am', صبيحة: 'am', ضحى: 'am', ظهر: 'noon', ظهيرة: 'noon', عصر: 'pm', مساء: 'pm', عشية: 'pm', ليل: 'night', ليلة: 'night' };
const MONTH_PREPOSITIONS = new Set(['في', 'خلال', 'منذ', 'حتى', 'طيلة', 'طوال']);
const HIJRI_ADJECTIVES = new Set(['المبارك', 'الكريم', 'المعظم', 'الفضيل', 'الحرام']);

/** Parses every time expression in a token list, left to right, longest match first. */
export function parseTokens(toks: Tok[]): Hit[] {
  return new Parser(toks).run();
}

class Parser {
  /** Per token: the parsers its words trigger (bits of PARSERS), and whether one of them is not a weak starter. */
  private readonly masks: Int32Array;
  private readonly strong: Uint8Array;

  constructor(private readonly toks: Tok[]) {
    const n = toks.length;
    this.masks = new Int32Array(n);
    this.strong = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const tok = toks[i]!;
      if (tok.digits) {
        this.masks[i] = NUMBER_MASK;
        this.strong[i] = 1;
        continue;
      }
      let mask = 0;
      let strong = 0;
      for (let f = 0; f < tok.forms.length; f++) {
        const bits = triggerBits(tok.forms[f]!);
        if (bits === 0) continue;
        mask |= bits;
        if (!L.WEAK_STARTERS.has(tok.forms[f]!)) strong = 1;
      }
      this.masks[i] = mask;
      this.strong[i] = strong;
    }
  }

  run(): Hit[] {
    const hits: Hit[] = [];
    const n = this.toks.length;
    for (let i = 0; i < n; i++) {
      const hit = this.at(i);
      if (hit) {
        hits.push(hit);
        i = hit.end - 1;
      }
    }
    return hits;
  }

  /** The longest expression starting at token i (earlier parsers win ties). */
  private at(i: number): Hit | null {
    // Cheap filter: most words cannot start an expression, and a weak starter needs a word of the lexicon soon after.
    const tok = this.toks[i]!;
    const mask = this.masks[i]!;
    if (mask === 0) return null;
    // A number opens an expression only before punctuation, a number, a word of the lexicon or a
    // word the grammar names ("17 أكتوبر", "3 و4 نوفمبر", "10:30", "1445 هـ"); "78 هجوما" does not.
    if (tok.digits && !this.mayFollowNumber(i + 1)) return null;
    if (this.strong[i] === 0) {
      let near = false;
      for (let k = i + 1; !near && k <= i + L.STRONG_WITHIN && k < this.toks.length; k++) near = this.lexical(k);
      if (!near) return null;
    }
    let best: Hit | null = null;
    for (let b = 0; b < PARSERS.length; b++) {
      if ((mask & (1 << b)) === 0) continue;
      const hit = PARSERS[b]!.parse.call(this, i);
      if (hit && (!best || hit.end > best.end)) best = hit;
    }
    return best && this.withDayWord(best, i);
  }

  /** "يوم 26 نوفمبر", "ليوم 15 مارس", "يومي 12 و13 جوان": the day word before a date is part of its span (not اليوم, today). */
  private withDayWord(hit: Hit, i: number): Hit {
    const word = hit.r.k === 'day' ? this.find(i - 1, L.DAY_WORDS) : null;
    if (!word || this.t(i - 1).slice(word.pre).startsWith('ال') || this.start(i) !== hit.s) return hit;
    return { ...hit, s: this.start(i - 1, word.pre) };
  }

  // ---- token helpers ----

  /** A number, a token that triggers a parser (other than a weak starter), or a token with a form in the lexicon. */
  private lexical(k: number): boolean {
    if (this.strong[k] === 1) return true;
    for (const form of this.toks[k]!.forms) if (inLexicon(form)) return true;
    return false;
  }

  /** Whether token k may follow a number that opens an expression: anything but a word outside the lexicon and the grammar. */
  private mayFollowNumber(k: number): boolean {
    const next = this.toks[k];
    if (!next) return false;
    const c = next.t.charCodeAt(0);
    if (!(c >= 0x0621 && c <= 0x064a)) return true; // punctuation, a number, Latin (17h30)
    return this.lexical(k) || next.forms.some((f) => GRAMMAR_WORDS.has(f) || L.WEAK_STARTERS.has(f));
  }

  private t(i: number): string {
    return this.toks[i]?.t ?? '';
  }

  private start(i: number, pre = 0): number {
    const tok = this.toks[i] ?? this.toks[this.toks.length - 1];
    return tok ? tok.s + pre : 0;
  }

  /** The first clitic form of token i found in a map or set. */
  private find<V>(i: number, table: Map<string, V>): Found<V> | null;
  private find(i: number, table: Set<string>): Found<true> | null;
  private find<V>(i: number, table: Map<string, V> | Set<string>): Found<V | true> | null {
    const tok = this.toks[i];
    if (!tok) return null;
    for (let f = 0; f < tok.forms.length; f++) {
      const form = tok.forms[f]!;
      if (table instanceof Map) {
        const value = table.get(form);
        if (value !== undefined) return { value, pre: tok.pres[f]! };
      } else if (table.has(form)) {
        return { value: true, pre: tok.pres[f]! };
      }
    }
    return null;
  }

  /** Exact (clitic-free) membership of token i. */
  private is(i: number, set: Set<string>): boolean {
    return set.has(this.t(i));
  }

  /** A multi-word phrase at token i; only the first word may carry clitics. */
  private phrase<V>(i: number, table: PhraseTable<V>): { value: V; pre: number; end: number } | null {
    const tok = this.toks[i];
    if (!tok) return null;
    for (let f = 0; f < tok.forms.length; f++) {
      const list = table.get(tok.forms[f]!);
      if (!list) continue;
      for (const entry of list) {
        let ok = true;
        for (let k = 1; k < entry.words.length; k++) {
          if (this.t(i + k) !== entry.words[k]) {
            ok = false;
            break;
          }
        }
        if (ok) return { value: entry.value, pre: tok.pres[f]!, end: i + entry.words.length };
      }
    }
    return null;
  }

  private num(i: number, maxLen = 4): number | null {
    const tok = this.toks[i];
    if (!tok || !tok.digits || tok.t.length > maxLen) return null;
    return Number(tok.t);
  }

  /**
   * A count before a unit: figures, a count word (ثلاثة، بأربعة، الخمسة) or a teen in words (أحد عشر،
   * الخمسة عشر). `pre` is the clitic the count word carries, `words` whether it is written in words.
   */
  private countAt(p: number, maxDigits = 4): { n: number; end: number; pre: number; words: boolean; definite: boolean } | null {
    const tok = this.toks[p];
    if (!tok) return null;
    if (tok.digits) {
      const n = this.num(p, maxDigits);
      return n === null ? null : { n, end: p + 1, pre: 0, words: false, definite: false };
    }
    const definite = tok.t.startsWith('ال');
    const bare = definite ? tok.t.slice(2) : '';
    const word = this.find(p, L.COUNTS) ?? (definite && L.COUNTS.has(bare) ? { value: L.COUNTS.get(bare)!, pre: 0 } : null);
    const head = word ? null : (this.find(p, L.TEEN_HEADS) ?? (definite && L.TEEN_HEADS.has(bare) ? { value: L.TEEN_HEADS.get(bare)!, pre: 0 } : null));
    const found = word ?? head;
    if (!found) return null;
    if (found.value <= 9 && this.is(p + 1, L.COUNT_TEEN)) return { n: found.value + 10, end: p + 2, pre: found.pre, words: true, definite };
    if (head) return null; // أحد، اثنا: a count only before عشر
    return { n: found.value, end: p + 1, pre: found.pre, words: true, definite };
  }

  /** Two tokens touch (no space between them): 5/3/2021, 10:30. */
  private touch(i: number): boolean {
    const a = this.toks[i];
    const b = this.toks[i + 1];
    return a !== undefined && b !== undefined && a.e === b.s;
  }

  private year(i: number, min = 1000, max = 2100): number | null {
    const tok = this.toks[i];
    if (!tok || !tok.digits || tok.t.length !== 4) return null;
    const y = Number(tok.t);
    if (y < min || y > max) return null;
    // 2023-12-05, 2023/12: part of a numeric date (2016-2017 is a range of years).
    if (this.touch(i) && /^[-/.]$/.test(this.t(i + 1)) && this.num(i + 2) !== null && this.toks[i + 2]!.t.length !== 4) return null;
    // "2000 في المئة" is no year.
    const next = this.t(i + 1);
    if (next === '%' || (next === 'في' && /^(الما?ئة|المئة|المية)$/.test(this.t(i + 2)))) return null;
    // "1454 م.د", "1095 م د": millions of dinars (مليون دينار), not the year 1454 of the Common Era.
    if (next === 'م' && (this.t(i + 2) === 'د' || (this.t(i + 2) === '.' && this.t(i + 3) === 'د'))) return null;
    return y;
  }

  private modifier(i: number): Modifier | null {
    return L.MODIFIERS.get(this.t(i)) ?? null;
  }

  // ---- building blocks ----

  /** A day of the month: 17, ١٧, السادس, الحادي عشر, الحادي والعشرين, الفاتح. */
  private dayNum(i: number): { d: number; end: number; pre: number } | null {
    const n = this.num(i, 2);
    if (n !== null) {
      if (n < 1 || n > 31) return null;
      if (this.t(i + 1) === ':' || (this.t(i + 1) === '.' && this.num(i + 2) !== null)) return null;
      return { d: n, end: i + 1, pre: 0 };
    }
    const ord = this.find(i, L.DAY_ORDINALS);
    if (ord) {
      const v = ord.value;
      if (v <= 9 && this.is(i + 1, L.TEEN)) return { d: v + 10, end: i + 2, pre: ord.pre };
      const tens = v <= 9 ? this.find(i + 1, L.DAY_TENS) : null;
      if (tens && tens.pre === 1 && this.t(i + 1)[0] === 'و') return { d: v + tens.value, end: i + 2, pre: ord.pre };
      if (this.t(i).endsWith('الحادي') || this.t(i).endsWith('الواحد')) return null; // only in compounds
      return { d: v, end: i + 1, pre: ord.pre };
    }
    const tens = this.find(i, L.DAY_TENS);
    if (tens) return { d: tens.value, end: i + 1, pre: tens.pre };
    return null;
  }

  /** A day or a list/range of days, read as its first day: 3 و4، من 5 إلى 7، الخامس والسادس. */
  private dayList(i: number): { d: number; end: number; s: number } | null {
    let p = i;
    if (this.t(p) === 'من' || this.t(p) === 'بين') p++;
    const first = this.dayNum(p);
    if (!first) return null;
    const s = this.start(p, first.pre);
    let q = first.end;
    for (let guard = 0; guard < 4; guard++) {
      const join = this.t(q);
      if (L.RANGE_JOIN.has(join)) {
        const next = this.dayNum(q + 1);
        if (next) {
          q = next.end;
          continue;
        }
      }
      // الخامس والسادس: the conjunction is glued to the next ordinal.
      const glued = this.t(q)[0] === 'و' ? this.dayNum(q) : null;
      if (glued && glued.pre >= 1 && !this.toks[q]!.digits) {
        q = glued.end;
        continue;
      }
      break;
    }
    return { d: first.d, end: q, s };
  }

  private monthName(i: number): { m: number; cal: Calendar; ambiguous: boolean; pre: number; end: number } | null {
    const found = this.phrase(i, L.MONTHS);
    if (!found) return null;
    return { m: found.value.month, cal: found.value.calendar, ambiguous: found.value.ambiguous, pre: found.pre, end: found.end };
  }

  /** A month name, optionally after شهر and paired with another calendar's name: ديسمبر/ كانون الأول. */
  private monthUnit(i: number): MonthUnit | null {
    if (i >= this.toks.length) return null;
    let p = i;
    let shahr = false;
    let pre = 0;
    const word = this.find(p, L.MONTH_WORDS);
    if (word && !this.t(p).startsWith('ال')) {
      shahr = true;
      pre = word.pre;
      p++;
    }
    const s = this.start(i, pre);
    if (this.t(p) === '(') {
      const a = this.monthName(p + 1);
      if (!a || this.t(a.end) !== ')') return null;
      const b = this.monthName(a.end + 1);
      if (!b) return null;
      return { m: b.m, cal: b.cal, ambiguous: false, paired: true, shahr, s, end: b.end };
    }
    const a = this.monthName(p);
    if (!a) return null;
    const unit: MonthUnit = { m: a.m, cal: a.cal, ambiguous: a.ambiguous, paired: false, shahr, s: shahr ? s : this.start(p, a.pre), end: a.end };
    const sep = this.t(a.end);
    if (sep === '/' || sep === '-' || sep === '\\') {
      const b = this.monthName(a.end + 1);
      if (b) {
        unit.paired = true;
        unit.end = b.end;
        if (a.ambiguous && !b.ambiguous) unit.ambiguous = false;
      }
    } else if (sep === '(') {
      const b = this.monthName(a.end + 1);
      if (b && this.t(b.end) === ')') {
        unit.paired = true;
        unit.end = b.end + 1;
      }
    }
    if (unit.paired) unit.ambiguous = false;
    return unit;
  }

  /** A year or a relative year after a month: 2021، عام 2021، من العام الماضي، الجاري. */
  private tail(q: number): Tail {
    let p = q;
    const hadMin = this.t(p) === 'من';
    if (hadMin) p++;
    const yw = this.is(p, L.YEAR_WORDS) ? 1 : 0;
    const y = this.year(p + yw);
    if (y !== null) {
      const out: Tail = { end: p + yw + 1, y };
      if (this.is(out.end, L.HIJRI_SUFFIX)) {
        out.hijri = true;
        out.end++;
      } else if (this.is(out.end, L.GREGORIAN_SUFFIX)) out.end++;
      return out;
    }
    if (hadMin) {
      const rel = this.yearRel(p);
      if (rel) return { end: rel.end, yRel: rel.n };
      return { end: q };
    }
    const mod = this.modifier(p);
    if (mod) return { end: p + 1, mod };
    return { end: q };
  }

  /** العام الماضي، السنة المقبلة، هذا العام، العام الجاري → an offset in years. */
  private yearRel(p: number): { n: number; end: number } | null {
    return this.periodRel(p, L.YEAR_SELF);
  }

  /** الشهر الماضي، الشهر المقبل، هذا الشهر → an offset in months. */
  private monthRel(p: number): { n: number; end: number } | null {
    return this.periodRel(p, L.MONTH_SELF);
  }

  private periodRel(p: number, self: Set<string>): { n: number; end: number } | null {
    if (this.find(p, L.THIS) && this.is(p + 1, self)) return { n: 0, end: p + 2 }; // هذا العام، لهذه السنة
    if (this.find(p, self)) {
      const mod = this.modifier(p + 1);
      if (mod) return { n: mod === 'past' ? -1 : mod === 'future' ? 1 : 0, end: p + 2 };
    }
    return null;
  }

  private monthReading(mu: MonthUnit, tl: Tail): Reading {
    const r: Reading = { k: 'month', m: mu.m, cal: tl.hijri ? 'hijri' : mu.cal };
    if (tl.y !== undefined) r.y = tl.y;
    if (tl.yRel !== undefined) r.yRel = tl.yRel;
    if (tl.mod) r.mod = tl.mod;
    return r;
  }

  // ---- expressions ----

  /** حتى الآن، مؤخرا، الأسبوع الماضي، حاليا، السنوات الأخيرة … (timex.json's phrases). */
  private fixedPhrase(i: number): Hit | null {
    const found = this.phrase(i, L.TIMEX_PHRASES);
    if (!found) return null;
    // "حتى الساعة 18,00" is a clock time, not "so far": the clock parser reads it from الساعة.
    if (this.is(found.end - 1, L.CLOCK_WORDS) && (this.toks[found.end]?.digits || this.find(found.end, L.CLOCK_HOURS))) return null;
    // "في الوقت الحالي", "حتى الآن": the preposition is a signal; the span is the time itself.
    const signal = this.phrase(i, L.PHRASE_SIGNALS);
    const s = signal && signal.end < found.end ? this.start(signal.end) : this.start(i, found.pre);
    return { s, end: found.end, r: { k: 'fixed', type: found.value.type, spec: found.value.spec } };
  }

  /** 17 أكتوبر، السادس من ديسمبر الجاري، 3 و4 نوفمبر الماضي، 15 رمضان 1445 هـ. */
  private dateExpr(i: number): Hit | null {
    // "الأسبوع الأول من نوفمبر": the ordinal counts weeks, not days (periodPart reads it).
    if (!this.toks[i]?.digits && this.find(i - 1, L.ORDINAL_HEADS)) return null;
    const dl = this.dayList(i);
    if (!dl) return null;
    let p = dl.end;
    if (this.t(p) === 'من') p++;
    const mu = this.monthUnit(p);
    if (!mu) {
      // "الثامن من الشهر الجاري", "العاشر من الشهر الماضي".
      const rel = p > dl.end ? this.monthRel(p) : null;
      if (!rel) return null;
      return { s: dl.s, end: rel.end, r: { k: 'day', d: dl.d, m: 0, cal: 'gregorian', mRel: rel.n } };
    }
    const tl = this.tail(mu.end);
    if (tl.y === undefined && tl.yRel === undefined && !tl.mod && this.find(i - 1, L.NAMED_DATE_HEADS)) {
      return { s: dl.s, end: tl.end, r: { k: 'none' }, timex: `XXXX-${pad2(mu.m)}-${pad2(dl.d)}` };
    }
    const r: Reading = { k: 'day', d: dl.d, m: mu.m, cal: tl.hijri ? 'hijri' : mu.cal };
    if (tl.y !== undefined) r.y = tl.y;
    if (tl.yRel !== undefined) r.yRel = tl.yRel;
    if (tl.mod) r.mod = tl.mod;
    return { s: dl.s, end: tl.end, r };
  }

  /** 5/3/2021، 05-03-2021، 2023-12-05. */
  private numericDate(i: number): Hit | null {
    const a = this.num(i);
    if (a === null || !this.touch(i) || !this.touch(i + 1) || !this.touch(i + 2) || !this.touch(i + 3)) return null;
    const sep = this.t(i + 1);
    if ((sep !== '/' && sep !== '-' && sep !== '.') || this.t(i + 3) !== sep) return null;
    const b = this.num(i + 2, 2);
    const c = this.num(i + 4);
    if (b === null || c === null) return null;
    const ya = this.toks[i]!.t.length === 4;
    const yc = this.toks[i + 4]!.t.length === 4;
    let r: Reading | null = null;
    if (ya && !yc && a >= 1000) r = { k: 'day', y: a, m: b, d: c, cal: 'gregorian' };
    else if (yc && !ya && this.toks[i]!.t.length <= 2) r = { k: 'day', y: c, m: b, d: a, cal: 'gregorian' };
    if (!r) return null;
    let end = i + 5;
    if (this.is(end, L.HIJRI_SUFFIX)) {
      r.cal = 'hijri';
      end++;
    }
    return { s: this.start(i), end, r };
  }

  /** يوم الأربعاء، السبت الماضي، اليوم الجمعة، أمس الخميس، غدًا السبت، الخميس 7 ديسمبر. */
  private weekdayExpr(i: number): Hit | null {
    let p = i;
    let anchor: number | undefined;
    let yawm = false;
    const relPhrase = this.phrase(p, L.RELATIVE_DAY_PHRASES);
    const rel = relPhrase ? null : this.find(p, L.RELATIVE_DAYS);
    const s = this.start(i, relPhrase?.pre ?? rel?.pre ?? this.find(p, L.DAY_WORDS)?.pre ?? 0);
    if (relPhrase) {
      anchor = relPhrase.value;
      p = relPhrase.end;
    } else if (rel && this.t(p) !== 'الليلة') {
      anchor = rel.value;
      p++;
    } else if (this.find(p, L.DAY_WORDS)) {
      yawm = true;
      p++;
    }
    const wd = this.find(p, L.WEEKDAYS);
    if (!wd || (wd.pre > 0 && p > i)) return null;
    if (anchor === undefined && !yawm) {
      // "كل أيام السبت" recurs; "بين الاثنين" is "between the two".
      if (this.find(i - 1, L.WEEKDAY_STOP_BEFORE)) return null;
      if (wd.value.ambiguous && this.find(i - 1, L.TWO_STOP_BEFORE) && this.t(i - 2) !== 'الفاصلة') return null;
      if (this.t(p + 1) === 'عشر') return null; // الأحد عشر = eleven
    }
    const ws = p === i ? this.start(i, wd.pre) : s;
    p++;
    let mod: Modifier | undefined;
    const m = this.modifier(p);
    if (m === 'past' || m === 'future') {
      mod = m;
      p++;
    }
    // "يومي السبت والأحد": read as the first day.
    const second = this.find(p, L.WEEKDAYS);
    if (second && second.pre === 1 && this.t(p)[0] === 'و') p++;
    // A date after the weekday gives the value: الخميس 7 ديسمبر 2023.
    const dp = this.t(p) === '،' || this.t(p) === ',' || this.t(p) === '(' ? p + 1 : p;
    const date = mod ? null : (this.dateExpr(dp) ?? this.numericDate(dp));
    if (date) {
      const r = date.r.k === 'day' ? { ...date.r, wd: wd.value.day } : date.r;
      return { s: ws, end: this.t(p) === '(' && this.t(date.end) === ')' ? date.end + 1 : date.end, r };
    }
    const r: Reading = { k: 'weekday', wd: wd.value.day };
    if (mod) r.mod = mod;
    if (anchor !== undefined) r.anchor = anchor;
    return { s: ws, end: p, r };
  }

  /** اليوم، أمس، أول أمس، غدًا، بعد غد، الليلة الماضية (and غد/الغد after a part of the day). */
  private relDay(i: number, afterPart = false): Hit | null {
    const ph = this.phrase(i, L.RELATIVE_DAY_PHRASES);
    if (ph) {
      // "قبل قليل من مغادرته" counts from another event.
      const relative = this.t(ph.end - 1) === 'قليل' && this.t(ph.end) === 'من';
      return { s: this.start(i, ph.pre), end: ph.end, r: relative ? { k: 'none' } : { k: 'rel', unit: 'day', n: ph.value } };
    }
    const word = this.find(i, L.RELATIVE_DAYS) ?? (afterPart ? this.find(i, L.RELATIVE_DAYS_AFTER_PART) : null);
    if (!word) return null;
    const form = this.toks[i]!.t.slice(word.pre);
    // "الليلة الفاصلة بين الاثنين والثلاثاء": the weekday dates it.
    if (form === 'الليلة' && (this.t(i + 1) === 'الفاصلة' || this.t(i + 1) === 'التي')) return null;
    // لليوم (ل + اليوم) too: "لليوم الثامن على التوالي" counts days, it is not today.
    if (form === 'اليوم' || form === 'ليوم' || form === 'لليوم') {
      if (this.find(i - 1, L.TODAY_STOP_BEFORE) || this.find(i + 1, L.TODAY_STOP)) return null;
      // "صباح اليوم من إحباط" is today; "اليوم من عام", "يوم اليوم" are not.
      if ((this.t(i + 1) === 'من' && this.is(i + 2, L.TODAY_STOP_AFTER_MIN)) || this.t(i - 1) === 'يوم') return null;
    }
    return { s: this.start(i, word.pre), end: i + 1, r: { k: 'rel', unit: 'day', n: word.value } };
  }

  /** فجر الجمعة، مساء أمس، صباح اليوم، ليلة السبت، ظهر يوم 5 مارس. */
  private daypart(i: number): Hit | null {
    const dp = this.phrase(i, L.DAYPARTS);
    if (!dp) return null;
    const inner = this.dayAfter(dp.end, true);
    if (!inner) return null;
    const hit: Hit = { s: this.start(i, dp.pre), end: inner.end, r: inner.r, type: 'TIME' };
    const part = L.DAYPART_TIMEX.get(this.t(i).slice(dp.pre));
    if (part) hit.part = part;
    return hit;
  }

  /** الساعات الأولى من صباح اليوم، في ساعة متأخرة من ليلة أمس، وقت مبكر من يوم السبت: that day's time, with its start or end as mod. */
  private dayEdge(i: number): Hit | null {
    const edge = this.phrase(i, L.DAY_EDGES);
    if (!edge || this.t(edge.end) !== 'من') return null;
    const inner = this.daypart(edge.end + 1) ?? this.dayAfter(edge.end + 1, true);
    if (!inner) return null;
    const hit: Hit = { s: this.start(i, edge.pre), end: inner.end, r: inner.r, type: 'TIME', mod: edge.value };
    if (inner.part) hit.part = inner.part;
    return hit;
  }

  /** The day named after a part of the day or a clock time. */
  private dayAfter(p: number, afterPart: boolean): Hit | null {
    const q = this.t(p) === 'يوم' ? p + 1 : p;
    let best: Hit | null = null;
    for (const hit of [this.weekdayExpr(p), this.relDay(q, afterPart), this.dateExpr(q), this.numericDate(q)]) {
      if (hit && (!best || hit.end > best.end)) best = hit;
    }
    return best;
  }

  /** الساعة الرابعة صباحًا، الساعة 10:30، عند الثالثة فجرًا، الساعة العاشرة من صباح اليوم. */
  private clock(i: number): Hit | null {
    let p = i;
    const hasWord = this.is(p, L.CLOCK_WORDS);
    let s = this.start(i);
    if (hasWord) p++;
    else if (this.find(p, L.CLOCK_LEAD) && !this.toks[p]!.digits) {
      p++;
      s = this.start(p);
    } else if (this.toks[p]!.digits) return null; // "بقوة 5.3 درجات" is no time
    let h: number | null = null;
    let min = 0;
    let colon = false;
    // "الساعة 0553 بتوقيت غرينتش": agencies' four-figure clock after الساعة.
    const hhmm = hasWord && this.toks[p]?.digits && this.t(p).length === 4 ? this.num(p) : null;
    const n = hhmm !== null ? Math.floor(hhmm / 100) : this.num(p, 2);
    if (hhmm !== null) {
      h = Math.floor(hhmm / 100);
      min = hhmm % 100;
      colon = true;
      p++;
      if (h > 23 || min > 59) return null;
    } else if (n !== null) {
      h = n;
      p++;
      // 10:30, 17.30, 17h30 (Maghreb writing); after الساعة also 6,09 (agencies' French writing).
      const sep = this.t(p);
      const clockSep = sep === ':' || sep === '.' || sep === 'h' || sep === 'H' || sep === 'س' || (sep === ',' && hasWord && this.t(p + 1).length === 2);
      if (clockSep && this.touch(p - 1) && this.touch(p) && this.num(p + 1, 2) !== null) {
        min = this.num(p + 1, 2)!;
        colon = sep === ':';
        p += 2;
        // "الساعة 8,17 دقيقة صباحا": the unit after the minutes.
        if (L.UNITS.get(this.t(p))?.unit === 'minute') p++;
      }
      if (h > 24 || min > 59) return null;
    } else {
      const word = this.find(p, L.CLOCK_HOURS);
      if (!word || word.pre > 0) return null;
      h = word.value;
      p++;
      if (h <= 2 && this.is(p, L.CLOCK_TEEN)) {
        h += 10;
        p++;
      } else if (this.t(p - 1) === 'الحادية') return null; // only in الحادية عشرة
      const frac = this.find(p, L.CLOCK_FRACTIONS);
      if (frac && this.t(p)[0] === 'و') {
        min = frac.value;
        p++;
      }
    }
    // "الساعة الثانية و51 دقيقة", "الساعة 11 و 27 دقيقة".
    const minutes = this.t(p) === 'و' ? this.num(p + 1, 2) : null;
    if (minutes !== null && minutes < 60 && L.UNITS.get(this.t(p + 2))?.unit === 'minute') {
      min = minutes;
      p += 3;
    }
    let shift: string | undefined;
    const adv = this.phrase(p, L.DAYPART_ADVERBS);
    if (adv) {
      shift = adv.value;
      p = adv.end;
    }
    if (!hasWord && !shift && !colon) return null;
    if (!hasWord && n !== null && !colon && !shift) return null;
    // The day may follow: من صباح اليوم، يوم الجمعة، من فجر أمس.
    let day: Reading | undefined;
    const q = this.t(p) === 'من' ? p + 1 : p;
    const dayHit = this.daypart(q) ?? this.dayAfter(q, false);
    if (dayHit && dayHit.r.k !== 'none') {
      if (!shift) {
        const part = this.phrase(q, L.DAYPARTS);
        if (part) shift = DAYPART_SHIFT[this.toks[q]!.forms[0]!] ?? DAYPART_SHIFT[this.t(q).slice(part.pre)];
      }
      day = dayHit.r;
      p = dayHit.end;
    }
    const local = this.phrase(p, L.LOCAL_TIME);
    // "بتوقيت غرينتش", "بتوقيت مكة": the place is part of it.
    if (local) p = local.end + (this.t(local.end - 1) === 'بتوقيت' && !this.toks[local.end]?.digits ? 1 : 0);
    const r: Reading = { k: 'clock', h: to24(h, shift), min };
    if (day) r.day = day;
    return { s, end: p, r };
  }

  /** مطلع ديسمبر الجاري، أواخر الشهر الماضي، منتصف يناير المقبل، نهاية العام الجاري، نهاية 2023. */
  private periodPart(i: number): Hit | null {
    const head = this.find(i, L.ORDINAL_HEADS);
    // "الأسبوع الأول من نوفمبر", "النصف الثاني من الشهر الماضي": a part of that month.
    if (head && this.find(i + 1, L.QUARTER_ORDINALS) && this.t(i + 2) === 'من') {
      const mu = this.monthUnit(i + 3);
      const mr = mu ? null : this.monthRel(i + 3);
      const s = this.start(i, head.pre);
      if (mu) {
        const tl = this.tail(mu.end);
        return { s, end: tl.end, r: this.monthReading(mu, tl) };
      }
      if (mr) return { s, end: mr.end, r: { k: 'rel', unit: 'month', n: mr.n } };
    }
    const part = this.find(i, L.PERIOD_PARTS);
    if (!part) return null;
    const hit = this.periodAfterPart(i, part.pre);
    const mod = L.PERIOD_PART_MODS.get(this.t(i).slice(part.pre));
    if (hit && mod) hit.mod = mod;
    return hit;
  }

  /** The period a part word (مطلع، منتصف، أواخر …) at token i names. */
  private periodAfterPart(i: number, pre: number): Hit | null {
    const s = this.start(i, pre);
    const p = i + 1;
    const era = this.decade(p) ?? this.century(p);
    if (era) return { s, end: era.end, r: era.r };
    const mu = this.monthUnit(p);
    if (mu) {
      const tl = this.tail(mu.end);
      return { s, end: tl.end, r: this.monthReading(mu, tl) };
    }
    const mr = this.monthRel(p);
    if (mr) return { s, end: mr.end, r: { k: 'rel', unit: 'month', n: mr.n } };
    const yr = this.yearRel(p);
    if (yr) return { s, end: yr.end, r: { k: 'rel', unit: 'year', n: yr.n } };
    if (this.is(p, L.MONTH_SELF)) return { s, end: p + 1, r: { k: 'rel', unit: 'month', n: 0 } };
    if (this.is(p, L.YEAR_SELF) && this.year(p + 1) === null) return { s, end: p + 1, r: { k: 'rel', unit: 'year', n: 0 } };
    const yw = this.is(p, L.YEAR_WORDS) ? 1 : 0;
    const y = this.year(p + yw, 1900);
    if (y !== null) return { s, end: p + yw + 1, r: { k: 'year', y, cal: 'gregorian' } };
    if (this.is(p, L.WEEK_SELF)) {
      const mod = this.modifier(p + 1);
      const n = mod === 'past' ? -1 : mod === 'future' ? 1 : 0;
      return { s, end: mod ? p + 2 : p + 1, r: { k: 'fixed', type: 'DATE', spec: `week${n < 0 ? '' : '+'}${n}` } };
    }
    return null;
  }

  /** A year spec after a quarter or half: 2024، عام 2024، العام الجاري، هذا العام. */
  private yearSpec(p: number): { end: number; r: Reading } | null {
    const yw = this.is(p, L.YEAR_WORDS) ? 1 : 0;
    const y = this.year(p + yw, 1900);
    if (y !== null) return { end: p + yw + 1, r: { k: 'year', y, cal: 'gregorian' } };
    const rel = this.yearRel(p);
    if (rel) return { end: rel.end, r: { k: 'rel', unit: 'year', n: rel.n } };
    if (this.is(p, L.YEAR_SELF)) return { end: p + 1, r: { k: 'rel', unit: 'year', n: 0 } };
    return null;
  }

  /** الربع الأول من 2024، الثلاثي الثالث من العام الجاري، النصف الأول من العام. */
  private quarter(i: number): Hit | null {
    const isQuarter = this.find(i, L.QUARTERS);
    const isHalf = isQuarter ? null : this.find(i, L.HALVES);
    if (!isQuarter && !isHalf) return null;
    const ord = this.find(i + 1, L.QUARTER_ORDINALS);
    if (!ord || ord.pre > 0) return null;
    if (isHalf && ord.value > 2) return null;
    let p = i + 2;
    if (this.t(p) === 'من' || this.t(p) === 'لعام' || this.t(p) === 'لسنة') p += this.t(p) === 'من' ? 1 : 0;
    const spec = this.yearSpec(p) ?? (this.t(p).startsWith('ل') ? this.yearSpecGlued(p) : null);
    const s = this.start(i, (isQuarter ?? isHalf)!.pre);
    if (isHalf) return spec ? { s, end: spec.end, r: spec.r } : null;
    const r: Reading = { k: 'quarter', q: ord.value };
    if (spec) r.year = spec.r;
    return { s, end: spec ? spec.end : i + 2, r };
  }

  /** لعام 2024 / للعام الجاري glued to the preposition. */
  private yearSpecGlued(p: number): { end: number; r: Reading } | null {
    const word = this.find(p, L.YEAR_WORDS) ?? this.find(p, L.YEAR_SELF);
    if (!word) return null;
    const y = this.year(p + 1, 1900);
    if (y !== null) return { end: p + 2, r: { k: 'year', y, cal: 'gregorian' } };
    const mod = this.modifier(p + 1);
    if (mod) return { end: p + 2, r: { k: 'rel', unit: 'year', n: mod === 'past' ? -1 : mod === 'future' ? 1 : 0 } };
    return null;
  }

  /** أكتوبر 2023، يونيو الماضي، شهر رمضان، آب/أغسطس 2021 (ambiguous names need support). */
  private monthExpr(i: number): Hit | null {
    const mu = this.monthUnit(i);
    if (!mu) return null;
    let tl = this.tail(mu.end);
    if (tl.end === mu.end) {
      // "سبتمبر وديسمبر 2016", "مارس أو أبريل المقبل": the list's year or modifier is the first month's too.
      const shared = this.tail(this.monthListEnd(mu.end));
      if (shared.end > mu.end) tl = { ...shared, end: mu.end };
    }
    if (mu.ambiguous && !mu.shahr && tl.y === undefined && tl.yRel === undefined && !tl.mod) {
      const supported =
        mu.cal === 'hijri'
          ? HIJRI_ADJECTIVES.has(this.t(mu.end))
          : this.find(i - 1, MONTH_PREPOSITIONS) !== null; // "في مارس" is the month, "مارس الرياضة" the verb
      if (!supported) return null;
    }
    return { s: mu.s, end: tl.end, r: this.monthReading(mu, tl) };
  }

  /** End of a list of further months after a month: و ديسمبر، أو أكتوبر، وجوان. */
  private monthListEnd(p: number): number {
    for (let guard = 0; guard < 4; guard++) {
      if ((this.t(p) === 'و' || this.t(p) === 'أو' || this.t(p) === 'او') && this.monthUnit(p + 1)) p = this.monthUnit(p + 1)!.end;
      else if (this.t(p)[0] === 'و' && this.monthName(p)?.pre === 1) p = this.monthName(p)!.end;
      else break;
    }
    return p;
  }

  /** الشهر الماضي، العام المقبل، السنة الجارية، هذا الشهر. */
  private relPeriod(i: number): Hit | null {
    const first = this.find(i, L.THIS) ?? this.find(i, L.MONTH_SELF) ?? this.find(i, L.YEAR_SELF);
    if (!first) return null;
    const s = this.start(i, first.pre);
    const mr = this.monthRel(i);
    if (mr) return { s, end: mr.end, r: { k: 'rel', unit: 'month', n: mr.n } };
    const yr = this.yearRel(i);
    if (yr) return { s, end: yr.end, r: { k: 'rel', unit: 'year', n: yr.n } };
    return null;
  }

  /** قبل يومين، منذ ثلاثة أيام، بعد أسبوع، قبل عامين; منذ أسابيع → no point in time. */
  private ago(i: number): Hit | null {
    const back = this.find(i, L.AGO_WORDS);
    const fwd = back ? null : this.find(i, L.AFTER_WORDS);
    if (!back && !fwd) return null;
    const dir = back ? -1 : 1;
    const s = this.start(i, (back ?? fwd)!.pre);
    let p = i + 1;
    if (this.is(p, L.APPROX)) p++;
    else if (L.MORE_LESS.has(this.t(p)) && this.t(p + 1) === 'من') p += 2; // منذ أكثر من 20 عاما
    let count: number | null = null;
    let vague = false;
    const direct = L.UNITS.get(this.t(p));
    let unit: Unit | undefined;
    if (direct) {
      // "منذ عام 1974", "منذ يوم الاثنين", "منذ يوم أمس": the day or year is named; leave it to those parsers.
      if (direct.count === 1 && this.year(p + 1) !== null) return null;
      if (direct.unit === 'day' && direct.count === 1 && this.dayAfter(p, false)) return null;
      unit = direct.unit;
      if (direct.count === 0) vague = true;
      else count = direct.count;
      p++;
    } else if (back && this.is(p, L.VAGUE_SINCE)) {
      // "منذ فترة وجيزة", "منذ مدة طويلة": the adjective is part of it.
      return { s, end: this.is(p + 1, L.VAGUE_AFTER) ? p + 2 : p + 1, r: { k: 'none' }, timex: 'PAST_REF' };
    } else {
      const c = this.countAt(p, 3);
      const n = c && c.pre === 0 && !c.definite ? c.n : null;
      const isVague = n === null && this.is(p, L.VAGUE_COUNTS);
      if (n === null && !isVague) return null;
      const unitAt = c && n !== null ? c.end : p + 1;
      const u = L.UNITS.get(this.t(unitAt));
      if (!u) return null;
      unit = u.unit;
      if (isVague) vague = true;
      else count = n;
      p = unitAt + 1;
    }
    // "قبل يوم من الضربة", "قبل ساعات فقط من سريان": counted from another event, not from the publication.
    const q = this.t(p) === 'فقط' || this.t(p) === 'قليلة' ? p + 1 : p;
    const length: Reading = { k: 'dur', unit: unit!, n: vague ? null : count };
    if (this.t(q) === 'من' || this.t(q) === 'على') return { s, end: p, r: length };
    const clockUnit = unit === 'hour' || unit === 'minute';
    // "بعد ساعة" counts from the story's last event; "منذ ساعات" / "قبل ساعتين" from now: today.
    if (clockUnit && dir > 0) return { s, end: p, r: length };
    if (vague && clockUnit) return { s, end: p, r: { k: 'rel', unit: 'day', n: 0 } };
    if (vague || count === null) return { s, end: p, r: length };
    const n = dir * count;
    const r: Reading =
      unit === 'week'
        ? { k: 'rel', unit: 'day', n: n * 7 }
        : clockUnit
          ? { k: 'rel', unit: 'day', n: 0 }
          : unit === 'decade' || unit === 'century'
            ? { k: 'rel', unit: 'year', n: n * (unit === 'decade' ? 10 : 100) }
            : { k: 'rel', unit: unit as 'day' | 'month' | 'year', n };
    return dir > 0 ? { s, end: p, r, counted: { k: 'dur', unit: unit!, n: count } } : { s, end: p, r };
  }

  /** عام 2019، سنة ٢٠٢٠، في 2023، منذ 2011، 1445 هـ. */
  private yearExpr(i: number): Hit | null {
    const yw = this.find(i, L.YEAR_WORDS);
    if (yw) {
      const y = this.year(i + 1);
      if (y === null) return null;
      // "القانون عدد 64 لسنة 1991" cites a law; its year dates no event of the article.
      if (this.num(i - 1) !== null && this.find(i - 2, L.LAW_CITATION)) return { s: this.start(i), end: i + 2, r: { k: 'none' }, timex: String(y) };
      // عامي 2011 و2014، بين عامي 2011-2014: the first year.
      // "لعام 2005": the preposition glued to the year word stays out of the span.
      const glued = yw.pre === 0 && this.t(i)[0] === 'ل' && L.YEAR_WORDS.has(this.t(i).slice(1)) ? 1 : yw.pre;
      return this.yearHit(this.start(i, glued), this.yearRangeEnd(i + 2), y);
    }
    if (this.find(i, L.YEAR_TRIGGERS)) {
      const y = this.year(i + 1, 1900);
      if (y === null) return null;
      return this.yearHit(this.start(i + 1), this.yearRangeEnd(i + 2), y);
    }
    // "من 1969 إلى غاية 1972", "بين أعوام 1969 و1976": a range of years, read as its first.
    if (this.t(i) === 'من' || this.find(i, L.YEARS_PLURAL)) {
      const y = this.year(i + 1, 1800);
      const end = y === null ? i + 2 : this.yearRangeEnd(i + 2);
      // "الأشهر العشرة الأولى من 2015", "ذات الفترة من 2015", "بدءا من 2017": the year of a period.
      if (y !== null && end === i + 2 && this.t(i) === 'من' && y >= NAMING_YEAR_MIN && y <= NAMING_YEAR_MAX && this.find(i - 1, L.YEAR_AFTER_FROM)) return this.yearHit(this.start(i + 1), i + 2, y);
      if (y === null || end === i + 2) return null;
      return this.yearHit(this.start(i + 1), end, y);
    }
    const y = this.year(i);
    if (y !== null && (this.is(i + 1, L.HIJRI_SUFFIX) || this.is(i + 1, L.GREGORIAN_SUFFIX))) return this.yearHit(this.start(i), i + 1, y);
    return null;
  }


  // ---- lengths, recurrences, eras, parts of the day ----

  /** A count and its unit: 26 عاما، ثلاثة أيام، يومين متتاليين، لمدة عام، عدة أشهر، لسنوات. */
  private duration(i: number): Hit | null {
    let p = i;
    const lead = this.phrase(p, L.DURATION_LEADS);
    if (lead) p = lead.end;
    const s = this.start(p);
    let unit: Unit | undefined;
    let n: number | null = null;
    let definite = false;
    // الثلاثة أشهر الأولى، الخمس سنوات الماضية: a count with the article; أحد عشر عاما، بأربعة أشهر.
    const count = this.countAt(p);
    const range = count ? this.countRangeEnd(count.end) : null; // "بين 5 و10 سنوات": read as its first count
    const counted = count ? L.UNITS.get(this.t(range ?? count.end)) : undefined;
    if (count && range !== null) count.end = range;
    const vague = count ? null : this.find(p, L.VAGUE_COUNTS);
    if (count && counted && counted.count !== 2 && !(counted.count === 1 && count.n > 2 && count.n <= 10 && count.words)) {
      // "26 عاما", "ثلاثة أيام" (a count word takes the plural), "3 أيام"; with و only after a lead (و is often "and four").
      if (count.pre > 0 && this.t(p)[0] === 'و' && !lead) return null;
      if (counted.count === 1 && this.namesPeriod(count.end)) return null; // "602 سنة 2015": a count in that year
      definite = count.definite;
      unit = counted.unit;
      n = count.n;
      p = count.end + 1;
      if (this.is(p, L.LENGTH_HALF)) {
        n += 0.5; // ثلاث سنوات ونصف
        p++;
      }
    } else if (vague && this.unitAfterCount(p)) {
      unit = this.unitAfterCount(p)!.unit; // عدة أيام، بضعة أشهر، لبضع دقائق، عشرات السنين
      p += 2;
    } else if (this.find(p, L.LENGTH_FRACTIONS) && L.UNITS.get(this.t(p + 1))?.count === 1) {
      unit = L.UNITS.get(this.t(p + 1))!.unit; // نصف ساعة، ربع قرن
      n = this.find(p, L.LENGTH_FRACTIONS)!.value;
      p += 2;
    } else {
      const word = this.find(p, L.UNITS);
      if (!word || word.value.unit === 'decade' && word.value.count === 0 && !lead && word.pre === 0) return null;
      const form = this.t(p).slice(word.pre);
      const vagueAfter = word.value.count === 0 && this.is(p + 1, L.VAGUE_AFTER); // أيام قليلة، سنوات طويلة
      // ساعة ونصف، عامين ونصف، يوم واحد
      const tail = word.value.count > 0 && (this.is(p + 1, L.LENGTH_HALF) || (word.value.count === 1 && this.is(p + 1, L.LENGTH_ONE)));
      if (tail) n = word.value.count + (this.is(p + 1, L.LENGTH_HALF) ? 0.5 : 0);
      else if (word.value.count === 2) n = 2; // يومين، عامين، لساعتين
      else if (vagueAfter) n = null;
      else if (word.value.count === 0 && (lead || (word.pre === 1 && this.t(p)[word.pre - 1] === 'ل'))) n = null; // لسنوات، طيلة أيام
      else if (word.value.count === 1 && lead && !L.ACCUSATIVE_UNITS.has(form)) n = 1; // لمدة عام، خلال شهر
      else return null;
      if (word.value.count === 1 && this.namesPeriod(p)) return null; // خلال عام 2023، خلال شهر نوفمبر
      unit = word.value.unit;
      p += vagueAfter || tail ? 2 : 1;
    }
    const joined = n !== null && !definite ? this.joinedLength(p, unit) : null;
    if (joined) p = joined.end;
    for (let guard = 0; guard < 2 && this.is(p, L.DURATION_TAILS); guard++) p++;
    if (definite && (this.modifier(p) || this.is(p, L.LAST_WORDS))) p++; // الخمس سنوات الماضية
    const r: Reading = joined ? { k: 'dur', unit, n, and: joined.and } : { k: 'dur', unit, n };
    return { s: lead ? this.start(i, this.toks[i]!.pres[0] ?? 0) : s, end: p, r };
  }

  /** A smaller length joined by و after a length, one DURATION with it: سنتين وثلاثة أشهر، 16 ساعة و20 دقيقة، عام وشهرين. */
  private joinedLength(p: number, unit: Unit): { end: number; and: { unit: Unit; n: number } } | null {
    const apart = this.t(p) === 'و';
    const q = apart ? p + 1 : p;
    if (!apart && this.t(q)[0] !== 'و') return null;
    const clitic = apart ? 0 : 1; // و glued to the count or the dual: وثلاثة أشهر، وشهرين
    const count = this.countAt(q);
    let part: { unit: Unit; n: number; end: number } | null = null;
    if (count && count.pre === clitic && !count.definite) {
      const u = L.UNITS.get(this.t(count.end));
      if (u && u.count !== 2) part = { unit: u.unit, n: count.n, end: count.end + 1 };
    } else {
      const dual = this.find(q, L.UNITS);
      if (dual && dual.pre === clitic && dual.value.count === 2) part = { unit: dual.value.unit, n: 2, end: q + 1 };
    }
    if (!part || UNIT_RANK[part.unit] >= UNIT_RANK[unit] || UNIT_RANK[unit] > UNIT_RANK.year) return null;
    return { end: part.end, and: { unit: part.unit, n: part.n } };
  }

  /** After a count, the position of the unit a second count takes (5 و10 سنوات، ثلاث وخمس سنوات), or null. */
  private countRangeEnd(p: number): number | null {
    const apart = L.RANGE_JOIN.has(this.t(p)) || this.t(p) === 'أو' || this.t(p) === 'او';
    const q = apart ? p + 1 : p;
    if (!apart && this.t(q)[0] !== 'و') return null;
    const second = this.countAt(q);
    if (!second || second.pre !== (apart ? 0 : 1) || second.definite) return null;
    const unit = L.UNITS.get(this.t(second.end));
    return unit && unit.count !== 2 ? second.end : null;
  }

  /** The unit after the vague count at p, bare or, after عشرات/بعض, a definite plural (عدة أيام، عشرات السنين). */
  private unitAfterCount(p: number): { unit: Unit; count: number } | null {
    const t = this.t(p + 1);
    const bare = L.UNITS.get(t);
    if (bare) return bare;
    const definite = t.startsWith('ال') ? L.UNITS.get(t.slice(2)) : undefined;
    return definite && definite.count === 0 && this.find(p, L.VAGUE_CONSTRUCT_COUNTS) ? definite : null;
  }

  /** Whether the unit word at p names a period rather than counting one: عام 2023، شهر نوفمبر، العام الماضي. */
  private namesPeriod(p: number): boolean {
    return this.year(p + 1) !== null || this.modifier(p + 1) !== null || this.monthUnit(p) !== null || this.monthName(p + 1) !== null;
  }

  /**
   * الأشهر الستة الماضية، الساعات الـ24 الأخيرة، الأيام الثلاثة المقبلة: a counted stretch up to or
   * from now; without a count it needs its modifier: اليومين الماضيين، الشهرين الأولين، الساعات
   * القليلة القادمة، السنوات السابقة.
   */
  private countedStretch(i: number): Hit | null {
    const word = this.find(i, DEFINITE_UNITS);
    if (!word) return null;
    let p = i + 1;
    let n: number | null = word.value.count === 2 ? 2 : (L.COUNTS.get(this.t(p).startsWith('ال') ? this.t(p).slice(2) : '') ?? null);
    let counted = false;
    if (word.value.count === 2) {
      // a dual counts itself
    } else if (n !== null) {
      p++;
      counted = true;
    } else if (this.t(p) === 'ال' && this.touch(p) && this.num(p + 1, 3) !== null) {
      n = this.num(p + 1, 3);
      p += 2;
      counted = true;
    } else if (this.is(p, L.FEW_WORDS)) p++;
    const closed = this.modifier(p) !== null || this.is(p, L.LAST_WORDS);
    if (closed) p++;
    else if (!counted) return null;
    return { s: this.start(i, word.pre), end: p, r: { k: 'dur', unit: word.value.unit, n } };
  }

  /** سنويا، يوميا، كل عام، كل عامين، كل أربع سنوات، كل يوم سبت. */
  private recurrence(i: number): Hit | null {
    const adverb = this.find(i, L.SET_ADVERBS);
    if (adverb) return { s: this.start(i, adverb.pre), end: i + 1, r: { k: 'fixed', type: 'SET', spec: adverb.value } };
    const every = this.find(i, L.EVERY);
    if (!every) return null;
    const s = this.start(i, every.pre);
    let p = i + 1;
    // كل يوم سبت، كل جمعة: weekly.
    const q = this.is(p, L.DAY_WORDS) ? p + 1 : p;
    const wd = this.find(q, L.WEEKDAYS) ?? (L.WEEKDAYS.has('ال' + this.t(q)) ? { value: L.WEEKDAYS.get('ال' + this.t(q))!, pre: 0 } : null);
    if (wd && wd.pre === 0 && (q > p || !wd.value.ambiguous)) return { s, end: q + 1, r: { k: 'set', unit: 'week', n: 1 } };
    const count = this.num(p, 3) ?? L.COUNTS.get(this.t(p)) ?? null;
    if (count !== null) p++;
    const u = L.UNITS.get(this.t(p));
    if (!u || (count === null && u.count === 0) || (count !== null && u.count === 2)) return null;
    // "كل يوم من أيام", "كل عام من": a span, not a recurrence of it.
    if (this.t(p + 1) === 'من') return null;
    return { s, end: p + 1, r: { k: 'set', unit: u.unit, n: count ?? (u.count === 2 ? 2 : 1) } };
  }

  /** الستينيات، ستينيات القرن الماضي، التسعينات من القرن العشرين. */
  private decade(i: number): { end: number; r: Reading } | null {
    const dec = this.find(i, L.DECADES) ?? this.find(i, BARE_DECADES);
    if (!dec) return null;
    let p = i + 1;
    if (this.t(p) === 'من' && this.century(p + 1)) p++;
    const c = this.century(p);
    const r: Reading = { k: 'decade', d: dec.value };
    if (c && c.r.k === 'century') {
      if (c.r.c !== undefined) r.c = c.r.c;
      if (c.r.cRel !== undefined) r.cRel = c.r.cRel;
      p = c.end;
    }
    return { end: p, r };
  }

  /** القرن التاسع عشر، القرن الماضي، القرن الحادي والعشرين، القرن الـ19. */
  private century(i: number): { end: number; r: Reading } | null {
    if (!this.find(i, L.CENTURY_WORDS) || !this.t(i).endsWith('القرن')) return null;
    const p = i + 1;
    const mod = this.modifier(p);
    if (mod) return { end: p + 1, r: { k: 'century', cRel: mod === 'past' ? -1 : mod === 'future' ? 1 : 0 } };
    const q = this.t(p) === 'ال' && this.touch(p) ? p + 1 : p;
    const n = this.num(q, 2);
    if (n !== null && n >= 1 && n <= 22) return { end: q + 1, r: { k: 'century', c: n } };
    // In words only from the tenth (القرن الثاني may be a horn); القرن الماضي is read above.
    const ord = this.dayNum(p);
    if (ord && !this.toks[p]!.digits && ord.pre === 0 && ord.d >= 10) return { end: ord.end, r: { k: 'century', c: ord.d } };
    return null;
  }

  /** العقد الثالث من القرن الماضي (a decade, 192X); في العقد الرابع من العمر (an age, a length of decades). */
  private ordinalDecade(i: number): Hit | null {
    // في عقده الثالث: a possessive decade and an ordinal, an age.
    const own = this.find(i, L.OWN_DECADE_WORDS);
    const ownOrd = own && !this.toks[i + 1]?.digits ? this.dayNum(i + 1) : null;
    if (own) return ownOrd && ownOrd.pre === 0 && ownOrd.d <= 10 ? { s: this.start(i, own.pre), end: ownOrd.end, r: { k: 'dur', unit: 'decade', n: null } } : null;
    const word = this.find(i, L.DECADE_WORDS);
    const ord = word && !this.toks[i + 1]?.digits ? this.dayNum(i + 1) : null;
    if (!word || !ord || ord.pre !== 0 || ord.d > 10 || this.t(ord.end) !== 'من') return null;
    const s = this.start(i, word.pre);
    if (this.is(ord.end + 1, L.LIFE_WORDS)) return { s, end: ord.end + 2, r: { k: 'dur', unit: 'decade', n: null } };
    const c = this.century(ord.end + 1);
    if (!c || c.r.k !== 'century') return null;
    const r: Reading = { k: 'decade', d: ord.d - 1 };
    if (c.r.c !== undefined) r.c = c.r.c;
    if (c.r.cRel !== undefined) r.cRel = c.r.cRel;
    return { s, end: c.end, r };
  }

  private era(i: number): Hit | null {
    const found = this.decade(i) ?? this.century(i);
    if (!found) return null;
    const pre = this.toks[i]!.pres[this.toks[i]!.forms.findIndex((f) => L.DECADES.has(f) || BARE_DECADES.has(f) || L.CENTURY_WORDS.has(f))] ?? 0;
    return { s: this.start(i, pre), end: found.end, r: found.r };
  }

  /** مساء، صباحا، ليلا said alone: a time of a day the sentence names elsewhere. */
  private daypartAlone(i: number): Hit | null {
    const found = this.phrase(i, L.DAYPARTS_ALONE);
    if (!found) return null;
    // "مساء الخير", "مساء اليوم" (the part-of-day parser reads the latter).
    if (found.end === i + 1 && this.toks[i + 1] && !this.toks[i + 1]!.brk && L.DAYPART_NOT_BEFORE.has(this.t(i + 1))) return null;
    return { s: this.start(i, found.pre), end: found.end, r: { k: 'daypart', part: found.value } };
  }

  /** الصيف الماضي، صيف 2014، فصل الشتاء، خلال الربيع المقبل (not الربيع العربي). */
  private season(i: number): Hit | null {
    let p = i;
    const word = this.find(p, L.SEASON_WORDS);
    if (word) p++;
    const found = this.find(p, L.SEASONS) ?? (word ? null : this.bareSeason(p));
    if (!found || (word && found.pre !== 0)) return null;
    if (this.is(p + 1, L.SEASON_STOP_AFTER)) return null;
    const s = this.start(i, word ? word.pre : found.pre < 0 ? -1 - found.pre : found.pre);
    const r: Reading = { k: 'season', code: found.value };
    const yw = this.is(p + 1, L.YEAR_WORDS) ? 1 : 0;
    const y = this.year(p + 1 + yw);
    const mod = this.modifier(p + 1);
    const yr = y === null && !mod ? this.yearRel(p + 1) : null;
    let end = p + 1;
    if (y !== null) {
      r.y = y;
      end = p + 2 + yw;
    } else if (yr) {
      r.yRel = yr.n; // صيف العام الجاري، صيف هذا العام
      end = yr.end;
    } else if (mod) {
      r.mod = mod;
      end = p + 2;
    } else if (found.pre < 0) return null; // صيف alone: a construct needs its year (صيف 2014)
    else if (!word && !this.find(i - 1, L.SEASON_PREPOSITIONS)) return null; // "الربيع" alone may be a name
    return { s, end, r };
  }

  /** A season name without its article, as a construct's head (صيف، وصائفة، لصائفة): pre is -1 - the clitic's length. */
  private bareSeason(p: number): Found<string> | null {
    const tok = this.toks[p];
    if (!tok) return null;
    for (let f = 0; f < tok.forms.length; f++) {
      const code = L.SEASONS.get('ال' + tok.forms[f]!);
      if (code !== undefined) return { value: code, pre: -1 - tok.pres[f]! };
    }
    return null;
  }

  /** Years standing alone that are dates: a chronology line ("1956 - …") and a year in brackets ("الوصايا العشر (1956)"). */
  private bareYear(i: number): Hit | null {
    if (this.t(i) === '(') {
      const y = this.year(i + 1, 1800);
      if (y === null) return null;
      let p = i + 2;
      if ((this.t(p) === '-' || this.t(p) === '–') && this.year(p + 1, 1800) !== null) p += 2;
      if (this.is(p, L.GREGORIAN_SUFFIX)) p++;
      if (this.t(p) !== ')') return null;
      return { s: this.start(i + 1), end: p, r: { k: 'year', y, cal: 'gregorian' } };
    }
    const y = this.year(i, 1800);
    if (y === null) return null;
    if (!this.toks[i]!.brk) return this.namingYear(i, y);
    const sep = this.t(i + 1);
    if (sep !== '-' && sep !== '–' && sep !== '—' && sep !== ':') return null;
    return { s: this.start(i), end: i + 1, r: { k: 'year', y, cal: 'gregorian' } };
  }

  /**
   * A year right after a noun: "انتخابات 2009", "دستور 2012", "كأس العالم 2010", "من مواليد 1991",
   * "رؤية 2030". A date (TimeML tags it), but it names a thing or describes someone rather than
   * dating an event of the story: its TIMEX3 value only, no timeline value.
   */
  private namingYear(i: number, y: number): Hit | null {
    if (y < NAMING_YEAR_MIN || y > NAMING_YEAR_MAX) return null;
    const prev = this.toks[i - 1];
    if (!prev || prev.digits || prev.e === this.toks[i]!.s || !isArabicWord(prev.t) || prev.t.length < 3) return null;
    if (prev.forms.some((f) => L.NOT_BEFORE_NAMING_YEAR.has(f) || L.WEAK_STARTERS.has(f) || L.APPROX.has(f))) return null;
    const next = this.toks[i + 1];
    // "2000 شخص" counts (the number filter lets only lexicon words, grammar words and marks follow).
    if (next && next.t === '%') return null;
    return { s: this.start(i), end: this.yearRangeEnd(i + 1), r: { k: 'none' }, timex: String(y) };
  }

  /** Days, a month and a year in figures with spaces or a range of days: "5 / 11 / 1436 هـ", "من 2 إلى 5 / 11 / 1436 هـ". */
  private spacedNumericDate(i: number): Hit | null {
    const dl = this.dayList(i);
    if (!dl) return null;
    const p = dl.end;
    const sep = this.t(p);
    if (sep !== '/' || this.t(p + 2) !== sep) return null;
    const m = this.num(p + 1, 2);
    const y = this.num(p + 3, 4);
    if (m === null || m < 1 || m > 12 || y === null || this.toks[p + 3]!.t.length !== 4) return null;
    let end = p + 4;
    const r: Reading = { k: 'day', d: dl.d, m, y, cal: 'gregorian' };
    if (this.is(end, L.HIJRI_SUFFIX)) {
      r.cal = 'hijri';
      end++;
    } else if (this.is(end, L.GREGORIAN_SUFFIX)) end++;
    return { s: dl.s, end, r };
  }

  /** After a year at p - 1: the end of a second year joined to it (و2014، - 2014، إلى غاية 1972), else p. */
  private yearRangeEnd(p: number): number {
    if (!L.YEAR_JOIN.has(this.t(p))) return p;
    const q = this.t(p + 1) === 'غاية' || this.t(p + 1) === 'حدود' ? p + 2 : p + 1;
    return this.year(q, 1800) !== null ? q + 1 : p;
  }

  /** ذلك العام، ذات الفترة، لذات السنة، الشهر ذاته، الفترة نفسها: a period told from another one, with no value of its own. */
  private anaphora(i: number): Hit | null {
    const before = this.find(i, L.ANAPHORA_BEFORE);
    if (before) return this.is(i + 1, L.ANAPHORA_NOUNS) ? { s: this.start(i, before.pre), end: i + 2, r: TOLD_FROM_ANOTHER } : null;
    const noun = this.find(i, L.ANAPHORA_NOUNS);
    return noun && this.is(i + 1, L.ANAPHORA_AFTER) ? { s: this.start(i, noun.pre), end: i + 2, r: TOLD_FROM_ANOTHER } : null;
  }

  /** لليوم الرابع على التوالي، للشهر السابع على التوالي، لليلة السادسة المتتالية: the length of a stretch counted so far. */
  private running(i: number): Hit | null {
    const unit = this.find(i, L.RUNNING_UNITS);
    const ord = unit ? (this.find(i + 1, L.RUNNING_ORDINALS) ?? this.find(i + 1, L.QUARTER_ORDINALS)) : null;
    if (!unit || !ord || ord.pre > 0) return null;
    const tail = this.phrase(i + 2, L.RUNNING_TAILS);
    if (tail && tail.pre === 0 && ord.value > 1) return { s: this.start(i, unit.pre), end: tail.end, r: { k: 'dur', unit: unit.value, n: ord.value } };
    // "اليوم الثاني من الانتخابات", "الأسبوع الأول لزيارته": a day or period of an event, told from it.
    const of = this.t(i + 2);
    const ofEvent = of === 'من' || (of.startsWith('ل') && isArabicWord(of) && !this.lexical(i + 2));
    return ofEvent && this.find(i, L.EVENT_DAY_UNITS) ? { s: this.start(i, unit.pre), end: i + 2, r: TOLD_FROM_ANOTHER } : null;
  }

  /** الليلة الفاصلة بين الاثنين والثلاثاء: the night that starts on the first day, one TIME. */
  private nightBetween(i: number): Hit | null {
    const lead = this.phrase(i, L.NIGHT_BETWEEN);
    const first = lead ? this.dayAfter(lead.end, true) : null;
    if (!lead || !first) return null;
    let end = first.end;
    const joined = this.t(end) === 'و' ? end + 1 : this.t(end)[0] === 'و' ? end : -1;
    const second = joined >= 0 ? (this.weekdayExpr(joined) ?? this.dayAfter(joined, true)) : null;
    if (second) end = second.end;
    return { s: this.start(i, lead.pre), end, r: first.r, type: 'TIME', part: 'TNI' };
  }

  /** التقرير السنوي، راتبا شهريا، السوق الأسبوعية: an adjective of recurrence after its noun, a SET. */
  private setAdjective(i: number): Hit | null {
    const adj = this.find(i, L.SET_ADJECTIVES);
    const noun = this.toks[i - 1];
    if (!adj || adj.pre > 0 || !noun || !isArabicWord(noun.t) || this.is(i - 1, L.SET_ADJECTIVE_NOT_AFTER) || this.toks[i + 1]?.digits) return null;
    return { s: this.start(i), end: i + 1, r: { k: 'fixed', type: 'SET', spec: adj.value } };
  }

  private yearHit(s: number, end: number, y: number): Hit {
    if (this.is(end, L.HIJRI_SUFFIX)) return { s, end: end + 1, r: { k: 'year', y, cal: 'hijri' } };
    if (this.is(end, L.GREGORIAN_SUFFIX)) end++;
    return { s, end, r: { k: 'year', y, cal: 'gregorian' } };
  }
}


/** One parser of the grammar: the words that may open it and its shape. */
interface ExpressionParser {
  name: string;
  /** Normalized words (a clitic-less form of the token is enough) at which the parser is tried. */
  triggers: Iterable<string>[];
  /** Whether a number may open it. */
  numbers?: boolean;
  parse: (this: Parser, i: number) => Hit | null;
}

const P = Parser.prototype as unknown as Record<string, (this: Parser, i: number) => Hit | null>;
const firstWords = <V>(table: PhraseTable<V>): Iterable<string> => table.keys();
const BARE_DECADES = new Map([...L.DECADES].map(([w, d]): [string, number] => [w.startsWith('ال') ? w.slice(2) : w, d]));
/** Definite plural and dual units (الأشهر، اليومين) and their unit, for "الأشهر الستة الماضية", "اليومين الماضيين". */
const DEFINITE_UNITS = new Map([...L.UNITS].filter(([, u]) => u.count === 0 || u.count === 2).map(([w, u]): [string, { unit: Unit; count: number }] => ['ال' + w, u]));
/** The reading of a period told from another one (ذلك العام، ذات الفترة): a DATE with no value of its own. */
const TOLD_FROM_ANOTHER: Reading = { k: 'fixed', type: 'DATE', spec: '-' };
/** Units from the smallest up: a length joined after another (سنتين وثلاثة أشهر) is a smaller one. */
const UNIT_RANK: Record<Unit, number> = { minute: 0, hour: 1, day: 2, week: 3, month: 4, year: 5, decade: 6, century: 7 };
const NAMING_YEAR_MIN = 1900;
const NAMING_YEAR_MAX = 2050;
const isArabicWord = (t: string): boolean => isArabicLetter(t.charCodeAt(0));

/** The grammar, tried in this order at each token (the longest reading wins, earlier parsers win ties). */
const PARSERS: ExpressionParser[] = [
  { name: 'fixed phrase', triggers: [firstWords(L.TIMEX_PHRASES)], parse: P['fixedPhrase']! },
  { name: 'clock', triggers: [L.CLOCK_WORDS, L.CLOCK_LEAD, L.CLOCK_HOURS.keys()], parse: P['clock']! },
  { name: 'part of a day', triggers: [firstWords(L.DAYPARTS)], parse: P['daypart']! },
  { name: 'edge of a day', triggers: [firstWords(L.DAY_EDGES)], parse: P['dayEdge']! },
  { name: 'weekday', triggers: [firstWords(L.RELATIVE_DAY_PHRASES), L.RELATIVE_DAYS.keys(), L.DAY_WORDS, L.WEEKDAYS.keys()], parse: P['weekdayExpr']! },
  { name: 'relative day', triggers: [firstWords(L.RELATIVE_DAY_PHRASES), L.RELATIVE_DAYS.keys()], parse: P['relDay']! },
  { name: 'numeric date', numbers: true, triggers: [], parse: P['numericDate']! },
  { name: 'date', numbers: true, triggers: [L.DAY_ORDINALS.keys(), L.DAY_TENS.keys(), ['من', 'بين']], parse: P['dateExpr']! },
  { name: 'part of a period', triggers: [L.ORDINAL_HEADS, L.PERIOD_PARTS], parse: P['periodPart']! },
  { name: 'quarter', triggers: [L.QUARTERS, L.HALVES], parse: P['quarter']! },
  { name: 'month', triggers: [firstWords(L.MONTHS), L.MONTH_WORDS, ['(']], parse: P['monthExpr']! },
  { name: 'relative period', triggers: [L.THIS, L.MONTH_SELF, L.YEAR_SELF], parse: P['relPeriod']! },
  { name: 'ago', triggers: [L.AGO_WORDS, L.AFTER_WORDS], parse: P['ago']! },
  { name: 'year', numbers: true, triggers: [L.YEAR_WORDS, L.YEAR_TRIGGERS, ['من'], L.YEARS_PLURAL], parse: P['yearExpr']! },
  { name: 'duration', numbers: true, triggers: [firstWords(L.DURATION_LEADS), L.COUNTS.keys(), [...L.COUNTS.keys()].map((w) => 'ال' + w), L.TEEN_HEADS.keys(), L.VAGUE_COUNTS, L.UNITS.keys(), L.LENGTH_FRACTIONS.keys()], parse: P['duration']! },
  { name: 'counted stretch', triggers: [DEFINITE_UNITS.keys()], parse: P['countedStretch']! },
  { name: 'recurrence', triggers: [L.SET_ADVERBS.keys(), L.EVERY], parse: P['recurrence']! },
  { name: 'era', triggers: [L.DECADES.keys(), BARE_DECADES.keys(), L.CENTURY_WORDS], parse: P['era']! },
  { name: 'ordinal decade', triggers: [L.DECADE_WORDS, L.OWN_DECADE_WORDS], parse: P['ordinalDecade']! },
  { name: 'part of the day alone', triggers: [firstWords(L.DAYPARTS_ALONE)], parse: P['daypartAlone']! },
  { name: 'season', triggers: [L.SEASONS.keys(), [...L.SEASONS.keys()].map((w) => w.slice(2)), L.SEASON_WORDS], parse: P['season']! },
  { name: 'bare year', numbers: true, triggers: [['(']], parse: P['bareYear']! },
  { name: 'period told from another', triggers: [L.ANAPHORA_BEFORE, L.ANAPHORA_NOUNS], parse: P['anaphora']! },
  { name: 'running count', triggers: [L.RUNNING_UNITS.keys()], parse: P['running']! },
  { name: 'night between two days', triggers: [firstWords(L.NIGHT_BETWEEN)], parse: P['nightBetween']! },
  { name: 'recurrence adjective', triggers: [L.SET_ADJECTIVES.keys()], parse: P['setAdjective']! },
  { name: 'spaced numeric date', numbers: true, triggers: [['من', 'بين']], parse: P['spacedNumericDate']! },
];

/** Parser bits by trigger word, and the bits of the parsers a number opens. */
const TRIGGERS = new Map<string, number>();
let numberMask = 0;
PARSERS.forEach((parser, bit) => {
  if (parser.numbers) numberMask |= 1 << bit;
  for (const words of parser.triggers) {
    for (const w of words) {
      const key = normalize(w);
      TRIGGERS.set(key, (TRIGGERS.get(key) ?? 0) | (1 << bit));
    }
  }
});
const NUMBER_MASK = numberMask;
const isTrigger = signedMembership(new Set(TRIGGERS.keys()));
for (const w of TRIGGERS.keys()) if (!L.WEAK_STARTERS.has(w)) L.LEXICON_WORDS.add(w);

/** The parsers a word triggers (bits of PARSERS), 0 for most words. */
function triggerBits(form: string): number {
  return isTrigger(form) ? TRIGGERS.get(form)! : 0;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Words the grammar below names literally (besides its tables), normalized. */
const GRAMMAR_WORDS = new Set(
  ['من', 'و', 'او', 'أو', 'الى', 'إلى', 'في', 'منذ', 'حتى', 'بين', 'خلال', 'طيلة', 'طوال', 'على', 'يوم', 'اليوم', 'ليوم', 'لليوم', 'الليلة', 'الفاصلة', 'لعام', 'لسنة', 'ل', 'قليل', 'قليلة', 'فقط', 'عشر', 'س', 'بتوقيت', 'الواحد', 'الحادي', 'الحادية', 'التي', 'ال'].map((w) => normalize(w)),
);

const inLexicon = signedMembership(L.LEXICON_WORDS);

/** A 12-hour reading plus a part of the day → 24-hour clock. */
function to24(h: number, shift: string | undefined): number {
  if (h === 24) return 0;
  switch (shift) {
    case 'am':
      return h === 12 ? 0 : h;
    case 'noon':
      return h <= 5 ? h + 12 : h;
    case 'pm':
      return h < 12 ? h + 12 : h;
    case 'night':
      if (h === 12) return 0;
      return h >= 6 && h < 12 ? h + 12 : h;
    default:
      return h;
  }
}
