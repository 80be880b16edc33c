/**
 * The timeline as a picture: dates down a vertical axis on the right, each event under its date,
 * right to left, with the story's title on top and its sources at the bottom. Drawn as SVG and
 * rasterized by resvg (which shapes Arabic: joining, lam-alef, marks) with the bundled Vazirmatn
 * font (OFL, npm `vazirmatn`); system fonts are never loaded, nothing is downloaded.
 *
 * resvg ignores `direction="rtl"`, so every line is wrapped in RIGHT-TO-LEFT EMBEDDING … POP
 * DIRECTIONAL FORMATTING: the Unicode bidi algorithm then orders a line's Latin names and numbers
 * as an Arabic reader expects, and `text-anchor="end"` puts the line's right edge at the margin.
 * Lines are wrapped at words by an estimate of their width (see {@link textWidth}).
 */
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import type { Picture } from '../model.ts';

/** One line of the timeline: its date as shown, and the event. */
export interface PictureEntry {
  date: string;
  event: string;
}

/** What the picture shows. */
export interface TimelinePicture {
  title: string;
  entries: PictureEntry[];
  /** Where the events come from (outlets or a site), shown at the bottom. */
  source?: string;
  /** Shown when there are no entries. */
  empty: string;
  /** "و3 أحداث أخرى" when entries were left out. */
  more?: string;
}

/** Picture width in pixels (Telegram shows photos up to 1280 wide; Discord scales down). */
export const PICTURE_WIDTH = 1000;
const MARGIN = 48;
const AXIS_X = PICTURE_WIDTH - MARGIN - 12;
const TEXT_RIGHT = AXIS_X - 28;
const TEXT_WIDTH = TEXT_RIGHT - MARGIN;
const TITLE_SIZE = 32;
const DATE_SIZE = 24;
const EVENT_SIZE = 22;
const SMALL_SIZE = 18;
const TITLE_LINES = 3;
const EVENT_LINES = 4;

const RLE = '\u202B';
const PDF = '\u202C';

const require = createRequire(import.meta.url);
/** The bundled fonts (npm `vazirmatn`, SIL Open Font License 1.1). */
const FONT_FILES = ['Regular', 'Bold'].map((w) => require.resolve(`vazirmatn/fonts/ttf/Vazirmatn-${w}.ttf`));

/**
 * Estimated width of `text` at font size 1, in em. Measured with resvg on the first 40 ANT
 * articles: Arabic text in Vazirmatn averages 0.40–0.45 em a character; Latin capitals and
 * digits run wider. The estimate errs wide, so a wrapped line never runs past the margin.
 */
export function textWidth(text: string, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (/[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069]/u.test(ch)) continue;
    if (ch === ' ') em += 0.28;
    else if (/[A-Z0-9\u0660-\u0669]/u.test(ch)) em += 0.62;
    else if (/[a-z]/u.test(ch)) em += 0.52;
    else em += 0.47;
  }
  return bold ? em * 1.06 : em;
}

/** `text` cut into lines of at most `width` pixels at `size`, at most `maxLines` (the last ends in "…"). */
export function wrapLines(text: string, size: number, width: number, maxLines: number, bold = false): string[] {
  const words = text.replace(/\s+/gu, ' ').trim().split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, bold) * size > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (textWidth(`${last} …`, bold) * size > width && last.includes(' ')) last = last.slice(0, last.lastIndexOf(' '));
  kept[maxLines - 1] = `${last} …`;
  return kept;
}

/** XML text escaping for SVG content. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** One right-aligned right-to-left line of text at (x, y). */
function line(text: string, x: number, y: number, size: number, fill: string, bold = false): string {
  const weight = bold ? ' font-weight="700"' : '';
  return `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}" text-anchor="end"${weight}>${RLE}${escapeXml(text)}${PDF}</text>`;
}

/** The SVG of the picture (exported for tests; {@link renderTimelinePicture} rasterizes it). */
export function timelineSvg(picture: TimelinePicture): { svg: string; height: number } {
  const parts: string[] = [];
  let y = MARGIN;
  for (const title of wrapLines(picture.title, TITLE_SIZE, PICTURE_WIDTH - 2 * MARGIN, TITLE_LINES, true)) {
    y += TITLE_SIZE * 1.35;
    parts.push(line(title, PICTURE_WIDTH - MARGIN, y, TITLE_SIZE, '#111827', true));
  }
  y += 22;
  parts.push(`<line x1="${MARGIN}" y1="${y}" x2="${PICTURE_WIDTH - MARGIN}" y2="${y}" stroke="#d1d5db" stroke-width="2"/>`);
  y += 18;
  const axisTop = y + 10;
  let lastDot = axisTop;
  if (picture.entries.length === 0) {
    y += EVENT_SIZE * 1.6;
    parts.push(line(picture.empty, TEXT_RIGHT, y, EVENT_SIZE, '#4b5563'));
  }
  for (const entry of picture.entries) {
    y += DATE_SIZE * 1.45;
    lastDot = y - DATE_SIZE * 0.35;
    parts.push(`<circle cx="${AXIS_X}" cy="${lastDot}" r="9" fill="#b91c1c" stroke="#ffffff" stroke-width="3"/>`);
    parts.push(line(entry.date, TEXT_RIGHT, y, DATE_SIZE, '#b91c1c', true));
    for (const text of wrapLines(entry.event, EVENT_SIZE, TEXT_WIDTH, EVENT_LINES)) {
      y += EVENT_SIZE * 1.5;
      parts.push(line(text, TEXT_RIGHT, y, EVENT_SIZE, '#1f2937'));
    }
    y += 14;
  }
  if (picture.entries.length > 0) {
    parts.unshift(`<line x1="${AXIS_X}" y1="${axisTop}" x2="${AXIS_X}" y2="${lastDot}" stroke="#9ca3af" stroke-width="4" stroke-linecap="round"/>`);
  }
  if (picture.more) {
    y += SMALL_SIZE * 1.5;
    parts.push(line(picture.more, TEXT_RIGHT, y, SMALL_SIZE, '#4b5563'));
  }
  y += 20;
  parts.push(`<line x1="${MARGIN}" y1="${y}" x2="${PICTURE_WIDTH - MARGIN}" y2="${y}" stroke="#d1d5db" stroke-width="2"/>`);
  for (const text of wrapLines(picture.source ?? '', SMALL_SIZE, PICTURE_WIDTH - 2 * MARGIN - 120, 2)) {
    y += SMALL_SIZE * 1.5;
    parts.push(line(text, PICTURE_WIDTH - MARGIN, y, SMALL_SIZE, '#4b5563'));
  }
  parts.push(
    `<text x="${MARGIN}" y="${y}" font-size="${SMALL_SIZE}" fill="#9ca3af" text-anchor="start" font-weight="700">${RLE}موجز · mojaz${PDF}</text>`,
  );
  const height = Math.ceil(y + MARGIN);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PICTURE_WIDTH}" height="${height}" viewBox="0 0 ${PICTURE_WIDTH} ${height}" font-family="Vazirmatn">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { svg, height };
}

/**
 * Renders the timeline picture as a PNG, off the event loop (resvg's worker thread): a picture
 * takes a fifth of a second or so, which a bot serving other chats should not sit through.
 */
export async function renderTimelinePicture(picture: TimelinePicture): Promise<Picture> {
  const { svg, height } = timelineSvg(picture);
  const rendered = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'Vazirmatn' },
    fitTo: { mode: 'original' },
    logLevel: 'off',
  });
  const png = rendered.asPng();
  return { name: 'timeline.png', png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), width: PICTURE_WIDTH, height };
}
