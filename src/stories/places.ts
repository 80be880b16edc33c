/**
 * Where an article is set: its headline's dateline ("سوسة : …") and the places its analysis names.
 * Routine news from two towns reads alike ("حجز أقراص مخدرة" in سوسة and in الكاف) yet is two
 * stories, so two articles that each name places, none of which the other even mentions, need more
 * similarity to join; more still when both headlines open with different datelines.
 */
import type { Analysis } from '../core/types.ts';
import { wordsOf } from '../core/text/tokens.ts';

/** Prefix that marks a place taken from a headline's dateline. */
export const DATELINE = 'dl:';

/** A title's dateline: the one or two words before a colon that opens many Arabic headlines (normalized). */
export function datelineOf(title: string): string | undefined {
  const m = /^\s*([^:：]{2,30}?)\s*[:：]\s*\S/.exec(title);
  if (!m) return undefined;
  const words = wordsOf(m[1]!);
  return words.length >= 1 && words.length <= 2 ? words.join(' ') : undefined;
}

/**
 * Whether a headline's colon prefix is somebody speaking ("حمة الهمامي : …", "البحيري : …"): a name
 * of a person of the analysis, or its last words (a surname).
 */
export function isSpeaker(prefix: string, analysis?: Analysis): boolean {
  for (const e of analysis?.who ?? []) {
    if (e.type !== 'PER') continue;
    for (const name of [e.name, ...e.aliases]) {
      const n = ` ${wordsOf(name).join(' ')}`;
      if (n.endsWith(` ${prefix}`)) return true;
    }
  }
  return false;
}

/** Places an article is set in: its title's dateline (prefixed "dl:") unless a speaker's name, and the places its analysis names (normalized). */
export function placesOf(title: string, analysis?: Analysis): Set<string> {
  const places = new Set<string>();
  const dateline = datelineOf(title);
  if (dateline && !isSpeaker(dateline, analysis)) places.add(`${DATELINE}${dateline}`);
  for (const e of analysis?.who ?? []) {
    if (e.type !== 'LOC') continue;
    for (const name of [e.name, ...e.aliases]) {
      const n = wordsOf(name).join(' ');
      if (n) places.add(n);
    }
  }
  return places;
}

const bare = (p: string): string => (p.startsWith(DATELINE) ? p.slice(DATELINE.length) : p);

/** What the conflict rules look at for one article. */
export interface Setting {
  places: ReadonlySet<string>;
  /** Normalized words of the title and lead, space-joined with spaces around (" w1 w2 … "). */
  lead: string;
}

const CLITICS = ['', 'ب', 'ل', 'ك', 'و', 'ف', 'ال', 'وب', 'ول', 'وال', 'بال', 'لل'];

/** Whether a lead mentions a place, also with a clitic stuck to its front ("بسوسة"). */
function mentions(lead: string, place: string): boolean {
  if (!lead.includes(`${place} `)) return false;
  return CLITICS.some((c) => lead.includes(` ${c}${place} `));
}

/** Whether both articles name places and neither mentions any place of the other. */
export function placesConflict(a: Setting, b: Setting): boolean {
  if (a.places.size === 0 || b.places.size === 0) return false;
  for (const p of a.places) if (mentions(b.lead, bare(p))) return false;
  for (const p of b.places) if (mentions(a.lead, bare(p))) return false;
  return true;
}

/** Whether two headlines open with different datelines. */
export function datelinesDiffer(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let x: string | undefined;
  let y: string | undefined;
  for (const p of a) if (p.startsWith(DATELINE)) x = p;
  for (const p of b) if (p.startsWith(DATELINE)) y = p;
  return x !== undefined && y !== undefined && x !== y;
}
