/**
 * `mojaz analyze`: one article from a file or standard input, printed as readable Arabic or as the
 * JSON of docs/ANALYSIS.md; or, with --jsonl, a stream of articles, one JSON object a line.
 */
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Analysis, ArticleInput, EntityType } from '../core/types.ts';
import { analyze, analyzeBack, analyzeFront, parsePublished, InvalidDateError, type FrontPart, type Reference } from '../core/analyze.ts';
import { dayAndTime, referenceFor } from '../core/reference.ts';
import { loadConfig } from '../config.ts';
import type { CliIO, Subcommand } from './types.ts';
import { UsageError, decodeText, hasArabic, terminalSafe, toArticleText } from './input.ts';
import { BIDI_CONTROLS } from '../messages/render/bidi.ts';
import { createLinePool } from './analyze-pool.ts';

/** The parsed arguments of `mojaz analyze`. */
export interface AnalyzeArgs {
  file?: string;
  date?: string;
  title?: string;
  json: boolean;
  jsonl: boolean;
  /** --jobs: threads analysing --jsonl lines, this one included (default: defaultJobs). */
  jobs?: number;
  help: boolean;
}

const VALUE_FLAGS = new Set(['--date', '--title', '--jobs']);

/** Most threads --jsonl runs by default. */
const MAX_JOBS = 4;

/**
 * The threads --jsonl runs by default on `cores` cores, this one included: one per core, at most
 * MAX_JOBS. On two cores the second thread runs the steps before the who step (startPool), so
 * nothing warms up twice; over the 3,106 ANT articles this thread's CPU falls by a fifth and the
 * process's stays the same.
 */
export function defaultJobs(cores: number): number {
  return Math.max(1, Math.min(cores, MAX_JOBS));
}

/** Parses the arguments; a mistake throws a UsageError with a one-line message. */
export function parseAnalyzeArgs(argv: string[]): AnalyzeArgs {
  const out: AnalyzeArgs = { json: false, jsonl: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      if (out.file !== undefined) throw new UsageError(`ملف واحد فقط، وصل ملف ثانٍ: ${arg}`);
      out.file = arg;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_FLAGS.has(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`الخيار ${flag} يحتاج إلى قيمة`);
      if (flag === '--date') out.date = value;
      else if (flag === '--jobs') {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--jobs يحتاج إلى عدد صحيح بين 1 و64، لا ${value}`);
        out.jobs = n;
      } else out.title = value;
    } else if (flag === '--json' && eq < 0) out.json = true;
    else if (flag === '--jsonl' && eq < 0) out.jsonl = true;
    else if ((flag === '--help' || flag === '-h') && eq < 0) out.help = true;
    else throw new UsageError(`خيار غير معروف: ${arg}`);
  }
  return out;
}

/** The calendar day of `now` in `timeZone`, YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date): string {
  return dayAndTime(now, timeZone).day;
}

/** The reference from --date, or today in the configured time zone. */
function defaultReference(args: AnalyzeArgs, io: CliIO): Reference {
  if (args.date !== undefined) {
    try {
      return parsePublished(args.date);
    } catch (err) {
      if (err instanceof InvalidDateError) throw new UsageError(`تاريخ غير صالح: ${args.date} (الصيغة YYYY-MM-DD)`);
      throw err;
    }
  }
  return referenceFor(undefined, io.now(), loadConfig(io.env).timezone);
}

/** Reads all of a stream as bytes. */
async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Reads the article named on the command line ('-' for standard input). */
async function readArticle(file: string, io: CliIO): Promise<string> {
  let bytes: Uint8Array;
  if (file === '-') bytes = await readAll(io.stdin);
  else {
    try {
      bytes = await readFile(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UsageError(`الملف غير موجود: ${file}`);
      if (code === 'EISDIR') throw new UsageError(`هذا مجلد وليس ملفًا: ${file}`);
      if (code === 'EACCES') throw new UsageError(`لا إذن بقراءة الملف: ${file}`);
      throw new UsageError(`تعذرت قراءة الملف ${file}: ${code ?? String(err)}`);
    }
  }
  return toArticleText(decodeText(bytes, file === '-' ? 'المدخل القياسي' : file));
}

/** Writes, waiting for the stream to drain when its buffer is full. */
async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

const TYPE_NAMES: Record<EntityType, string> = { PER: 'شخص', ORG: 'جهة', LOC: 'مكان', SRC: 'مصدر' };
/** People first, then organizations, unnamed sources and places, as the bot's /who lists them. */
const TYPE_ORDER: Record<EntityType, number> = { PER: 0, ORG: 1, SRC: 2, LOC: 3 };

/**
 * JSON text with bidi embeddings, overrides and isolates written as \u escapes: the same data for
 * a program, and no reversed line on a terminal.
 */
export function jsonSafe(json: string): string {
  return json.replace(BIDI_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The analysis as an editor reads it in a terminal: brief, timeline, who, under Arabic headings. */
export function renderText(a: Analysis, title?: string): string {
  const lines: string[] = [];
  const safe = (t: string): string => terminalSafe(t).replace(/\s+/g, ' ').trim();
  if (title) lines.push(`العنوان: ${safe(title)}`, '');
  lines.push('الموجز');
  if (a.brief.length === 0) lines.push('  (لا يوجد موجز: لم يُعثر على جملة خبرية)');
  for (const item of a.brief) lines.push(`  • ${safe(item.text)}`);
  lines.push('', 'الخط الزمني');
  if (a.timeline.length === 0) lines.push('  (لا أحداث مؤرخة)');
  for (const e of a.timeline) lines.push(`  • ${e.date} — ${safe(e.event)}${e.when ? ` («${safe(e.when)}»)` : ''}`);
  if (a.timeline.length > 0 && a.reference?.from === 'today') lines.push('  (لا تاريخ نشر: التواريخ محسوبة نسبة إلى اليوم)');
  lines.push('', 'من هو من');
  if (a.who.length === 0) lines.push('  (لا أسماء)');
  const who = a.who.map((w, i) => ({ w, i })).sort((x, y) => TYPE_ORDER[x.w.type] - TYPE_ORDER[y.w.type] || x.i - y.i).map((x) => x.w);
  for (const w of who) lines.push(`  • ${safe(w.name)} — ${TYPE_NAMES[w.type] ?? w.type}${w.role ? ` — ${safe(w.role)}` : ''}`);
  if (a.sources.length > 0) lines.push('', `المصادر: ${a.sources.map(safe).join('، ')}`);
  // A step that failed says so, instead of its part just looking empty.
  for (const f of a.failures ?? []) lines.push('', `تنبيه: تعذّرت خطوة ${f.step}: ${safe(f.message)}`);
  return `${lines.join('\n')}\n`;
}

/** One article from a file or standard input. */
async function runOne(args: AnalyzeArgs, io: CliIO): Promise<number> {
  if (args.file === undefined) throw new UsageError('حدد ملفًا أو - للمدخل القياسي، أو استخدم --jsonl');
  const reference = defaultReference(args, io);
  const text = await readArticle(args.file, io);
  if (text.trim() === '') throw new UsageError('النص فارغ');
  if (!hasArabic(text)) io.stderr.write('mojaz analyze: تنبيه: النص لا يحتوي على حروف عربية\n');
  const result = analyze({ text, ...reference, ...(args.title !== undefined ? { title: args.title } : {}) });
  await write(io.stdout, args.json ? `${jsonSafe(JSON.stringify(result, null, 2))}\n` : renderText(result, args.title));
  return 0;
}

/**
 * One --jsonl line after the steps before the who step: its result already when the line is not
 * an article (an error with the line's id), else the article and what those steps left. Plain data:
 * a worker thread computes it and passes it on.
 */
export type LineStart = { done: Record<string, unknown> } | { id: unknown; input: ArticleInput; front: FrontPart };

/** The result of an internal error on a line. */
const internalError = (err: unknown): Record<string, unknown> => ({ id: null, error: `خطأ داخلي: ${err instanceof Error ? err.message : String(err)}` });

/** Reads one --jsonl line and runs the steps before the who step over its article; never throws. */
export function startLine(line: string, fallback: Reference): LineStart {
  try {
    const input = lineInput(line, fallback);
    return 'done' in input ? input : { ...input, front: analyzeFront(input.input) };
  } catch (err) {
    return { done: internalError(err) };
  }
}

/** The article of one --jsonl line, or its result when it is not one. */
function lineInput(line: string, fallback: Reference): { done: Record<string, unknown> } | { id: unknown; input: ArticleInput } {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    return { done: { id: null, error: 'سطر JSON غير صالح' } };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return { done: { id: null, error: 'السطر ليس كائن JSON' } };
  const rec = obj as Record<string, unknown>;
  const id = rec.id ?? null;
  if (typeof rec.text !== 'string') return { done: { id, error: 'الحقل text مفقود أو ليس نصًا' } };
  const text = toArticleText(rec.text);
  if (text.trim() === '') return { done: { id, error: 'النص فارغ' } };
  let reference = fallback;
  if (rec.published !== undefined && rec.published !== null && rec.published !== '') {
    if (typeof rec.published !== 'string') return { done: { id, error: 'الحقل published ليس نصًا' } };
    try {
      reference = parsePublished(rec.published);
    } catch {
      return { done: { id, error: `تاريخ نشر غير صالح: ${rec.published.slice(0, 40)}` } };
    }
  }
  const title = typeof rec.title === 'string' ? rec.title : undefined;
  return { id, input: { text, ...reference, ...(title !== undefined ? { title } : {}) } };
}

/** The output line (without its newline) of a line started by {@link startLine}: the who step and the brief run here; never throws. */
export function finishLine(start: LineStart): string {
  let out: Record<string, unknown>;
  if ('done' in start) out = start.done;
  else {
    try {
      const { id: _unused, ...result } = analyzeBack(start.input, start.front);
      out = { id: start.id, ...result }; // the input's id as given (a number stays a number), first as in the contract
    } catch (err) {
      out = internalError(err);
    }
  }
  return jsonSafe(JSON.stringify(out));
}

/** The output line of one --jsonl input line (without its newline); never throws. */
export function resultLine(line: string, fallback: Reference): string {
  return finishLine(startLine(line, fallback));
}

/** Lines handed to a thread at a time; an input no longer than this is analysed without starting threads. */
const BATCH = 16;
/** Batches a worker thread holds at once: enough to stay busy while this thread analyses one. */
const DEPTH = 2;
/** Batches the front thread of two holds while it starts. */
const FRONT_DEPTH = 4;

/** Lets messages from worker threads in (their answers), between batches this thread analyses. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** How batches of lines are computed: a batch to a worker thread, or null when this thread should do it. */
type Sender = (lines: string[]) => Promise<string[]> | null;

/**
 * The threads that take batches, besides this one. Two threads split each article's steps: a
 * worker runs the steps before the who step (startLine) and this thread the who step and the
 * brief (finishLine), so the who step, whose word caches and compiled code take the longest to
 * warm up, warms up once. More threads each analyse whole batches (each warming up on its own).
 */
function startPool(jobs: number, fallback: Reference, inline: (lines: string[]) => string[]): { send: Sender; close: () => Promise<void> } {
  if (jobs === 2) {
    const pool = createLinePool<LineStart>(1, fallback, (lines) => lines.map((line) => startLine(line, fallback)), undefined, 'front');
    // Until the worker's first answer (it loads the modules first), this thread analyses the
    // batches it cannot take; from then on the worker, much the lighter part, stays ahead.
    let ready = false;
    const finish = (starts: LineStart[]): string[] => {
      ready = true;
      return starts.map(finishLine);
    };
    return { send: (lines) => (ready || pool.hasRoom(FRONT_DEPTH) ? pool.run(lines).then(finish) : null), close: () => pool.close() };
  }
  const pool = createLinePool(jobs - 1, fallback, inline);
  return { send: (lines) => (pool.hasRoom(DEPTH) ? pool.run(lines) : null), close: () => pool.close() };
}

/**
 * Batches of output lines written in input order, each as soon as it and every batch before it are
 * computed (a batch a worker thread finishes is written without waiting for the next input line).
 */
function orderedOutput(out: Writable): { add(lines: string[] | Promise<string[]>): void; held(most: number): Promise<void> } {
  const slots: { lines: string[] | undefined; written: Promise<void> }[] = [];
  let writing = Promise.resolve();
  const writeReady = (): Promise<void> =>
    (writing = writing.then(async () => {
      while (slots[0]?.lines) for (const line of slots.shift()!.lines!) await write(out, `${line}\n`);
    }));
  return {
    add(lines) {
      const slot: (typeof slots)[number] = { lines: undefined, written: Promise.resolve() };
      slot.written = Promise.resolve(lines).then((done) => {
        slot.lines = done;
        return writeReady();
      });
      slot.written.catch(() => {}); // awaited by held(); a write error surfaces there
      slots.push(slot);
    },
    // Waits until at most `most` batches are left unwritten (0: all written).
    async held(most) {
      while (slots.length > most) await slots[0]!.written;
    },
  };
}

/**
 * Many articles, one JSON object a line, streamed: one result a line, in order. With N jobs, N - 1
 * worker threads of this process (startPool) take batches of lines, and this thread analyses the
 * batches that find them all busy, between reading the next lines: no thread idle while the
 * others work.
 */
async function runLines(args: AnalyzeArgs, io: CliIO): Promise<number> {
  if (args.json) throw new UsageError('--json و--jsonl لا يجتمعان');
  const fallback = defaultReference(args, io);
  let input: Readable = io.stdin;
  if (args.file !== undefined && args.file !== '-') {
    const { createReadStream } = await import('node:fs');
    const stream = createReadStream(args.file);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (err: NodeJS.ErrnoException) =>
        reject(new UsageError(err.code === 'ENOENT' ? `الملف غير موجود: ${args.file}` : `تعذرت قراءة الملف ${args.file}: ${err.code}`)),
      );
    });
    input = stream;
  }
  const jobs = args.jobs ?? defaultJobs(availableParallelism());
  const inline = (batch: string[]): string[] => batch.map((line) => resultLine(line, fallback));
  let pool: { send: Sender; close: () => Promise<void> } | undefined;
  const output = orderedOutput(io.stdout);
  // A batch to a worker thread with room, else analysed here (then the workers' answers are let in).
  const dispatch = async (lines: string[]): Promise<void> => {
    const sent = pool?.send(lines);
    if (sent) output.add(sent);
    else {
      output.add(inline(lines));
      if (pool) await yieldToEvents();
    }
  };
  let batch: string[] = [];
  try {
    for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
      const line = raw.trim();
      if (line === '') continue;
      batch.push(line);
      if (batch.length < BATCH) continue;
      if (jobs > 1) pool ??= startPool(jobs, fallback, inline);
      await dispatch(batch);
      batch = [];
      await output.held(pool ? 4 * jobs : 0);
    }
    if (batch.length > 0) await dispatch(batch);
    await output.held(0);
  } finally {
    await pool?.close();
  }
  return 0;
}

/** The `analyze` subcommand. */
export const analyzeCommand: Subcommand = {
  summary: 'يحلل خبرًا: الموجز والخط الزمني ومن هو من',
  usage: 'mojaz analyze FILE|- [--date YYYY-MM-DD] [--title T] [--json] | mojaz analyze --jsonl [--jobs N]',
  async run(argv, io) {
    const args = parseAnalyzeArgs(argv);
    if (args.help) {
      await write(io.stdout, `${this.usage}\n`);
      return 0;
    }
    return args.jsonl ? runLines(args, io) : runOne(args, io);
  },
};
