/**
 * The broadcast an article's words were said on: the name after "برنامج" or "ضيف" in its lead
 * ('ضيف برنامج "بوليتيكا"', 'ضيفة بوليتيكا'). Radio and television talk is told in several articles,
 * one a point of the interview, each worded apart; naming one broadcast within half a day ties them.
 */
import { normalize } from '../core/text/normalize.ts';
import { wordsOf } from '../core/text/tokens.ts';
import broadcast from '../core/lexicon/stories/broadcast.json' with { type: 'json' };

const alternation = (words: readonly string[]): string => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const PROGRAMME = alternation(broadcast.programme);
const GUEST = alternation(broadcast.guest);
/** A quoted name (straight, curly or angle quotes), 2–30 characters. */
const QUOTED = '["“«]([^"”»\\n]{2,30})["”»]';
/** 'برنامج "X"', 'ضيف "X"', 'ضيف برنامج "X"', and 'ضيف X' (one word). */
const CUE = new RegExp(`(?:^|[\\s(])(?:(?:${GUEST})\\s+)?(?:${PROGRAMME})\\s*${QUOTED}|(?:^|[\\s(])(?:${GUEST})\\s*(?:${QUOTED}|([^\\s"“«»”،,.:]{3,}))`, 'gu');

/** The normalized names of the broadcasts a lead says its words were said on. */
export function broadcastsOf(lead: string): Set<string> {
  const out = new Set<string>();
  for (const m of lead.matchAll(CUE)) {
    const name = wordsOf(normalize(m[1] ?? m[2] ?? m[3] ?? '')).join(' ');
    if (name && !NOT_NAMES.has(name)) out.add(name);
  }
  return out;
}

/** Words that are no broadcast's name: the programme words themselves ('ضيف برنامج …' without a quoted name) and notNames ('ضيف شرف'). */
const NOT_NAMES: ReadonlySet<string> = new Set([...broadcast.programme, ...broadcast.notNames].map((w) => wordsOf(normalize(w)).join(' ')));

/** Whether two articles name one broadcast. */
export function shareBroadcast(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
