import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createFetcher, type FetcherOptions, type Lookup } from '../../src/sources/http.ts';
import { fetchFailure } from './http-assert.ts';
import { startHttpServer, type TestServer } from '../fakes/http-server.ts';

/** Fake DNS: names used by these tests; everything else is "not found". */
const fakeDns: Lookup = async (hostname) => {
  const table: Record<string, string> = { 'news.test': '127.0.0.1', 'intranet.test': '127.0.0.1' };
  const address = table[hostname];
  if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return [{ address, family: 4 }];
};

const base: FetcherOptions = {
  allowHosts: ['127.0.0.1', 'localhost', 'news.test'],
  timeoutMs: 3000,
  maxBytes: 1_000_000,
  maxRedirects: 3,
  userAgent: 'mojaz-test/1',
  lookup: fakeDns,
};


const AR_PAGE = '<html><head><title>خبر</title></head><body><p>نص الخبر</p></body></html>';
// "السلام عليكم" in windows-1256.
const WIN1256 = Buffer.from([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3, 0x20, 0xda, 0xe1, 0xed, 0xdf, 0xe3]);

describe('fetcher against a loopback server', () => {
  let server: TestServer;
  before(async () => {
    server = await startHttpServer((origin) => ({
      '/ok': { headers: { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' }, body: AR_PAGE },
      '/cond': {
        handler: (req, res) => {
          if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
          else res.writeHead(200, { 'content-type': 'text/xml', etag: '"v1"' }).end('<rss/>');
        },
      },
      '/since': {
        handler: (req, res) => {
          const since = req.headers['if-modified-since'];
          if (since === 'Fri, 08 Dec 2023 10:00:00 GMT') res.writeHead(304).end();
          else res.writeHead(200, { 'last-modified': 'Fri, 08 Dec 2023 10:00:00 GMT' }).end('x');
        },
      },
      '/win1256': { headers: { 'content-type': 'text/html; charset=windows-1256' }, body: WIN1256 },
      '/meta1256': {
        headers: { 'content-type': 'text/html' },
        body: Buffer.concat([Buffer.from('<html><head><meta charset="windows-1256"></head><body>'), WIN1256]),
      },
      '/hop1': { redirect: '/hop2' },
      '/hop2': { redirect: origin.replace('127.0.0.1', 'news.test') + '/ok', status: 301 },
      '/loop-a': { redirect: '/loop-b' },
      '/loop-b': { redirect: '/loop-a' },
      '/chain1': { redirect: '/chain2' },
      '/chain2': { redirect: '/chain3' },
      '/chain3': { redirect: '/chain4' },
      '/chain4': { redirect: '/chain5' },
      '/chain5': { body: 'end' },
      '/to-loopback-name': { redirect: origin.replace('127.0.0.1', 'intranet.test') + '/ok' },
      '/to-loopback-ip': { redirect: origin.replace('127.0.0.1', '127.0.0.2') + '/ok' },
      '/to-file': { redirect: 'file:///etc/passwd' },
      '/huge': {
        headers: { 'content-type': 'text/html' },
        stream: { chunk: Buffer.alloc(64 * 1024, 0x61), count: 320 },
      },
      '/huge-declared': { headers: { 'content-type': 'text/html', 'content-length': '20000000' }, body: '' },
      '/slow': { delayMs: 10_000, body: 'late' },
      '/image': { headers: { 'content-type': 'image/png' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
      '/missing': { status: 404, body: 'nope' },
      '/broken': { status: 503, body: 'down' },
    }));
  });
  after(() => server.close());
  const fix = (path: string): string => server.url(path);

  it('GIVEN a UTF-8 page THEN returns decoded text, status, type, charset and ETag', async () => {
    const r = await createFetcher(base).get(fix('/ok'));
    assert.equal(r.status, 200);
    assert.equal(r.notModified, false);
    assert.equal(r.text, AR_PAGE);
    assert.equal(r.contentType, 'text/html');
    assert.equal(r.charset, 'utf-8');
    assert.equal(r.etag, '"v1"');
    assert.equal(server.requests.at(-1)?.headers['user-agent'], 'mojaz-test/1');
  });

  it('GIVEN an ETag the server still has THEN sends If-None-Match and reports notModified', async () => {
    const r = await createFetcher(base).get(fix('/cond'), { etag: '"v1"' });
    assert.equal(r.status, 304);
    assert.equal(r.notModified, true);
    assert.equal(r.text, '');
    assert.equal(server.requests.at(-1)?.headers['if-none-match'], '"v1"');
  });

  it('GIVEN a Last-Modified date THEN sends If-Modified-Since and reports notModified', async () => {
    const first = await createFetcher(base).get(fix('/since'));
    assert.equal(first.lastModified, 'Fri, 08 Dec 2023 10:00:00 GMT');
    const again = await createFetcher(base).get(fix('/since'), { lastModified: first.lastModified });
    assert.equal(again.notModified, true);
  });

  it('GIVEN a windows-1256 Content-Type THEN decodes the Arabic text', async () => {
    const r = await createFetcher(base).get(fix('/win1256'));
    assert.equal(r.charset, 'windows-1256');
    assert.equal(r.text, 'السلام عليكم');
  });

  it('GIVEN only a <meta charset> THEN decodes with it', async () => {
    const r = await createFetcher(base).get(fix('/meta1256'));
    assert.equal(r.charset, 'windows-1256');
    assert.ok(r.text.endsWith('السلام عليكم'));
  });

  it('GIVEN redirects within the cap THEN follows them and reports the final URL', async () => {
    const r = await createFetcher(base).get(fix('/hop1'));
    assert.equal(r.url, fix('/ok').replace('127.0.0.1', 'news.test'));
    assert.equal(r.text, AR_PAGE);
  });

  it('GIVEN a redirect loop THEN fails with too-many-redirects', async () => {
    const err = await fetchFailure(createFetcher({ ...base, maxRedirects: 10 }).get(fix('/loop-a')));
    assert.equal(err.code, 'too-many-redirects');
    assert.match(err.userMessage, /تعذّر فتح الرابط/);
  });

  it('GIVEN more redirects than maxRedirects THEN fails with too-many-redirects', async () => {
    const err = await fetchFailure(createFetcher(base).get(fix('/chain1')));
    assert.equal(err.code, 'too-many-redirects');
    const ok = await createFetcher({ ...base, maxRedirects: 4 }).get(fix('/chain1'));
    assert.equal(ok.text, 'end');
  });

  it('GIVEN a redirect to a name that resolves to loopback and is not allowed THEN refuses it', async () => {
    const err = await fetchFailure(createFetcher(base).get(fix('/to-loopback-name')));
    assert.equal(err.code, 'blocked-address');
    assert.doesNotMatch(err.userMessage, /127\.|intranet/);
  });

  it('GIVEN a redirect to an internal address THEN refuses it on that hop', async () => {
    const err = await fetchFailure(createFetcher(base).get(fix('/to-loopback-ip')));
    assert.equal(err.code, 'blocked-address');
  });

  it('GIVEN a redirect to a file: URL THEN fails with bad-url', async () => {
    const err = await fetchFailure(createFetcher(base).get(fix('/to-file')));
    assert.equal(err.code, 'bad-url');
  });

  it('GIVEN a 20 MB streamed body THEN aborts at the cap and the server sees the connection close early', async () => {
    const before = server.requests.length;
    const err = await fetchFailure(createFetcher(base).get(fix('/huge')));
    assert.equal(err.code, 'too-large');
    const seen = server.requests[before]!;
    await seen.closed;
    assert.equal(seen.completed, false);
    assert.ok(seen.bytesSent < 20 * 1024 * 1024, `server wrote ${seen.bytesSent} bytes`);
  });

  it('GIVEN a Content-Length over the cap THEN fails with too-large before reading', async () => {
    const err = await fetchFailure(createFetcher(base).get(fix('/huge-declared')));
    assert.equal(err.code, 'too-large');
    assert.match(err.userMessage, /ميغابايت/);
  });

  it('GIVEN a server slower than timeoutMs THEN fails with timeout and an Arabic hint', async () => {
    const err = await fetchFailure(createFetcher({ ...base, timeoutMs: 150 }).get(fix('/slow')));
    assert.equal(err.code, 'timeout');
    assert.match(err.userMessage, /لم يستجب خلال/);
  });

  it('GIVEN an image THEN fails with not-text', async () => {
    const err = await fetchFailure(createFetcher(base).get(fix('/image')));
    assert.equal(err.code, 'not-text');
  });

  it('GIVEN error statuses THEN fails with http-status carrying the status', async () => {
    const missing = await fetchFailure(createFetcher(base).get(fix('/missing')));
    assert.equal(missing.code, 'http-status');
    assert.equal(missing.status, 404);
    assert.match(missing.userMessage, /غير موجودة/);
    const broken = await fetchFailure(createFetcher(base).get(fix('/broken')));
    assert.equal(broken.status, 503);
  });

  it('GIVEN a host not in allowHosts THEN the loopback server is refused', async () => {
    const err = await fetchFailure(createFetcher({ ...base, allowHosts: [] }).get(fix('/ok')));
    assert.equal(err.code, 'blocked-address');
    const ok = await createFetcher({ ...base, allowHosts: ['127.0.0.1'] }).get(fix('/ok'));
    assert.equal(ok.status, 200);
  });
});
