/**
 * Article-extraction speed: extractArticle on the committed news page (fixtures/pages) and on the
 * same article inflated to the weight of a typical news site page (large menus, inline scripts and
 * styles, a sidebar, comments, a fat footer). Prints CPU time per page (median of 7 batches), which
 * stays meaningful on a busy machine, and wall time.
 * Run: npx tsx bench/page.ts
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { sharedDataDir } from '../src/config.ts';
import { extractArticle } from '../src/sources/page.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
const small = fixture('quebec-attack.html');
const headlines = [...fixture('home-page.html').matchAll(/<a href="\/ar\/article\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]!);
const pick = (i: number): string => headlines[i % headlines.length]!;
const repeat = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join('\n');

const menu = `<nav class="mega-menu"><ul>${repeat(150, (i) => `<li><a href="/ar/section/${i}">قسم ${i}</a></li>`)}</ul></nav>`;
const script = `<script>var config = ${JSON.stringify({ items: repeat(600, (i) => `item-${i}-${'x'.repeat(80)}`) })};</script>`;
const style = `<style>${repeat(500, (i) => `.c${i} { margin: ${i}px; padding: 0 ${i}px; color: #${(i * 997).toString(16).padStart(6, '0')}; }`)}</style>`;
const sidebar = `<aside class="sidebar"><h2>الأكثر قراءة</h2><ol>${repeat(60, (i) => `<li><a href="/ar/article/${i}"><img src="/t/${i}.jpg" alt="">${pick(i)}</a><span class="time">منذ ${i} دقيقة</span></li>`)}</ol></aside>`;
const comments = `<section class="comments"><h2>التعليقات</h2>${repeat(50, (i) => `<div class="comment"><b>قارئ ${i}</b><p>${pick(i)} — تعليق قصير على الخبر.</p></div>`)}</section>`;
const footer = `<footer>${repeat(80, (i) => `<a href="/ar/page/${i}">رابط ${i}</a>`)}<p>جميع الحقوق محفوظة</p></footer>`;
const big = small
  .replace('</head>', `${style}${script}</head>`)
  .replace('<main>', `${menu}<main>`)
  .replace('</main>', `${sidebar}${comments}</main>`)
  .replace(/<footer[\s\S]*<\/footer>/, footer);

function measure(name: string, html: string): void {
  const ok = extractArticle(html, 'https://www.example.com/ar/article/1');
  if (!ok) throw new Error(`${name}: no article extracted`);
  for (let i = 0; i < 10; i++) extractArticle(html, 'https://www.example.com/a');
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let batch = 0; batch < 7; batch++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) extractArticle(html, 'https://www.example.com/a');
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / 20);
    wall.push((performance.now() - t0) / 20);
  }
  const median = (xs: number[]): string => [...xs].sort((a, b) => a - b)[3]!.toFixed(1);
  console.log(`${name}: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB, ${ok.text.split('\n').length} lines, cpu ${median(cpu)} ms/page, wall ${median(wall)} ms/page`);
}

measure('fixture page', small);
measure('typical-weight page', big);

/*
 * Fidelity over the ANT corpus (when the shared data is present): every article wrapped in two page
 * layouts (a modern one with <p> paragraphs, an old one with <br><br> in a table-ish layout, a
 * "site | headline" title, a share bar, a date line and a sidebar); counts articles whose title and
 * paragraphs come back exactly.
 */
const antPath = join(sharedDataDir(), 'data/ant/articles.jsonl');
let corpus: Array<{ id: string; title: string; published: string; text: string }> = [];
try {
  corpus = readFileSync(antPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
} catch {
  console.log(`fidelity: skipped (no ${antPath})`);
}
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const shown = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();
const side = corpus.slice(0, 10).map((x, i) => `<li><a href="/s/${i}">${esc(x.title)}</a></li>`).join('');
const layouts: Record<string, (r: (typeof corpus)[number], paras: string[]) => string> = {
  modern: (r, paras) =>
    `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>${esc(r.title)} - موقع</title><meta property="og:site_name" content="موقع"></head><body><nav><a href="/">الرئيسية</a><a href="/x">أخبار</a></nav><main><article><h1>${esc(r.title)}</h1>${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}<div class="related"><h3>اقرأ أيضا</h3><ul><li><a href="/1">خبر آخر</a></li></ul></div></article></main><footer>حقوق</footer></body></html>`,
  old: (r, paras) =>
    `<html><head><title>موقع | ${esc(r.title)}</title></head><body><div id="header"><a href="/">الرئيسية</a> | <a href="/n">أخبار</a></div><div class="share"><a href="fb">فيسبوك</a><a href="tw">تويتر</a></div><div id="main"><h2 class="title">${esc(r.title)}</h2><div class="date">${r.published}</div><div class="text">${paras.map(esc).join('<br /><br />')}</div><div class="tags">وسوم: <a href="/t">تونس</a></div></div><div id="sidebar"><h3>الأكثر قراءة</h3><ul>${side}</ul></div><div id="footer">جميع الحقوق محفوظة</div></body></html>`,
};
for (const [name, layout] of Object.entries(layouts)) {
  if (corpus.length === 0) break;
  let exact = 0;
  let none = 0;
  for (const r of corpus) {
    const paras = r.text.split('\n').map(shown).filter(Boolean);
    const a = extractArticle(layout(r, paras), 'https://www.example.com/a');
    if (!a) none++;
    else if (a.title === shown(r.title) && a.text === paras.join('\n')) exact++;
  }
  console.log(`fidelity, ${name} layout: ${exact}/${corpus.length} articles exact, ${none} with no article found`);
}
