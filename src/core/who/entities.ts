/**
 * Groups mentions into entities, one per real-world referent: a person's later surname or partial
 * name joins the full name ("السوداني" → "محمد شياع السوداني"), identical names merge, and the
 * most central entities come first.
 */
import { normalize } from '../text/normalize.ts';
import type { EntityType, WhoEntry } from '../types.ts';
import type { Doc, TokenMention } from './doc.ts';
import { cleanName, type FormCheck } from './names.ts';
import { ORG_ALIAS_HEADS, ORG_EPITHETS } from './lexicon.ts';

/** An entity under construction. */
export interface Group {
  type: EntityType;
  name: string;
  /** Normalized words of the name, article kept. */
  words: string[];
  mentions: TokenMention[];
  forms: Map<string, string>;
  typeVotes: Map<EntityType, number>;
}

/**
 * A person's name words with the article dropped from family names: "ياسين الصالحي" ~ "ياسين
 * صالحي". Given names take no article, so a lone word ("السوداني") is a family name too.
 */
export function personKey(words: readonly string[]): string[] {
  return words.map((w, i) => ((i > 0 || words.length === 1) && w.startsWith('ال') && w.length > 4 ? w.slice(2) : w));
}

/**
 * Normalized words of a display name, for matching; spelling variants writers mix are folded
 * ("أمريكية" ~ "أميركية", "السوفييتي" ~ "السوفيتي", "قائد" ~ "قايد": ئ written as ي), and so is the space in a compound given name
 * ("نور الدين" ~ "نورالدين").
 */
export function nameWords(name: string): string[] {
  return normalize(name)
    .replace(/امريك/g, 'اميرك')
    .replace(/ئ/gu, 'ي')
    .replace(/يي/gu, 'ي')
    .replace(/(\S)\s+الدين(?=\s|$)/gu, '$1الدين')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * "حكومة العراق" names the same body as "الحكومة العراقية": a two-word construct of a head noun and
 * a place, in the definite nisba form writers use as often ("جيش لبنان" ~ "الجيش اللبناني").
 * Takes and returns normalized words; undefined when the name is not of that shape.
 */
export function nisbaForm(words: readonly string[]): string[] | undefined {
  if (words.length !== 2) return undefined;
  const [head, place] = words as [string, string];
  if (head.startsWith('ال') || head.length < 3) return undefined;
  let base = place.startsWith('ال') ? place.slice(2) : place;
  if (base.endsWith('ا') || base.endsWith('ة')) base = base.slice(0, -1);
  if (base.length < 3) return undefined;
  const stem = base.endsWith('ي') ? base : base + 'ي'; // سوريا → سوري, not سوريي
  return ['ال' + head, 'ال' + stem + (head.endsWith('ة') ? 'ة' : '')];
}

/** A one-word place name's other spelling of its ending: ـية ↔ ـيا ("سورية" ↔ "سوريا"); the words themselves otherwise. */
export function placeSpelling(words: readonly string[]): string[] {
  if (words.length !== 1 || words[0]!.length < 5) return [...words];
  const w = words[0]!;
  if (w.endsWith('ية')) return [w.slice(0, -1) + 'ا'];
  if (w.endsWith('يا')) return [w.slice(0, -1) + 'ة'];
  return [...words];
}

/**
 * An organization's name without the cue noun before it ("حركة حماس" → "حماس", "تنظيم داعش" →
 * "داعش"), which names the same body; undefined when there is none. Takes normalized words.
 */
export function orgCore(words: readonly string[]): string[] | undefined {
  return words.length >= 2 && ORG_ALIAS_HEADS.has(words[0]!.replace(/^[وفبل](?=.{3})/, '')) ? words.slice(1) : undefined;
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  if (short.length >= long.length) return false;
  for (let i = 0; i + short.length <= long.length; i++) {
    if (short.every((w, k) => w === long[i + k])) return true;
  }
  // First + last name ("أنتوني بلينكن" ↔ "أنتوني جون بلينكن").
  return short.length === 2 && short[0] === long[0] && short[1] === long[long.length - 1];
}

/**
 * A person's name written with and without a space inside it ("لو دريان" ~ "لودريان", "بن علي" ~
 * "بنعلي"): the letters of the mention's words are those of running words of another name, split
 * at other places ("لو دريان" in "جان إيف لودريان", "لودريان" in "جان إيف لو دريان"). Takes loose
 * keys; the same words split the same way are left to the subsequence test.
 */
export function isSpacedSpelling(mention: readonly string[], name: readonly string[]): boolean {
  const letters = mention.join('');
  if (letters.length < 5) return false;
  for (let i = 0; i < name.length; i++) {
    let run = '';
    for (let j = i; j < name.length && run.length < letters.length; j++) {
      run += name[j]!;
      if (run === letters && j - i + 1 !== mention.length) return true;
    }
  }
  return false;
}

/**
 * A person's name words with the article dropped from every word, for matching a short form to a
 * full name: Maghrebi given names take it ("الهاشمي الحامدي" ~ "محمد الهاشمي الحامدي").
 */
export function looseKey(words: readonly string[]): string[] {
  return words.map((w) => (w.startsWith('ال') && w.length > 4 ? w.slice(2) : w));
}

/**
 * Words the article writes inside a longer person's name after its first word ("بلطيفة" in "حسان
 * بلطيفة", "لوبان" in "مارين لوبان"): said alone, their leading ب/ل is the name's, not a clitic.
 */
export function innerNameWords(doc: Doc, mentions: readonly TokenMention[]): Set<string> {
  const out = new Set<string>();
  for (const m of mentions) if (m.type === 'PER') for (let i = m.s + 1; i < m.e; i++) out.add(doc.tokens[i]!.norm);
  return out;
}

/** The display name of a mention; a first word in `whole` keeps every letter. */
export function mentionName(doc: Doc, m: TokenMention, isKnown: FormCheck, whole: ReadonlySet<string> = new Set()): string {
  if (m.type === 'SRC') return cleanName(m.label!.split(/\s+/), isKnown);
  const words = doc.tokens.slice(m.s, m.e).map((t) => t.text);
  if (whole.has(doc.tokens[m.s]!.norm)) return words.filter((w) => !/^["«»“”'()]+$/.test(w)).join(' ');
  return cleanName(words, isKnown, m.type !== 'PER');
}

/** Groups mentions into entities. */
export function groupMentions(doc: Doc, mentions: readonly TokenMention[], isKnown: FormCheck): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  // Longer person names first, so that short forms find the full name they belong to.
  const size = (m: TokenMention): number => (m.type === 'SRC' ? 0 : m.e - m.s);
  const ordered = [...mentions].sort((a, b) => size(b) - size(a) || a.s - b.s);
  const whole = innerNameWords(doc, mentions);
  for (const m of ordered) {
    let name = mentionName(doc, m, isKnown, whole);
    let words = nameWords(name);
    // A label the writer adds ("داعش الإرهابي") is not part of the name.
    if (m.type === 'ORG' && words.length >= 2 && ORG_EPITHETS.has(words[words.length - 1]!)) {
      words = words.slice(0, -1);
      name = name.slice(0, name.lastIndexOf(' ')).trim();
    }
    if (words.length === 0 || name.length < 2) continue;
    const key = m.type === 'SRC' ? 'SRC:' + words.join(' ') : m.type === 'PER' ? 'PER:' + personKey(words).join(' ') : 'NAMED:' + words.join(' ');
    let g = byKey.get(key);
    if (!g && m.type === 'PER') {
      const loose = looseKey(words);
      g = groups.find((x) => x.type === 'PER' && isSubsequence(loose, looseKey(x.words)));
      g ??= groups.find((x) => x.type === 'PER' && isSpacedSpelling(loose, looseKey(x.words)));
    }
    // A person's family name the tagger typed otherwise ("لوبان" as an organization) is that person.
    if (!g && m.type !== 'SRC' && words.length === 1 && whole.has(words[0]!)) g = groups.find((x) => x.type === 'PER' && x.words.length > 1 && x.words[x.words.length - 1] === words[0]);
    // A shorter organization name that opens a longer one ("البنك المركزي" after "البنك المركزي التونسي").
    if (!g && m.type === 'ORG' && words.length >= 2) {
      g = groups.find((x) => x.type === 'ORG' && x.words.length > words.length && words.every((w, k) => w === x.words[k]));
    }
    // A country spelt in ـية as well as ـيا ("سورية" = "سوريا") is one place.
    if (!g && m.type === 'LOC') g = byKey.get('NAMED:' + placeSpelling(words).join(' '));
    const nisba = m.type === 'ORG' ? nisbaForm(words) : undefined;
    if (!g && nisba) g = byKey.get('NAMED:' + nisba.join(' '));
    const core = m.type === 'ORG' ? orgCore(words) : undefined;
    if (!g && core) g = byKey.get('NAMED:' + core.join(' '));
    if (!g && m.type !== 'SRC') {
      // The same name tagged with another type in another sentence is the same referent.
      g = byKey.get('NAMED:' + words.join(' ')) ?? byKey.get('PER:' + personKey(words).join(' '));
    }
    if (!g) {
      g = { type: m.type, name, words, mentions: [], forms: new Map(), typeVotes: new Map() };
      groups.push(g);
      byKey.set(key, g);
      for (const alt of [nisba, core, m.type === 'LOC' ? placeSpelling(words) : undefined]) if (alt && !byKey.has('NAMED:' + alt.join(' '))) byKey.set('NAMED:' + alt.join(' '), g);
    }
    g.mentions.push(m);
    g.typeVotes.set(m.type, (g.typeVotes.get(m.type) ?? 0) + 1);
    if (!g.forms.has(words.join(' '))) g.forms.set(words.join(' '), name);
  }
  for (const g of groups) {
    g.mentions.sort((a, b) => a.s - b.s);
    let best = g.type;
    for (const [t, n] of g.typeVotes) if (n > (g.typeVotes.get(best) ?? 0)) best = t;
    g.type = best;
  }
  return groups;
}

/** Orders entities by centrality: mention count, appearing in the lead, and first position. */
export function byCentrality(doc: Doc, entries: { entry: WhoEntry; first: number }[]): WhoEntry[] {
  const total = Math.max(1, doc.tokens.length);
  const score = ({ entry, first }: { entry: WhoEntry; first: number }): number => {
    const lead = (doc.tokens[first]?.sentence ?? 99) < 2 ? 1.5 : 0;
    // A who's-who is first about people and who speaks; places are mostly setting.
    const typeBonus = entry.type === 'PER' ? 2 : entry.type === 'SRC' ? 1 : entry.type === 'ORG' ? 0.5 : 0;
    return entry.mentions.length + lead + typeBonus + (1 - first / total);
  };
  return [...entries].sort((a, b) => score(b) - score(a) || a.first - b.first).map((x) => x.entry);
}
