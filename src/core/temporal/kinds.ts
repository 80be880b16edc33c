/** Kinds of news event (attack, casualties, a call …) and reporting words, by light stem: lexicon/temporal/event-classes.json. */
import { normalize } from '../text/normalize.ts';
import { lightStem } from '../text/tokens.ts';
import classData from '../lexicon/temporal/event-classes.json' with { type: 'json' };

/** The matching stem of a word: normalized, then light-stemmed. */
export const stemOf = (w: string): string => lightStem(normalize(w));

const names = Object.keys(classData.classes);
const KIND = new Map<string, number>(); // stem → bits of its kinds
Object.values(classData.classes).forEach((list, bit) => {
  for (const w of list) {
    const s = stemOf(w);
    KIND.set(s, (KIND.get(s) ?? 0) | (1 << bit));
  }
});
const REPORTING = new Set(classData.reporting.map(stemOf));

/** Bits of the kinds a stem names (0 when none). */
export function kindsOf(stem: string): number {
  return KIND.get(stem) ?? 0;
}

/** Whether a stem only says who told (قال، أفادت، وكالة). */
export function isReporting(stem: string): boolean {
  return REPORTING.has(stem);
}

/** Bits of the kinds that are happenings (an attack, deaths, an arrest, a disaster, a protest) rather than words said. */
export const HAPPENING = ['attack', 'casualty', 'arrest', 'disaster', 'protest'].reduce((bits, k) => bits | (1 << names.indexOf(k)), 0);
