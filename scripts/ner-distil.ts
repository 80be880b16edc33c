/**
 * Distillation of the full analysis into the NER tagger: a first model, trained on the labelled
 * sentences, tags unlabeled news articles (the ANT articles, Apache-2.0) through the whole who
 * step (its rules, the article's type vote, the spreading of names found once); the mentions it
 * gives become BIO sentences that the final model is trained on beside the labelled ones. What the
 * rules know (titles before names, cue nouns before clubs and papers, a name repeated in an
 * article) then reaches the tagger on words the labelled data never shows.
 */
import { analyze } from '../src/core/analyze.ts';
import type { TaggedSentence } from '../src/core/who/conll.ts';
import { tokenize } from '../src/core/who/tokenize.ts';
import { loadTagger, type NerModelData, type Tagger } from '../src/core/who/tagger.ts';
import { DEFAULT_TRAIN_OPTIONS, paragraphs, trainModel, type TrainOptions } from './ner-train.ts';

const TYPE: Readonly<Record<string, string>> = { PER: 'PERS', LOC: 'LOC', ORG: 'ORG' };
const SENTENCE_ENDS = new Set(['.', '!', '?', '؟']);

/** A typed character span of a text. */
export interface CharSpan {
  start: number;
  end: number;
  type: string;
}

/**
 * An article's tokens as tagged sentences: BIO tags from character spans (a token inside a span
 * takes its type), a sentence ending at a paragraph break or a full stop; one-token sentences left out.
 */
export function taggedSentences(text: string, spans: readonly CharSpan[]): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  let open = -1;
  let lastEnd = 0;
  const flush = (): void => {
    if (words.length > 1) out.push({ words, tags });
    words = [];
    tags = [];
    open = -1;
  };
  for (const t of tokenize(text)) {
    if (text.slice(lastEnd, t.start).includes('\n')) flush();
    lastEnd = t.end;
    const si = spans.findIndex((s) => t.start >= s.start && t.end <= s.end);
    words.push(t.text);
    tags.push(si < 0 ? 'O' : (si === open ? 'I-' : 'B-') + spans[si]!.type);
    open = si;
    if (SENTENCE_ENDS.has(t.text)) flush();
  }
  flush();
  return out;
}

/** The articles' sentences tagged by the full analysis's mentions under `tagger`. */
export function pseudoLabelled(articles: readonly string[], tagger: Tagger): TaggedSentence[] {
  return articles.flatMap((text) => {
    const spans = analyze({ text, reference: '2017-01-01' }, { tagger }).mentions.flatMap((m) => {
      const type = TYPE[m.type];
      return type ? [{ start: m.start, end: m.end, type }] : [];
    });
    return taggedSentences(text, spans);
  });
}

/**
 * Trains a tagger on labelled sentences, the articles giving the word clusters; when
 * `options.distil` > 0 (off by default: no gain on the full analysis, see model/README.md), a
 * second model is trained on those sentences plus every distil-th article analysed with the first.
 */
export function trainDistilled(train: readonly TaggedSentence[], articles: readonly string[], options: Partial<TrainOptions> = {}): NerModelData {
  const unlabeled = paragraphs(articles);
  const first = trainModel(train, unlabeled, options);
  const every = options.distil ?? DEFAULT_TRAIN_OPTIONS.distil;
  if (every <= 0) return first;
  const pseudo = pseudoLabelled(
    articles.filter((_, i) => i % every === 0),
    loadTagger(first),
  );
  options.log?.(`distil: ${pseudo.length} sentences of ${Math.ceil(articles.length / every)} articles analysed with the first model`);
  return trainModel([...train, ...pseudo], unlabeled, options);
}
