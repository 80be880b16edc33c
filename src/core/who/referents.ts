/**
 * Titles said instead of a name ("وأضاف الوزير"): which person named before they point back to,
 * read off the roles the who list gives people.
 */
import { normalize } from '../text/normalize.ts';
import type { Doc, TokenMention } from './doc.ts';
import type { Group } from './entities.ts';
import { isDemonym } from './mentions.ts';
import type { TitleReferent } from './quotes.ts';

/** The words of a role as titles are matched: normalized, without the article ("وزير الصحة المغربي" → وزير، صحة، مغربي). */
function roleWords(role: string): Set<string> {
  return new Set(normalize(role).split(/\s+/u).map(titleWord));
}

/** A role word as matched: the article off, "أمريكي" spelt as "أميركي". */
function titleWord(w: string): string {
  return (w.startsWith('ال') && w.length > 4 ? w.slice(2) : w).replace(/امريك/gu, 'اميرك');
}

/**
 * Who a title said instead of a name points back to ("وأضاف الوزير", "وقال الرئيس السوري", "وأضاف
 * رئيس الهيئة الوطنية لمكافحة الفساد"): the one person named before it whose role has the title and
 * any nationality said with it, or every word of the body the title governs (up to `bodyEnd`);
 * 'several' when more than one fits (precision first: "الوزير" after two ministers goes to nobody).
 */
export function titleReferent(doc: Doc, groups: readonly Group[], roleOf: ReadonlyMap<Group, string>): TitleReferent {
  return (i, bodyEnd) => {
    const t = doc.tokens[i]!;
    const wanted = [titleWord(t.stem)];
    if (bodyEnd !== undefined) for (let k = i + 1; k < bodyEnd; k++) wanted.push(titleWord(doc.tokens[k]!.norm));
    else for (let k = i + 1; k < doc.tokens.length && k <= i + 2 && isDemonym(doc.tokens[k]!); k++) wanted.push(titleWord(doc.tokens[k]!.stem));
    let hit: TokenMention | undefined;
    for (const g of groups) {
      const role = roleOf.get(g);
      if (g.type !== 'PER' || !role) continue;
      const before = g.mentions.filter((m) => m.e <= i);
      if (before.length === 0) continue;
      const words = roleWords(role);
      if (!wanted.every((w) => words.has(w))) continue;
      if (hit) return 'several';
      hit = before[before.length - 1];
    }
    return hit;
  };
}
