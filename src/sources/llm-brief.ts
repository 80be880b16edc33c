/**
 * The optional generated brief: off unless MOJAZ_LLM_URL points at an OpenAI-compatible endpoint
 * (a local Ollama, llama.cpp or vLLM server, or a hosted one). The article's title and text go to
 * that endpoint with a prompt asking for an Arabic brief of at most 350 characters; the answer is
 * checked against the article ({@link checkGrounding}) before anyone sees it. Whatever goes wrong
 * — off, over the rate limit, a time-out, an HTTP error, an answer that invents a number or a
 * name, is not Arabic or runs too long — gives undefined and a logged reason: the caller keeps
 * the extractive brief.
 */
import type { Analysis, ArticleInput } from '../core/types.ts';
import { checkGrounding, GROUNDED_MAX_CHARS } from './grounding.ts';

/** The settings (config `llm`). */
export interface LlmSettings {
  /** Base URL ("http://127.0.0.1:11434/v1") or the full chat-completions URL; '' turns it off. */
  url: string;
  /** Bearer key, when the endpoint wants one. */
  key?: string;
  model: string;
  timeoutMs: number;
  /** Most requests a minute; past it the extractive brief is used at once. */
  perMinute: number;
}

/** What a generated brief needs. */
export interface LlmBriefDeps {
  settings: LlmSettings;
  /** The core analysis, to read the names of the generated brief. */
  analyze(input: ArticleInput): Analysis;
  log?(line: string): void;
  /** The clock for the rate limit (tests). */
  now?(): number;
  fetch?: typeof fetch;
}

/** Longest part of the article sent, in characters (a brief comes from the top of an article). */
const MAX_ARTICLE_CHARS = 6_000;

/** The instructions sent with every article. */
const SYSTEM_PROMPT =
  'أنت محرر أخبار. اكتب موجزًا عربيًا للمقال في جملة أو جملتين، لا يتجاوز 350 حرفًا. ' +
  'استعمل فقط ما ورد في نص المقال: لا تضف رقمًا ولا تاريخًا ولا اسمًا غير موجود فيه، ولا رأيًا. ' +
  'أجب بالموجز وحده بالعربية الفصحى، بلا عنوان ولا مقدمة.';

/** The chat-completions URL of a configured base URL. */
export function completionsUrl(url: string): string {
  const trimmed = url.replace(/\/+$/u, '');
  return /\/chat\/completions$/u.test(trimmed) ? trimmed : `${trimmed}/chat/completions`;
}

/** A generator of grounded briefs; `brief` resolves to undefined whenever the extractive brief should be used. */
export interface LlmBriefer {
  brief(article: ArticleInput, analysis: Analysis): Promise<string | undefined>;
}

/** The text of an OpenAI-style chat-completions answer, if it has one. */
function answerText(body: unknown): string | undefined {
  const choices = (body as { choices?: Array<{ message?: { content?: unknown } }> } | null)?.choices;
  const content = Array.isArray(choices) ? choices[0]?.message?.content : undefined;
  return typeof content === 'string' ? content : undefined;
}

/** Builds the briefer; undefined when no URL is configured (the feature is off). */
export function createLlmBriefer(deps: LlmBriefDeps): LlmBriefer | undefined {
  const { settings } = deps;
  if (!settings.url) return undefined;
  const url = completionsUrl(settings.url);
  const now = deps.now ?? Date.now;
  const doFetch = deps.fetch ?? fetch;
  const log = deps.log ?? (() => {});
  const recent: number[] = [];

  const request = async (article: ArticleInput): Promise<string | undefined> => {
    const t = now();
    while (recent.length > 0 && recent[0]! <= t - 60_000) recent.shift();
    if (recent.length >= settings.perMinute) {
      log(`llm brief: over ${settings.perMinute} a minute, extractive brief used`);
      return undefined;
    }
    recent.push(t);
    const text = article.text.slice(0, MAX_ARTICLE_CHARS);
    const body = {
      model: settings.model,
      temperature: 0.2,
      max_tokens: 400,
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: `${article.title ? `العنوان: ${article.title}\n\n` : ''}${text}` },
      ],
    };
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(settings.key ? { authorization: `Bearer ${settings.key}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      if (!response.ok) {
        log(`llm brief: HTTP ${response.status}, extractive brief used`);
        return undefined;
      }
      const answer = answerText(await response.json());
      if (answer === undefined) log('llm brief: no answer in the response, extractive brief used');
      return answer;
    } catch (err) {
      const why = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError') ? `no answer within ${settings.timeoutMs} ms` : String(err);
      log(`llm brief: ${why}, extractive brief used`);
      return undefined;
    }
  };

  return {
    async brief(article, analysis) {
      const answer = (await request(article))?.replace(/\s+/gu, ' ').trim();
      if (answer === undefined) return undefined;
      const verdict = checkGrounding({
        article: `${article.title ?? ''}\n${article.text}`,
        analysis,
        brief: answer,
        briefAnalysis: deps.analyze({ text: answer, reference: article.reference }),
        maxChars: GROUNDED_MAX_CHARS,
      });
      if (!verdict.ok) {
        log(`llm brief: rejected (${verdict.reason}), extractive brief used`);
        return undefined;
      }
      return answer;
    },
  };
}
