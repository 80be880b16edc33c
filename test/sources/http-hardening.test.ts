import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import {
  allowList,
  createFetcher,
  FetchError,
  resolveGuarded,
  type FetcherOptions,
  type Lookup,
} from '../../src/sources/http.ts';
import { fetchFailure } from './http-assert.ts';
import { startHttpServer, type TestServer } from '../fakes/http-server.ts';

const AR = '<p>نص الخبر كما كتب، بلا تغيير.</p>';
const base: FetcherOptions = {
  allowHosts: ['127.0.0.1', 'pinned.test'],
  timeoutMs: 3000,
  maxBytes: 1_000_000,
  maxRedirects: 3,
  userAgent: 'mojaz-test/1',
  lookup: async () => [{ address: '127.0.0.1', family: 4 }],
};


describe('fetcher hardening against a loopback server', () => {
  let server: TestServer;
  const arabicPath = '/ar/article/هجوم-نيس';
  const encodedPath = new URL(`http://x${arabicPath}`).pathname;
  before(async () => {
    server = await startHttpServer({
      '/gzip': { headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }, body: gzipSync(AR) },
      '/br': { headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' }, body: brotliCompressSync(AR) },
      '/bomb': {
        headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' },
        body: gzipSync(Buffer.alloc(10_000_000, 0x20)),
      },
      '/drip': { headers: { 'content-type': 'text/html' }, stream: { chunk: 'x'.repeat(1024), count: 100, intervalMs: 50 } },
      '/reset': {
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
          res.write('partial');
          setTimeout(() => res.socket?.destroy(), 20);
        },
      },
      [encodedPath]: { headers: { 'content-type': 'text/html; charset=utf-8' }, body: AR },
      '/utf8-location': {
        handler: (_req, res) => {
          // Raw UTF-8 bytes on the wire, as many servers send them.
          res.writeHead(302, { location: Buffer.from(arabicPath, 'utf8').toString('latin1') }).end();
        },
      },
      '/no-location': { status: 302, body: '' },
      '/untyped': { body: AR },
      '/octet': { headers: { 'content-type': 'application/octet-stream' }, body: 'x' },
      '/to-ok': { redirect: '/untyped' },
      '/cookie-check': {
        handler: (req, res) => {
          if (req.headers.cookie === 'seen=1') res.writeHead(200, { 'content-type': 'text/html' }).end(AR);
          else res.writeHead(302, { location: '/cookie-check', 'set-cookie': 'seen=1; Path=/; HttpOnly' }).end();
        },
      },
      '/cookie-elsewhere': {
        handler: (req, res) => {
          const other = `http://pinned.test:${req.socket.localPort}/echo-cookie`;
          res.writeHead(302, { location: other, 'set-cookie': 'secret=abc' }).end();
        },
      },
      '/echo-cookie': { handler: (req, res) => res.writeHead(200).end(`cookie:${req.headers.cookie ?? 'none'}`) },
    });
  });
  after(() => server.close());

  it('GIVEN a gzip or brotli body THEN decodes it', async () => {
    assert.equal((await createFetcher(base).get(server.url('/gzip'))).text, AR);
    assert.equal((await createFetcher(base).get(server.url('/br'))).text, AR);
    assert.match(String(server.requests.at(-1)?.headers['accept-encoding']), /gzip/);
  });

  it('GIVEN a small gzip body that inflates past the cap THEN fails with too-large', async () => {
    const err = await fetchFailure(createFetcher(base).get(server.url('/bomb')));
    assert.equal(err.code, 'too-large');
  });

  it('GIVEN a body that drips slower than the deadline THEN times out and hangs up', async () => {
    const before = server.requests.length;
    const err = await fetchFailure(createFetcher({ ...base, timeoutMs: 300 }).get(server.url('/drip')));
    assert.equal(err.code, 'timeout');
    const seen = server.requests[before]!;
    await seen.closed;
    assert.equal(seen.completed, false);
  });

  it('GIVEN DNS that never answers THEN times out', async () => {
    const never: Lookup = () => new Promise(() => {});
    const err = await fetchFailure(createFetcher({ ...base, allowHosts: [], lookup: never, timeoutMs: 100 }).get('http://slow-dns.test/'));
    assert.equal(err.code, 'timeout');
    assert.match(err.userMessage, /ثانية واحدة/);
  });

  it('GIVEN a name that does not resolve THEN fails with network and says the site was not found', async () => {
    const nx: Lookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const err = await fetchFailure(createFetcher({ ...base, lookup: nx }).get('http://no-such-site.test/'));
    assert.equal(err.code, 'network');
    assert.match(err.userMessage, /لم أجد موقعًا بهذا الاسم/);
  });

  it('GIVEN a closed port THEN fails with network without showing the address', async () => {
    const gone = await startHttpServer({});
    const url = gone.url('/');
    await gone.close();
    const err = await fetchFailure(createFetcher(base).get(url));
    assert.equal(err.code, 'network');
    assert.doesNotMatch(err.userMessage, /127\.0\.0\.1|ECONNREFUSED/);
  });

  it('GIVEN a connection reset mid-body THEN fails with network', async () => {
    const err = await fetchFailure(createFetcher(base).get(server.url('/reset')));
    assert.equal(err.code, 'network');
  });

  it('GIVEN an Arabic path THEN sends it percent-encoded and reads the page', async () => {
    const r = await createFetcher(base).get(server.url(arabicPath));
    assert.equal(r.text, AR);
    assert.equal(server.requests.at(-1)?.path, encodedPath);
  });

  it('GIVEN a Location header in raw UTF-8 THEN follows it to the right page', async () => {
    const r = await createFetcher(base).get(server.url('/utf8-location'));
    assert.equal(r.text, AR);
    assert.equal(new URL(r.url).pathname, encodedPath);
  });

  it('GIVEN a 3xx without Location THEN fails with http-status', async () => {
    const err = await fetchFailure(createFetcher(base).get(server.url('/no-location')));
    assert.equal(err.code, 'http-status');
    assert.equal(err.status, 302);
  });

  it('GIVEN maxRedirects 0 THEN any redirect fails', async () => {
    const err = await fetchFailure(createFetcher({ ...base, maxRedirects: 0 }).get(server.url('/to-ok')));
    assert.equal(err.code, 'too-many-redirects');
  });

  it('GIVEN no Content-Type THEN treats the body as text; GIVEN octet-stream THEN not-text', async () => {
    const r = await createFetcher(base).get(server.url('/untyped'));
    assert.equal(r.contentType, '');
    assert.equal(r.text, AR);
    assert.equal((await fetchFailure(createFetcher(base).get(server.url('/octet')))).code, 'not-text');
  });

  it('GIVEN a per-request maxBytes below the body THEN fails with too-large', async () => {
    const err = await fetchFailure(createFetcher(base).get(server.url('/untyped'), { maxBytes: 10 }));
    assert.equal(err.code, 'too-large');
  });

  it('GIVEN a cookie-check redirect back to the same URL THEN sends the cookie and gets the page', async () => {
    const r = await createFetcher(base).get(server.url('/cookie-check'));
    assert.equal(r.text, AR);
  });

  it('GIVEN a cookie set by one host THEN it is not sent to another', async () => {
    const r = await createFetcher(base).get(server.url('/cookie-elsewhere'));
    assert.equal(r.text, 'cookie:none');
  });

  it('GIVEN a name only the injected DNS knows THEN connects to the checked address, resolving once per hop', async () => {
    const calls: string[] = [];
    const lookup: Lookup = async (host) => {
      calls.push(host);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const url = server.url('/to-ok').replace('127.0.0.1', 'pinned.test');
    const r = await createFetcher({ ...base, lookup }).get(url);
    assert.equal(r.text, AR);
    assert.deepEqual(calls, ['pinned.test', 'pinned.test']);
  });
});

describe('resolveGuarded (no connection is made)', () => {
  const dns =
    (...addresses: string[]): Lookup =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const);
  const cases: Array<[string, string, string[], string[], string]> = [
    // [what, url, allowHosts, resolved addresses, expected address or error code]
    ['one public address', 'https://news.example/', [], ['93.184.216.34'], '93.184.216.34'],
    ['public IPv6', 'https://news.example/', [], ['2606:2800:220:1:248:1893:25c8:1946'], '2606:2800:220:1:248:1893:25c8:1946'],
    ['public then private (rebinding bait)', 'https://news.example/', [], ['93.184.216.34', '10.0.0.1'], 'blocked-address'],
    ['metadata address', 'http://metadata.example/', [], ['169.254.169.254'], 'blocked-address'],
    ['CGNAT', 'http://isp.example/', [], ['100.64.1.1'], 'blocked-address'],
    ['IPv4-mapped private', 'http://mapped.example/', [], ['::ffff:192.168.1.1'], 'blocked-address'],
    ['unique-local IPv6', 'http://ula.example/', [], ['fd00::1'], 'blocked-address'],
    ['no addresses', 'http://empty.example/', [], [], 'network'],
    ['allowed host with a private address', 'http://intranet.example/', ['Intranet.Example'], ['10.0.0.5'], '10.0.0.5'],
    ['literal private IP, not allowed', 'http://192.168.0.10/', [], [], 'blocked-address'],
    ['literal metadata IP in hex', 'http://0xa9fea9fe/', [], [], 'blocked-address'],
    ['literal IPv6 loopback allowed', 'http://[::1]/', ['[::1]'], [], '::1'],
  ];
  for (const [what, url, allow, addresses, want] of cases) {
    it(`GIVEN ${what} THEN ${want}`, async () => {
      const work = resolveGuarded(new URL(url), allowList(allow), dns(...addresses));
      if (/^[a-z-]+$/.test(want)) {
        await assert.rejects(work, (err: unknown) => err instanceof FetchError && err.code === want);
      } else {
        assert.equal((await work).address, want);
      }
    });
  }
});
