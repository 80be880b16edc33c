/**
 * The one way mojaz reads the web: a GET with hard limits (total time, body size, redirects), an SSRF
 * guard (no loopback, private, link-local, metadata or other special addresses, checked after DNS on
 * every redirect hop, with the connection pinned to the checked address so DNS cannot be swapped in
 * between), conditional requests, and charset-aware decoding. Every failure is a FetchError with an
 * Arabic message the bot can show.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import { blockedReason } from './address.ts';
import { decodeBody } from './charset.ts';
import { FetchError, fetchErrors } from './errors.ts';

export { FetchError } from './errors.ts';
export type { FetchErrorCode } from './errors.ts';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses (injectable so tests never touch real DNS). */
export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

/** Settings of a fetcher: the `fetch` section of the config plus an optional DNS resolver. */
export interface FetcherOptions {
  /** Host names (or IP literals) exempt from the address guard, e.g. ['127.0.0.1'] in tests. */
  allowHosts: readonly string[];
  /** Total time for a get(), all redirect hops and the body included. */
  timeoutMs: number;
  /** Largest body accepted, counted in decoded (decompressed) bytes. */
  maxBytes: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
  userAgent: string;
  /** DNS resolver; defaults to the system resolver. */
  lookup?: Lookup;
}

/** Per-request options of {@link Fetcher.get}. */
export interface GetOptions {
  /** Accept header; defaults to HTML first. */
  accept?: string;
  /** ETag from an earlier response: sent as If-None-Match. */
  etag?: string;
  /** Last-Modified from an earlier response: sent as If-Modified-Since. */
  lastModified?: string;
  /** Lower (or raise) the fetcher's body cap for this request. */
  maxBytes?: number;
  /** Lower (or raise) the fetcher's total time for this request. */
  timeoutMs?: number;
  /**
   * Read the body as text whatever type the server gives it: a file a user uploaded (a Discord
   * attachment), whose type is what the uploader's app guessed; the caller parses and checks it.
   */
  anyType?: boolean;
}

/** What a successful get() returns. */
export interface FetchResult {
  /** Final URL, after redirects. */
  url: string;
  status: number;
  /** True for 304 Not Modified (then `text` is empty). */
  notModified: boolean;
  /** The media type without parameters, lower-cased ('' when the server sent none). */
  contentType: string;
  /** The encoding the text was decoded with (WHATWG name, e.g. 'windows-1256'). */
  charset: string;
  text: string;
  etag?: string;
  lastModified?: string;
}

/** Fetches text from public web URLs safely. */
export interface Fetcher {
  /** GETs `url` following redirects within the limits; throws FetchError on any failure. */
  get(url: string, options?: GetOptions): Promise<FetchResult>;
}

const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_URL_LENGTH = 8192;
const TEXT_TYPES = new Set([
  'application/xml',
  'application/xhtml+xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/json',
  'application/ld+json',
  'application/feed+json',
  'application/javascript',
]);

/** Parses and vets a URL: http(s) only, no credentials, a host present. */
export function parseWebUrl(raw: string, base?: URL): URL {
  if (raw.length > MAX_URL_LENGTH) throw fetchErrors.badUrl('url too long');
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    throw fetchErrors.badUrl('not a url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw fetchErrors.badUrl(`scheme ${url.protocol} not allowed`);
  }
  if (url.username !== '' || url.password !== '') throw fetchErrors.badUrl('credentials in url');
  if (url.hostname === '') throw fetchErrors.badUrl('no host');
  return url;
}

/** The host as compared with allowHosts: lower case, no IPv6 brackets, no trailing dot. */
function hostKey(host: string): string {
  return host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

/** True for media types whose body is text mojaz can read (missing type: assume text). */
export function isTextualType(mime: string): boolean {
  if (mime === '') return true;
  return mime.startsWith('text/') || TEXT_TYPES.has(mime) || mime.endsWith('+xml') || mime.endsWith('+json');
}

const systemLookup: Lookup = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: false });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** A net lookup that always answers with the address already checked. */
function pinnedLookup(pin: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: pin.address, family: pin.family }]);
    else callback(null, pin.address, pin.family);
  }) as LookupFunction;
}

/** Rejects as soon as `signal` aborts; lets slow DNS be cut by the overall deadline. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The body as a stream of decoded bytes (gzip/deflate/br undone). */
function decompressed(body: Readable, encoding: string | undefined): Readable {
  const enc = (encoding ?? '').trim().toLowerCase();
  const inflater =
    enc === 'gzip' || enc === 'x-gzip'
      ? createGunzip()
      : enc === 'deflate'
        ? createInflate()
        : enc === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!inflater) return body;
  return pipeline(body, inflater, () => {});
}

/** Reads a stream into one buffer, aborting (and so closing the connection) past `maxBytes`. */
async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > maxBytes) {
      stream.destroy();
      throw fetchErrors.tooLarge(maxBytes);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, total);
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const NOT_FOUND_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME']);

/** Maps anything thrown during a get() to a FetchError. */
function toFetchError(err: unknown, deadline: AbortSignal, timeoutMs: number): FetchError {
  if (err instanceof FetchError) return err;
  if (deadline.aborted) return fetchErrors.timeout(timeoutMs);
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) return fetchErrors.timeout(timeoutMs);
  if (typeof code === 'string' && NOT_FOUND_CODES.has(code)) return fetchErrors.hostNotFound(err);
  const detail = typeof code === 'string' ? code : err instanceof Error ? err.name : 'unknown';
  return fetchErrors.network(detail, err);
}

/**
 * Resolves `url`'s host and checks every address it gets: all must be public unless the host is in
 * `allowed` (keys as made by {@link allowList}). Returns the address to connect to; throws
 * FetchError 'blocked-address' (or 'network' when the name does not resolve). Never connects.
 */
export async function resolveGuarded(
  url: URL,
  allowed: ReadonlySet<string>,
  lookup: Lookup,
  signal?: AbortSignal,
): Promise<ResolvedAddress> {
  const host = hostKey(url.hostname);
  const literal = isIP(host);
  const addresses: ResolvedAddress[] = literal
    ? [{ address: host, family: literal === 6 ? 6 : 4 }]
    : await (signal ? untilAborted(lookup(host), signal) : lookup(host));
  if (addresses.length === 0) throw fetchErrors.hostNotFound(undefined);
  if (!allowed.has(host)) {
    // Every address must be public: a name that also resolves inside could be steered there.
    for (const a of addresses) {
      if (blockedReason(a.address) !== undefined) throw fetchErrors.blocked(host);
    }
  }
  return addresses[0]!;
}

/** The allowHosts setting as the set {@link resolveGuarded} compares hosts with. */
export function allowList(hosts: readonly string[]): ReadonlySet<string> {
  return new Set(hosts.map(hostKey));
}

/** A Location header as a URL string: servers often send raw UTF-8 bytes, which arrive as latin1. */
function locationText(raw: string): string {
  if (!/[\x80-\xff]/.test(raw) || /[^\x00-\xff]/.test(raw)) return raw;
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? raw : utf8;
}

/** Turns a non-redirect response into a FetchResult, or the FetchError it deserves. */
async function finalResult(res: Dispatcher.ResponseData, url: URL, maxBytes: number, anyType = false): Promise<FetchResult> {
  const etag = firstHeader(res.headers['etag']);
  const lastModified = firstHeader(res.headers['last-modified']);
  const rawType = firstHeader(res.headers['content-type']);
  const contentType = (rawType ?? '').split(';')[0]!.trim().toLowerCase();
  const base = { url: url.href, status: res.statusCode, contentType, etag, lastModified };
  const declared = Number(firstHeader(res.headers['content-length']));
  let refusal: FetchError | undefined;
  if (res.statusCode === 304) {
    res.body.destroy();
    return { ...base, notModified: true, charset: 'utf-8', text: '' };
  }
  if (res.statusCode < 200 || res.statusCode > 299) refusal = fetchErrors.httpStatus(res.statusCode);
  else if (!anyType && !isTextualType(contentType)) refusal = fetchErrors.notText(contentType);
  else if (Number.isFinite(declared) && declared > maxBytes) refusal = fetchErrors.tooLarge(maxBytes);
  if (refusal) {
    res.body.destroy();
    throw refusal;
  }
  const body = await readCapped(decompressed(res.body, firstHeader(res.headers['content-encoding'])), maxBytes);
  const { text, charset } = decodeBody(body, rawType);
  return { ...base, notModified: false, charset, text };
}

/** The URL without its fragment: what redirect-loop detection compares. */
const withoutHash = (url: URL): string => url.href.replace(/#.*$/, '');

/**
 * Cookies set during one get(), per host, so "set a cookie and come back" redirects (cookie checks)
 * work. Only name=value is kept, only sent back to the host that set it, and forgotten afterwards.
 */
class HopCookies {
  private readonly byHost = new Map<string, Map<string, string>>();

  /** Remembers the Set-Cookie headers of a response from `host`. */
  take(host: string, setCookie: string | string[] | undefined): void {
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const pair = /^\s*([^=;\s]+)=([^;]*)/.exec(line);
      if (!pair) continue;
      const jar = this.byHost.get(host) ?? new Map<string, string>();
      jar.set(pair[1]!, pair[2]!.trim());
      this.byHost.set(host, jar);
    }
  }

  /** The Cookie header for `host`, if it set any. */
  header(host: string): string | undefined {
    const jar = this.byHost.get(host);
    return jar && jar.size > 0 ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }
}

/** Builds a Fetcher from the `fetch` settings (see {@link FetcherOptions}). */
export function createFetcher(options: FetcherOptions): Fetcher {
  const allowed = allowList(options.allowHosts);
  const lookup = options.lookup ?? systemLookup;

  async function get(rawUrl: string, opts: GetOptions = {}): Promise<FetchResult> {
    const timeoutMs = opts.timeoutMs ?? options.timeoutMs;
    const maxBytes = opts.maxBytes ?? options.maxBytes;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new Error('deadline')), timeoutMs);
    const agents: Agent[] = [];
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: opts.accept ?? DEFAULT_ACCEPT,
      'accept-language': 'ar,en;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;

    try {
      let url = parseWebUrl(rawUrl);
      const cookies = new HopCookies();
      // A URL seen again with the same cookies is a loop; with new cookies it is a cookie check.
      const seen = new Set<string>();
      for (let hop = 0; ; hop++) {
        const cookie = cookies.header(url.host);
        seen.add(`${withoutHash(url)} ${cookie ?? ''}`);
        const pin = await resolveGuarded(url, allowed, lookup, deadline.signal);
        const agent = new Agent({ connect: { lookup: pinnedLookup(pin) }, connections: 1 });
        agents.push(agent);
        const res = await request(url, {
          method: 'GET',
          headers: cookie ? { ...headers, cookie } : headers,
          dispatcher: agent,
          signal: deadline.signal,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        // Bodies we drop are destroyed; undici then emits an abort error nobody else listens for.
        res.body.on('error', () => {});
        const location = firstHeader(res.headers['location']);
        if (REDIRECTS.has(res.statusCode) && location !== undefined) {
          res.body.destroy();
          if (hop >= options.maxRedirects) {
            throw fetchErrors.tooManyRedirects(`more than ${options.maxRedirects}`);
          }
          cookies.take(url.host, res.headers['set-cookie']);
          const next = parseWebUrl(locationText(location), url);
          if (seen.has(`${withoutHash(next)} ${cookies.header(next.host) ?? ''}`)) {
            throw fetchErrors.tooManyRedirects(`loop at ${next.host}`);
          }
          url = next;
          continue;
        }
        return await finalResult(res, url, maxBytes, opts.anyType);
      }
    } catch (err) {
      throw toFetchError(err, deadline.signal, timeoutMs);
    } finally {
      clearTimeout(timer);
      // Closing the agents closes their sockets, so an aborted body stops downloading at once.
      await Promise.all(agents.map((a) => a.destroy().catch(() => undefined)));
    }
  }

  return { get };
}
