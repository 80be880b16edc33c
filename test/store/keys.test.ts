import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { articleKeys, canonicalUrl, contentHash } from '../../src/store/keys.ts';
import { wordsOf } from '../../src/core/text/tokens.ts';

const TEXT = 'قال مسؤول أمني عراقي إن صواريخ سقطت قرب السفارة الأميركية في بغداد فجر الجمعة دون أن تسفر عن إصابات. '.repeat(3);

test('GIVEN an article THEN articleKeys gives its canonical URL, trimmed guid and content hash', () => {
  const cases: { name: string; a: { url?: string; guid?: string; title: string; text: string }; canon: string | undefined; guid: string | undefined }[] = [
    { name: 'link and guid', a: { url: 'https://www.a.example/n/1/?utm_source=x', guid: ' g1 ', title: 'ع', text: TEXT }, canon: 'https://a.example/n/1', guid: 'g1' },
    { name: 'a guid that is a URL and no link', a: { guid: 'https://a.example/n/2', title: 'ع', text: TEXT }, canon: 'https://a.example/n/2', guid: 'https://a.example/n/2' },
    { name: 'blank guid, no link', a: { guid: '  ', title: 'ع', text: TEXT }, canon: undefined, guid: undefined },
  ];
  for (const c of cases) {
    assert.deepEqual(articleKeys(c.a), { canon: c.canon, guid: c.guid, hash: contentHash(c.a.title, c.a.text) }, c.name);
  }
});

test('GIVEN an article whose fields change after its keys were made THEN the keys are made again', () => {
  const a = { url: 'https://a.example/n/1', guid: 'g1', title: 'ع', text: TEXT };
  const first = articleKeys(a);
  assert.equal(articleKeys(a), first, 'the same object, unchanged: the keys made before');
  a.text = `${TEXT} تحديث`;
  assert.equal(articleKeys(a).hash, contentHash(a.title, a.text));
  assert.notEqual(articleKeys(a).hash, first.hash);
  a.url = 'https://a.example/n/9';
  assert.equal(articleKeys(a).canon, canonicalUrl(a.url));
  a.guid = 'g9';
  assert.equal(articleKeys(a).guid, 'g9');
});

test('GIVEN texts hashed again THEN each hash is the one of its words, whether or not the text was hashed before', () => {
  const sha = (basis: string): string => createHash('sha256').update(basis).digest('hex').slice(0, 32);
  const short = 'انفجار في بغداد';
  const cases: { name: string; title: string; text: string; want: string }[] = [
    { name: 'a long text', title: 'أ', text: TEXT, want: sha(wordsOf(TEXT).join(' ')) },
    { name: 'its copy under another title', title: 'عاجل: ب', text: `${TEXT}`, want: sha(wordsOf(TEXT).join(' ')) },
    { name: 'a short text', title: 'أ', text: short, want: sha(`${wordsOf('أ').join(' ')}\n${wordsOf(short).join(' ')}`) },
    { name: 'the short text under another title', title: 'ب', text: short, want: sha(`${wordsOf('ب').join(' ')}\n${wordsOf(short).join(' ')}`) },
  ];
  for (let round = 0; round < 2; round++) {
    for (const c of cases) assert.equal(contentHash(c.title, c.text), c.want, `${c.name}, round ${round}`);
  }
});
