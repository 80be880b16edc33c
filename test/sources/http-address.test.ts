import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { blockedReason, ipv6Bytes } from '../../src/sources/address.ts';
import { createFetcher, FetchError } from '../../src/sources/http.ts';

/** The host part of a URL as the WHATWG parser canonicalizes it (brackets removed). */
const hostOf = (url: string): string => new URL(url).hostname.replace(/^\[|\]$/g, '');

describe('blockedReason', () => {
  const cases: Array<[string, string | undefined]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fc00::1', 'unique local (private)'],
    ['fd12:3456::1', 'unique local (private)'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback (embedded in IPv6)'],
    ['::ffff:7f00:1', 'loopback (embedded in IPv6)'],
    ['::ffff:169.254.169.254', 'link-local (embedded in IPv6)'],
    ['::ffff:10.0.0.1', 'private (embedded in IPv6)'],
    ['64:ff9b::192.168.0.1', 'private (embedded in IPv6)'],
    ['2002:c0a8:0101::1', 'private (embedded in IPv6)'],
    ['not-an-ip', 'not an IP address'],
    // public addresses pass
    ['8.8.8.8', undefined],
    ['172.32.0.1', undefined],
    ['100.128.0.1', undefined],
    ['1.1.1.1', undefined],
    ['2a00:1450:4001:80b::200e', undefined],
    ['::ffff:8.8.8.8', undefined],
  ];
  for (const [address, expected] of cases) {
    it(`GIVEN ${address} THEN ${expected ?? 'public'}`, () => {
      assert.equal(blockedReason(address), expected);
    });
  }
});

describe('odd IPv4 spellings, canonicalized by the URL parser, are classified by their real address', () => {
  const cases: Array<[string, string]> = [
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://017700000001/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://0/', 'unspecified'],
    ['http://0xa.0.0.1/', 'private'],
    ['http://3232235777/', 'private'],
    ['http://0xA9.0xFE.0xA9.0xFE/', 'link-local'],
    ['http://2852039166/', 'link-local'],
    ['http://[::ffff:127.0.0.1]/', 'loopback (embedded in IPv6)'],
    ['http://[0:0:0:0:0:ffff:a9fe:a9fe]/', 'link-local (embedded in IPv6)'],
  ];
  for (const [url, expected] of cases) {
    it(`GIVEN ${url} THEN ${expected}`, () => {
      assert.equal(blockedReason(hostOf(url)), expected);
    });
  }
});

describe('ipv6Bytes', () => {
  it('GIVEN compressed and dotted forms THEN expands to 16 bytes', () => {
    assert.deepEqual(ipv6Bytes('::1'), [...new Array<number>(15).fill(0), 1]);
    assert.deepEqual(ipv6Bytes('::ffff:1.2.3.4')?.slice(10), [0xff, 0xff, 1, 2, 3, 4]);
    assert.equal(ipv6Bytes('1.2.3.4'), undefined);
  });
});

describe('the fetcher refuses odd spellings of loopback before connecting', () => {
  // Only loopback forms here: if the guard ever broke, traffic would still stay on this machine.
  const fetcher = createFetcher({
    allowHosts: [],
    timeoutMs: 1000,
    maxBytes: 1000,
    maxRedirects: 0,
    userAgent: 't',
    lookup: async () => [{ address: '127.0.0.1', family: 4 }],
  });
  const urls = [
    'http://2130706433:9/',
    'http://0x7f.1:9/',
    'http://017700000001:9/',
    'http://127.1:9/',
    'http://0:9/',
    'http://[::1]:9/',
    'http://[::ffff:127.0.0.1]:9/',
    'http://[::]:9/',
    'http://localhost:9/',
    'http://LOCALHOST.:9/',
  ];
  for (const url of urls) {
    it(`GIVEN ${url} THEN blocked-address`, async () => {
      await assert.rejects(fetcher.get(url), (err: unknown) => {
        assert.ok(err instanceof FetchError);
        assert.equal(err.code, 'blocked-address');
        return true;
      });
    });
  }
});

describe('URLs that are not plain web URLs are refused', () => {
  const fetcher = createFetcher({ allowHosts: [], timeoutMs: 1000, maxBytes: 1000, maxRedirects: 0, userAgent: 't' });
  const urls = [
    'file:///etc/passwd',
    'ftp://example.com/x',
    'gopher://example.com/',
    'javascript:alert(1)',
    'data:text/html,hi',
    'http://user:pass@example.com/',
    'https://token@example.com/',
    'not a url',
    '',
    `http://example.com/${'a'.repeat(9000)}`,
  ];
  for (const url of urls) {
    it(`GIVEN ${JSON.stringify(url.slice(0, 40))} THEN bad-url with an Arabic message`, async () => {
      await assert.rejects(fetcher.get(url), (err: unknown) => {
        assert.ok(err instanceof FetchError);
        assert.equal(err.code, 'bad-url');
        assert.doesNotMatch(err.userMessage, /pass|token/);
        assert.match(err.userMessage, /http/);
        return true;
      });
    });
  }
});
