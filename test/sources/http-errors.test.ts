import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { arabicSeconds, fetchErrors, FetchError, isSourceError, pageErrors, SourceError } from '../../src/sources/errors.ts';

describe('Arabic error messages', () => {
  it('GIVEN the default 10 s timeout THEN the message reads exactly as the product wants', () => {
    assert.equal(
      fetchErrors.timeout(10_000).userMessage,
      'تعذّر فتح الرابط: الموقع لم يستجب خلال 10 ثوانٍ. جرّب لاحقًا أو الصق نص الخبر مباشرة.',
    );
  });

  const seconds: Array<[number, string]> = [
    [1, 'ثانية واحدة'],
    [2, 'ثانيتين'],
    [3, '3 ثوانٍ'],
    [10, '10 ثوانٍ'],
    [11, '11 ثانية'],
    [30, '30 ثانية'],
  ];
  for (const [n, want] of seconds) {
    it(`GIVEN ${n} seconds THEN "${want}"`, () => assert.equal(arabicSeconds(n), want));
  }

  const statuses: Array<[number, RegExp]> = [
    [404, /غير موجودة \(404\)/],
    [410, /غير موجودة \(410\)/],
    [403, /للمشتركين فقط/],
    [429, /يحدّ من عدد الطلبات/],
    [500, /عطلًا \(500\)/],
    [418, /ردّ بخطأ \(418\)/],
  ];
  for (const [status, want] of statuses) {
    it(`GIVEN HTTP ${status} THEN the message explains it`, () => {
      const err = fetchErrors.httpStatus(status);
      assert.equal(err.status, status);
      assert.match(err.userMessage, want);
    });
  }

  it('GIVEN every error builder THEN each is a SourceError with an Arabic message that suggests what to do', () => {
    const all: SourceError[] = [
      fetchErrors.badUrl('x'),
      fetchErrors.blocked('internal.example'),
      fetchErrors.timeout(10_000),
      fetchErrors.tooLarge(5_000_000),
      fetchErrors.tooManyRedirects('loop'),
      fetchErrors.httpStatus(404),
      fetchErrors.notText('image/png'),
      fetchErrors.hostNotFound(undefined),
      fetchErrors.network('ECONNREFUSED'),
      pageErrors.notHtml('application/pdf'),
      pageErrors.noArticle('https://example.com/'),
    ];
    for (const err of all) {
      assert.ok(isSourceError(err), err.code);
      assert.match(err.userMessage, /[\u0600-\u06FF]/, err.code);
      assert.match(err.userMessage, /الصق نص الخبر|أرسل رابط|جرّب/, err.code);
      assert.doesNotMatch(err.userMessage, /internal\.example|ECONNREFUSED|https?:\/\//, err.code);
    }
    assert.ok(all[0] instanceof FetchError);
    assert.match(fetchErrors.tooLarge(5_000_000).userMessage, /5 ميغابايت/);
  });
});
