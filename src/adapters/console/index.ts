/**
 * The console chat: the same commands in a terminal, one a line from standard input, replies as
 * plain text on standard output. A line that is not a command is briefed (a pasted link or
 * text). Scriptable: `printf '/brief …\n/who\n' | npm start`; ends at end of input.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { ar } from '../../commands/ar.ts';
import { UserError } from '../../commands/errors.ts';
import { parseCommand, runCommand } from '../../commands/registry.ts';
import type { Services } from '../../commands/services.ts';
import type { CommandContext } from '../../commands/types.ts';
import { chatKey } from '../../messages/chat.ts';
import type { Message, Picture } from '../../messages/model.ts';
import { renderPlain } from '../../messages/render/plain.ts';

/** The console's one chat. */
const CONSOLE_CHAT = chatKey({ platform: 'console', id: 'local' });
/** Largest article file `/brief ./file.txt` reads. */
const MAX_FILE_BYTES = 2_000_000;

/** What the console needs. */
export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  services: Services;
  clock?: () => Date;
  /** Where unexpected errors are logged (stderr by default). */
  logError?: (message: string) => void;
  /** Show a prompt and a greeting (for an interactive terminal). */
  interactive?: boolean;
  /** Where files a reply carries (timeline pictures, OPML exports) are written; default: a "mojaz" directory in the system's temp directory. */
  picturesDir?: string;
}

/** Writes `bytes` into `dir` under `name` with a part of their hash before the extension; returns the full path. */
export async function writeFileAttachment(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const full = resolve(dir);
  await mkdir(full, { recursive: true });
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const dot = name.lastIndexOf('.');
  const path = join(full, dot > 0 ? `${name.slice(0, dot)}-${digest}${name.slice(dot)}` : `${name}-${digest}`);
  await writeFile(path, bytes);
  return path;
}

/** Writes `picture` into `dir` under a name from its content; returns the full path. */
function writePicture(dir: string, picture: Picture): Promise<string> {
  return writeFileAttachment(dir, picture.name, picture.png);
}

/**
 * The console's way to send a file with a command: a path to an .opml or .xml file as the last
 * argument ("/feeds import ./subscriptions.opml") becomes the command's attachment.
 */
function fileArgument(args: string): Pick<CommandContext, 'attachment'> {
  const last = /(\S+\.(?:opml|xml))$/iu.exec(args.trim())?.[1];
  if (!last) return {};
  const path = resolve(last.replace(/^~(?=\/)/u, homedir()));
  return {
    attachment: {
      name: last,
      async read(maxBytes) {
        const info = await stat(path).catch(() => undefined);
        if (!info?.isFile()) throw new UserError(ar.opmlNotReadable(last), `cannot read ${last}`);
        return info.size > maxBytes ? undefined : readFile(path, 'utf8');
      },
    },
  };
}

/** Reads a local article file for `/brief ./article.txt` (size-capped). */
export async function readArticleFile(path: string): Promise<string> {
  const full = resolve(path.replace(/^~(?=\/)/u, homedir()));
  const info = await stat(full);
  if (!info.isFile() || info.size > MAX_FILE_BYTES) throw new Error(`not a readable article file: ${path}`);
  return readFile(full, 'utf8');
}

/** A button's console equivalent: the console acts on the last article, so "/timeline" does it. */
export function buttonHint(action: string, label: string): string {
  const name = /^\/?([^\s:]+)/u.exec(action)?.[1] ?? action;
  return `${label}: /${name}`;
}

/** Runs the console chat until the input ends. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { input, output, clock = () => new Date(), interactive = false } = options;
  const picturesDir = options.picturesDir ?? join(tmpdir(), 'mojaz');
  /** A message as terminal text; its picture is written to a file and the path printed after it. */
  const show = async (message: Message): Promise<string> => {
    let text = renderPlain(message, buttonHint);
    if (message.picture) {
      const path = ar.picturePath(await writePicture(picturesDir, message.picture));
      text = text === '' ? path : `${text}\n${path}`;
    }
    if (message.file) {
      const path = ar.filePath(await writeFileAttachment(picturesDir, message.file.name, message.file.bytes));
      text = text === '' ? path : `${text}\n${path}`;
    }
    return text;
  };
  const logError = options.logError ?? ((m: string) => process.stderr.write(`${m}\n`));
  const services: Services = { ...options.services, readLocalFile: readArticleFile };
  const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const write = (text: string): void => void output.write(`${text}\n`);
  const prompt = (): void => {
    if (interactive) output.write('> ');
  };
  if (interactive) write('موجز — اكتب /help للمساعدة، أو الصق رابط مقال أو نصه. (Ctrl+D للخروج)');
  prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      prompt();
      continue;
    }
    const command = parseCommand(line);
    const ctx: CommandContext = {
      platform: 'console',
      chatId: CONSOLE_CHAT,
      userId: 'local',
      args: command ? command.args : line,
      ...(command ? fileArgument(command.args) : {}),
      isAdmin: async () => true,
      now: clock(),
    };
    try {
      const messages = await runCommand(command ? command.name : 'brief', ctx, services);
      const shown: string[] = [];
      for (const message of messages) shown.push(await show(message));
      write(shown.join('\n\n'));
    } catch (err) {
      logError(`console: ${line.slice(0, 40)}… failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      write(ar.apology);
    }
    write('');
    prompt();
  }
}
