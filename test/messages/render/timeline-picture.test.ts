import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  PICTURE_WIDTH,
  renderTimelinePicture,
  textWidth,
  timelineSvg,
  wrapLines,
  type TimelinePicture,
} from '../../../src/messages/render/timeline-picture.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const PICTURE: TimelinePicture = {
  title: 'هجوم صاروخي على السفارة الأميركية في بغداد',
  entries: [
    { date: '17 أكتوبر 2023', event: 'أحصت واشنطن 78 هجومًا ضدّ قواتها في العراق وسوريا' },
    { date: '3 ديسمبر 2023', event: 'شنّ التحالف الدولي ضربة جوية على خمسة مسلحين قرب كركوك' },
    { date: '8 ديسمبر 2023', event: 'قال Joe Biden إن الهجوم على السفارة الأميركية «لن يمر دون رد»' },
  ],
  source: 'المصدر: وكالة الأنباء العراقية (INA)، Reuters',
  empty: 'لم أجد أحداثًا مؤرخة في هذا المقال.',
};

describe('timeline picture', async () => {
  it('GIVEN a timeline THEN a PNG of the stated width and height comes out', async () => {
    const picture = await renderTimelinePicture(PICTURE);
    assert.deepEqual([...picture.png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.deepEqual(pngSize(picture.png), { width: PICTURE_WIDTH, height: picture.height });
    assert.equal(picture.width, PICTURE_WIDTH);
    assert.ok(picture.height > 300 && picture.height < 1000, String(picture.height));
    // Not a blank page: drawn text and dots make the PNG far larger than an empty white one.
    assert.ok(picture.png.length > 10_000, String(picture.png.length));
  });

  it('GIVEN one more event or one changed word THEN the picture changes', async () => {
    const base = await renderTimelinePicture(PICTURE);
    const longer = await renderTimelinePicture({ ...PICTURE, entries: [...PICTURE.entries, { date: '9 ديسمبر 2023', event: 'أعلنت الحكومة العراقية فتح تحقيق' }] });
    assert.ok(longer.height > base.height);
    const changed = await renderTimelinePicture({
      ...PICTURE,
      entries: PICTURE.entries.map((e, i) => (i === 0 ? { ...e, event: e.event.replace('78', '79') } : e)),
    });
    assert.equal(changed.height, base.height);
    assert.notDeepEqual(Buffer.from(changed.png), Buffer.from(base.png));
  });

  it('GIVEN no events THEN the picture says so instead of drawing an axis', async () => {
    const { svg } = timelineSvg({ ...PICTURE, entries: [] });
    assert.match(svg, /لم أجد أحداثًا مؤرخة/u);
    assert.doesNotMatch(svg, /<circle/u);
    assert.ok((await renderTimelinePicture({ ...PICTURE, entries: [] })).png.length > 0);
  });

  it('GIVEN text with markup characters THEN the SVG escapes them and wraps each line right to left', async () => {
    const { svg } = timelineSvg({ ...PICTURE, title: 'خبر <عاجل> & "مهم"' });
    assert.match(svg, /خبر &lt;عاجل&gt; &amp; &quot;مهم&quot;/u);
    const lines = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/gu)].map((m) => m[1]!);
    assert.ok(lines.length >= 8);
    for (const text of lines) assert.ok(text.startsWith('\u202B') && text.endsWith('\u202C'), JSON.stringify(text));
    assert.equal((svg.match(/<circle/gu) ?? []).length, PICTURE.entries.length);
  });

  it('GIVEN a long text THEN it wraps at words within the width, and a cut last line ends in "…"', async () => {
    const text = 'أعلنت وزارة الداخلية العراقية في بيان صدر مساء الجمعة أنها اعتقلت خمسة مشتبه بهم في الهجوم الصاروخي على السفارة '.repeat(4);
    const lines = wrapLines(text, 22, 600, 3);
    assert.equal(lines.length, 3);
    for (const line of lines) assert.ok(textWidth(line) * 22 <= 600, line);
    assert.match(lines[2]!, / …$/u);
    assert.deepEqual(wrapLines('كلمة', 22, 600, 3), ['كلمة']);
    assert.deepEqual(wrapLines('  ', 22, 600, 3), []);
  });

  it('GIVEN Latin capitals and digits THEN they count wider than Arabic letters, marks count nothing', async () => {
    assert.ok(textWidth('ABCD') > textWidth('ابتث'));
    assert.equal(textWidth('هجومًا'), textWidth('هجوما'));
    assert.ok(textWidth('خبر', true) > textWidth('خبر'));
  });
});
