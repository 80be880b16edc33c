/** Reading ANERcorp's token-per-line IOB2 format, and the fixed train/dev split by sentence order. */

/** One tagged sentence. */
export interface TaggedSentence {
  words: string[];
  tags: string[];
}

/** Parses "token TAG" lines; blank lines end sentences. */
export function parseConll(content: string): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let cur: TaggedSentence = { words: [], tags: [] };
  for (const line of content.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') {
      if (cur.words.length > 0) out.push(cur);
      cur = { words: [], tags: [] };
      continue;
    }
    const cut = trimmed.lastIndexOf(' ');
    if (cut <= 0) continue;
    cur.words.push(trimmed.slice(0, cut));
    cur.tags.push(trimmed.slice(cut + 1));
  }
  if (cur.words.length > 0) out.push(cur);
  return out;
}

/** The held-out dev split: the last tenth of the sentences, by document order; never trained or tuned on. */
export function splitTrainDev(sentences: readonly TaggedSentence[]): { train: TaggedSentence[]; dev: TaggedSentence[] } {
  const cut = Math.floor(sentences.length * 0.9);
  return { train: sentences.slice(0, cut), dev: sentences.slice(cut) };
}
