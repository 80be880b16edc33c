/** ROUGE-L (longest common subsequence) between token lists: precision, recall and F1. */
export interface Rouge {
  p: number;
  r: number;
  f: number;
}

/** ROUGE-L of a candidate against a reference, both already tokenized. */
export function rougeL(candidate: string[], reference: string[]): Rouge {
  if (candidate.length === 0 || reference.length === 0) return { p: 0, r: 0, f: 0 };
  let prev = new Int32Array(reference.length + 1);
  let cur = new Int32Array(reference.length + 1);
  for (let i = 1; i <= candidate.length; i++) {
    for (let j = 1; j <= reference.length; j++) {
      cur[j] = candidate[i - 1] === reference[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  const lcs = prev[reference.length]!;
  const p = lcs / candidate.length;
  const r = lcs / reference.length;
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
