/**
 * Towns of local news: a gazetteer of towns below the country (src/core/lexicon/stories/towns.json:
 * Tunisia's governorates and delegations) found in an article's own words, for the towns the tagger
 * misses ("حجز مخدرات بالمطوية"). Each town knows its first-level division, so two articles set in two
 * towns of one governorate ("بوفيشة" and "القلعة الكبرى", both "من ولاية سوسة") are told apart, as the
 * tagger's places alone (often only "سوسة") cannot.
 */
import { wordsOf } from '../core/text/tokens.ts';
import towns from '../core/lexicon/stories/towns.json' with { type: 'json' };

/** A town of the gazetteer. */
export interface Town {
  /** Its name, normalized words space-joined. */
  name: string;
  /** Its first-level division (governorate), normalized. */
  division: string;
  /** True for a division's own name ("سوسة", "قفصة"): the division as much as its chief town. */
  isDivision: boolean;
}

/** Clitics a town's first word may carry ("بالمطوية", "وبسوسة", "لقفصة"), longest first. */
const CLITICS = ['وبال', 'وال', 'بال', 'لل', 'وب', 'ول', 'فب', 'ب', 'ل', 'و', 'ف'];

/** Every gazetteer town by its normalized name, and the longest name in words. */
function buildGazetteer(): { byName: Map<string, Town>; lengths: Map<string, number[]> } {
  const byName = new Map<string, Town>();
  const lengths = new Map<string, number[]>();
  const note = (words: string[]): void => {
    const known = lengths.get(words[0]!) ?? [];
    if (!known.includes(words.length)) lengths.set(words[0]!, [...known, words.length].sort((x, y) => y - x));
  };
  const countries = towns.countries as Record<string, Record<string, string[]>>;
  for (const divisions of Object.values(countries)) {
    for (const [division, names] of Object.entries(divisions)) {
      const d = wordsOf(division).join(' ');
      byName.set(d, { name: d, division: d, isDivision: true });
      note(d.split(' '));
      for (const n of names) {
        const words = wordsOf(n);
        const name = words.join(' ');
        if (!byName.has(name)) byName.set(name, { name, division: d, isDivision: false });
        note(words);
      }
    }
  }
  return { byName, lengths };
}

const GAZETTEER = buildGazetteer();

/** The gazetteer town named `name` (normalized words space-joined), if any. */
export function townNamed(name: string): Town | undefined {
  return GAZETTEER.byName.get(name);
}

/** The forms a word may stand for: itself, and itself without a leading clitic ("بالمطوية" → "المطوية", "مطوية"). */
function forms(word: string): string[] {
  const out = [word];
  for (const c of CLITICS) {
    if (!word.startsWith(c) || word.length - c.length < 3) continue;
    const rest = word.slice(c.length);
    out.push(rest, c.endsWith('ال') || c === 'لل' ? `ال${rest}` : rest);
  }
  return out;
}

/** The gazetteer towns that normalized words name, the longest name at each position ("القلعة الكبرى", not a town "القلعة"). */
export function townsIn(words: readonly string[]): Town[] {
  const found = new Map<string, Town>();
  for (let i = 0; i < words.length; i++) {
    const town = townAt(words, i);
    if (!town) continue;
    found.set(town.name, town);
    i += town.name.split(' ').length - 1;
  }
  return [...found.values()];
}

/** The longest gazetteer town whose name starts at words[i] (its first word may carry a clitic). */
function townAt(words: readonly string[], i: number): Town | undefined {
  let best: Town | undefined;
  let bestLength = 0;
  for (const f of forms(words[i]!)) {
    for (const n of GAZETTEER.lengths.get(f) ?? []) {
      if (n <= bestLength || i + n > words.length) continue;
      const town = GAZETTEER.byName.get([f, ...words.slice(i + 1, i + n)].join(' '));
      if (town) [best, bestLength] = [town, n];
    }
  }
  return best;
}
