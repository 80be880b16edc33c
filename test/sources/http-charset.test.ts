import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { charsetFromContentType, charsetFromDocument, decodeBody } from '../../src/sources/charset.ts';

const AR = 'السلام عليكم';
// The same words in windows-1256 and in ISO-8859-6.
const WIN1256 = Buffer.from([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3, 0x20, 0xda, 0xe1, 0xed, 0xdf, 0xe3]);
const ISO88596 = Buffer.from([0xc7, 0xe4, 0xd3, 0xe4, 0xc7, 0xe5, 0x20, 0xd9, 0xe4, 0xea, 0xe3, 0xe5]);
const ascii = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('decodeBody', () => {
  const cases: Array<[string, Buffer, string | undefined, string, string]> = [
    // [what, bytes, content-type, expected charset, expected text]
    ['plain UTF-8, no hints', Buffer.from(AR), undefined, 'utf-8', AR],
    ['UTF-8 BOM is stripped', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(AR)]), undefined, 'utf-8', AR],
    ['UTF-16LE BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(AR, 'utf16le')]), 'text/plain', 'utf-16le', AR],
    ['BOM beats the header', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(AR)]), 'text/html; charset=windows-1256', 'utf-8', AR],
    ['header charset', WIN1256, 'text/html; charset=windows-1256', 'windows-1256', AR],
    ['quoted header charset, odd case', WIN1256, 'text/html; Charset="Windows-1256"', 'windows-1256', AR],
    ['cp1256 alias', WIN1256, 'text/plain; charset=cp1256', 'windows-1256', AR],
    ['ISO-8859-6', ISO88596, 'text/plain; charset=iso-8859-6', 'iso-8859-6', AR],
    [
      'meta charset',
      Buffer.concat([ascii('<html><head><meta charset=windows-1256>'), WIN1256]),
      'text/html',
      'windows-1256',
      `<html><head><meta charset=windows-1256>${AR}`,
    ],
    [
      'meta http-equiv',
      Buffer.concat([ascii('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'), WIN1256]),
      undefined,
      'windows-1256',
      `<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">${AR}`,
    ],
    [
      'XML declaration',
      Buffer.concat([ascii('<?xml version="1.0" encoding="windows-1256"?><t>'), WIN1256]),
      'application/rss+xml',
      'windows-1256',
      `<?xml version="1.0" encoding="windows-1256"?><t>${AR}`,
    ],
    [
      'header beats meta',
      Buffer.concat([ascii('<meta charset="utf-8">'), WIN1256]),
      'text/html; charset=windows-1256',
      'windows-1256',
      `<meta charset="utf-8">${AR}`,
    ],
    ['unknown header label falls back to UTF-8', Buffer.from(AR), 'text/html; charset=x-no-such', 'utf-8', AR],
    [
      'unknown meta label falls back to UTF-8',
      Buffer.from(`<meta charset="klingon">${AR}`),
      undefined,
      'utf-8',
      `<meta charset="klingon">${AR}`,
    ],
    [
      'a UTF-16 meta in ASCII markup is read as UTF-8',
      Buffer.from(`<meta charset="utf-16">${AR}`),
      undefined,
      'utf-8',
      `<meta charset="utf-16">${AR}`,
    ],
  ];
  for (const [what, bytes, contentType, charset, text] of cases) {
    it(`GIVEN ${what} THEN decodes as ${charset}`, () => {
      const out = decodeBody(bytes, contentType);
      assert.equal(out.charset, charset);
      assert.equal(out.text, text);
    });
  }

  it('GIVEN invalid UTF-8 bytes THEN replaces them instead of throwing', () => {
    const out = decodeBody(Buffer.from([0x61, 0xff, 0x62]), 'text/plain; charset=utf-8');
    assert.equal(out.text, 'a\uFFFDb');
  });
});

describe('charset hints', () => {
  it('GIVEN Content-Type values THEN extracts the charset parameter', () => {
    assert.equal(charsetFromContentType('text/html; charset=UTF-8'), 'UTF-8');
    assert.equal(charsetFromContentType('text/html;charset="windows-1256"; foo=bar'), 'windows-1256');
    assert.equal(charsetFromContentType('text/html'), undefined);
    assert.equal(charsetFromContentType(undefined), undefined);
    assert.equal(charsetFromContentType('text/html; charset='), undefined);
  });

  it('GIVEN a declaration beyond the first 4 KB THEN ignores it', () => {
    const late = Buffer.from(`${' '.repeat(5000)}<meta charset="windows-1256">`);
    assert.equal(charsetFromDocument(late), undefined);
  });
});
