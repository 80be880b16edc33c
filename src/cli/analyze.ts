/**
 * `mojaz analyze`: one article from a file or standard input, printed as readable Arabic or as the
 * JSON of docs/ANALYSIS.md; or, with --jsonl, a stream of articles, one JSON object a line.
 */
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Analysis, EntityType } from '../core/types.ts';
import { analyze, parsePublished, InvalidDateError, type Reference } from '../core/analyze.ts';
import { dayAndTime, referenceFor } from '../core/reference.ts';
import { loadConfig } from '../config.ts';
import type { CliIO, Subcommand } from './types.ts';
import { UsageError, decodeText, hasArabic, terminalSafe, toArticleText } from './input.ts';
import { BIDI_CONTROLS } from '../messages/render/bidi.ts';
import { createLinePool, type LinePool } from './analyze-pool.ts';

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
 * The threads --jsonl runs by default on `cores` cores, this one included. Each thread warms up on
 * its own (JIT, the tagger's word cache): over the 3,106 ANT articles a second thread costs about
 * half again the CPU of one (11.3–12.4 s against 7.3–8.1 s, both pinned to one core), so on two
 * cores it gains at most a quarter when the other core is idle and loses when it is not: one
 * thread there; on more cores, one per core.
 */
export function defaultJobs(cores: number): number {
  return cores <= 2 ? 1 : Math.min(cores, MAX_JOBS);
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

/** The result of one --jsonl line: the analysis, or an error, with the line's id either way. */
export function analyzeLine(line: string, fallback: Reference): Record<string, unknown> {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    return { id: null, error: 'سطر JSON غير صالح' };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return { id: null, error: 'السطر ليس كائن JSON' };
  const rec = obj as Record<string, unknown>;
  const id = rec.id ?? null;
  if (typeof rec.text !== 'string') return { id, error: 'الحقل text مفقود أو ليس نصًا' };
  const text = toArticleText(rec.text);
  if (text.trim() === '') return { id, error: 'النص فارغ' };
  let reference = fallback;
  if (rec.published !== undefined && rec.published !== null && rec.published !== '') {
    if (typeof rec.published !== 'string') return { id, error: 'الحقل published ليس نصًا' };
    try {
      reference = parsePublished(rec.published);
    } catch {
      return { id, error: `تاريخ نشر غير صالح: ${rec.published.slice(0, 40)}` };
    }
  }
  const title = typeof rec.title === 'string' ? rec.title : undefined;
  const { id: _unused, ...result } = analyze({ text, ...reference, ...(title !== undefined ? { title } : {}) });
  return { id, ...result }; // the input's id as given (a number stays a number), first as in the contract
}

/** The output line of one --jsonl input line (without its newline); never throws. */
export function resultLine(line: string, fallback: Reference): string {
  let out: Record<string, unknown>;
  try {
    out = analyzeLine(line, fallback);
  } catch (err) {
    out = { id: null, error: `خطأ داخلي: ${err instanceof Error ? err.message : String(err)}` };
  }
  return jsonSafe(JSON.stringify(out));
}

/** Lines handed to a thread at a time; an input no longer than this is analysed without starting threads. */
const BATCH = 16;
/** Batches a worker thread holds at once: enough to stay busy while this thread analyses one. */
const DEPTH = 2;

/** Lets messages from worker threads in (their answers), between batches this thread analyses. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Many articles, one JSON object a line, streamed: one result a line, in order. With N jobs, N - 1
 * worker threads of this process (analyze-pool.ts) take batches of lines, and this thread analyses
 * the batches that find them all busy, between reading the next lines: on two cores, one worker
 * and this thread, with no thread idle while the others work.
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
  let pool: LinePool | undefined;
  // Batches in input order, each its output lines once computed; at most a few per thread in flight.
  const queue: Promise<string[]>[] = [];
  const flush = async (keep: number): Promise<void> => {
    while (queue.length > keep) for (const out of await queue.shift()!) await write(io.stdout, `${out}\n`);
  };
  // A batch to a worker thread with room, else analysed here (then the workers' answers are let in).
  const dispatch = async (lines: string[]): Promise<void> => {
    if (pool?.hasRoom(DEPTH)) queue.push(pool.run(lines));
    else {
      queue.push(Promise.resolve(inline(lines)));
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
      if (jobs > 1) pool ??= createLinePool(jobs - 1, fallback, inline);
      await dispatch(batch);
      batch = [];
      await flush(pool ? 4 * jobs : 0);
    }
    if (batch.length > 0) await dispatch(batch);
    await flush(0);
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
