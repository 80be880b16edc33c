/**
 * Who-list cases from editor samples 6-8 (test/core/who/README.md): the junk classes fixed in
 * session 12, one row per shape of article.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWho } from '../../../src/core/who/index.ts';
import { segment } from '../../../src/core/text/segment.ts';

function names(text: string): string[] {
  return analyzeWho(text, segment(text)).who.map((e) => e.name);
}

test('GIVEN السلط, the Tunisian plural of سلطة, THEN it is the authorities, never a place', () => {
  const table: string[] = [
    'وطالب المحتجون السلط المعنية بالتدخل العاجل في ولاية القصرين.',
    'احتجاجا على ما اعتبروه "عدم اكتراث السلط المركزية بالصعوبات" في نابل.',
    'تقديم الحد الأدنى من الإمكانيات للسلط المعنية بمكافحة الفساد.',
  ];
  for (const text of table) assert.ok(!names(text).some((n) => /السلط/u.test(n)), text);
});
