/**
 * Proclitics (و ف ب ل ك and the article ال) on normalized Arabic words: splitting for features and
 * for clean display names. A split is only a candidate; callers decide with known forms whether
 * a leading و or ب is a clitic or a letter of the name ("واشنطن", "بغداد").
 */

/** A word split into its proclitic letters, the article, and the stem. */
export interface CliticSplit {
  /** Conjunction/preposition letters before the stem, e.g. "و", "وب", "ل". */
  pre: string;
  /** True when the stem carried the article (ال, or ل after ل as in "للعراق"). */
  article: boolean;
  /** The word without proclitics and article. */
  stem: string;
}

const MIN_STEM = 2;

/** Splits the likeliest proclitics off a normalized word; short words are left whole. */
export function splitClitics(word: string): CliticSplit {
  let pre = '';
  let rest = word;
  // Conjunction first (و or ف), then at most one preposition (ب ل ك).
  if ((rest[0] === 'و' || rest[0] === 'ف') && rest.length > 3) {
    pre += rest[0];
    rest = rest.slice(1);
  }
  if ((rest[0] === 'ب' || rest[0] === 'ك') && rest.startsWith('ال', 1) && rest.length > 4) {
    pre += rest[0];
    rest = rest.slice(1);
  } else if (rest[0] === 'ل' && rest[1] === 'ل' && rest.length > 4) {
    // ل + ال is written لل
    return { pre: pre + 'ل', article: true, stem: rest.slice(2) };
  } else if (rest[0] === 'ل' && rest.startsWith('ال', 1) && rest.length > 4) {
    pre += 'ل';
    rest = rest.slice(1);
  }
  if (rest.startsWith('ال') && rest.length - 2 >= MIN_STEM) {
    return { pre, article: true, stem: rest.slice(2) };
  }
  // A bare و/ف with no article is undecidable here ("وزير" vs "و+زير"): keep the word whole.
  if (pre !== '' && !rest.startsWith('ال')) {
    return { pre: '', article: false, stem: word };
  }
  return { pre, article: false, stem: rest };
}

/** Candidate forms of a word with one or two leading clitic letters removed (longest strip last). */
export function strippedCandidates(word: string): string[] {
  const out: string[] = [];
  const first = word[0];
  if (word.length < 4) return out;
  if (first === 'و' || first === 'ف') {
    const rest = word.slice(1);
    out.push(rest);
    const second = rest[0];
    if ((second === 'ب' || second === 'ل' || second === 'ك') && rest.length >= 4) out.push(rest.slice(1));
  } else if (first === 'ب' || first === 'ل' || first === 'ك') {
    out.push(word.slice(1));
  }
  return out;
}
