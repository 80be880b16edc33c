/** Feed discovery: the feeds an HTML page announces with <link rel="alternate" type="…">. */
import { decodeEntities } from './feed-text.ts';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json', 'application/rdf+xml']);

/** One feed a page links to. */
export interface DiscoveredFeed {
  url: string;
  type: string;
  title?: string;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const v = m?.[1] ?? m?.[2] ?? m?.[3];
  return v === undefined ? undefined : decodeEntities(v).trim();
}

/** The feeds `html` (fetched from `pageUrl`) links to, absolute, in page order, without repeats. */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const out: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const type = (attr(tag, 'type') ?? '').toLowerCase();
    const href = attr(tag, 'href');
    if (!rel.includes('alternate') || !FEED_TYPES.has(type) || !href) continue;
    let url: string;
    try {
      url = new URL(href, pageUrl).toString();
    } catch {
      continue;
    }
    if (seen.has(url)) continue;
    seen.add(url);
    const feed: DiscoveredFeed = { url, type };
    const title = attr(tag, 'title');
    if (title) feed.title = title;
    out.push(feed);
  }
  return out;
}
