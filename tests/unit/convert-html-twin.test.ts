/**
 * The Simplified twin of a built page: prose converted, everything a link or a script relies
 * on left as it was, internal links moved into /zh-hans/, the script switch flipped.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { dictionaryConverter, toSimplified } from '../../src/lib/twin/convert.ts';
import { makeSimplifiedTwin, twinUrl } from '../../src/lib/twin/html.ts';
import { encodeTextDirectiveTerm } from '../../src/lib/pages/urls.ts';
import { TRADITIONAL_ONLY } from './convert-fixtures.ts';

const ORIGIN = 'https://meta-ai-llama.example.org';

/** A page shaped like the site's layout, at `path` below `base`. */
function page(base: string, path: string, main: string, jsonLd = ''): string {
  const url = `${ORIGIN}${base}${path}`;
  return `<!doctype html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<title>人物｜Meta AI 內幕</title>
<meta name="description" content="LLaMA論文14位作者,一半離職">
<link rel="canonical" href="${url}">
<link rel="alternate" hreflang="zh-Hant" href="${url}">
<link rel="alternate" hreflang="zh-Hans" href="${ORIGIN}${base}zh-hans/${path}">
<link rel="alternate" hreflang="x-default" href="${url}">
<link rel="icon" href="${base}favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${base}_astro/Base.Cx1.css">
<meta property="og:title" content="團隊重組">
<meta property="og:locale" content="zh_TW">
<meta property="og:locale:alternate" content="zh_CN">
<meta property="og:url" content="${url}">
${jsonLd}
<script type="module" src="${base}_astro/page.B2.js"></script>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header><nav aria-label="主要導覽"><a href="${base}article/">文章</a><a href="${base}timeline/">時間線</a></nav>
<form role="search" action="${base}search/" method="get"><label for="q">搜尋</label><input id="q" name="q" type="search" placeholder="搜尋人名"><button type="submit">搜尋</button></form>
<a href="${base}zh-hans/${path}" hreflang="zh-Hans" lang="zh-Hans" class="script-switch" data-script-switch>简体中文</a></header>
<main id="main" data-pagefind-body>${main}</main>
</body>
</html>`;
}

const ARTICLE_MAIN = `
<h2 id="llama論文14位作者一半離職">LLaMA論文14位作者,一半離職</h2>
<p id="p-4" class="para 後">可是,Meta在風光的同時,AI團隊正面臨<a id="mention-x-1" href="/people/x/#person-x" title="關於這個人" data-note="後">著</a>離職潮。</p>
<p id="p-9">離開Meta的研究科學家和工程師包括原LLaMA論文的作者之一Timothée Lacroix、Guillaume Lample和Marie-Anne Lachaux。</p>
<p id="p-58">臺前,開源模型光鮮靚麗,而幕後,AI研究人員離職潮湧、算力紛爭、團隊重組,為Meta傾力AI趕超對手帶來了許多不確定性因素。</p>
<figure id="figure-1"><div class="ph" role="img" aria-label="圖片:原圖未保留"></div><figcaption>原圖未保留</figcaption></figure>
<table id="corrections"><tr id="fix-pinyin-1"><td><span data-no-convert>團(tuán)隊</span></td><td>團隊</td></tr>
<tr id="fix-mojibake-2"><td translate="no">?yàn)闆]</td><td>因為沒</td></tr></table>
<p>原始碼:<code>發(fā)布</code>;按 <kbd>後</kbd></p>
<svg viewBox="0 0 10 10" role="img" aria-labelledby="chart-title"><title id="chart-title">時間線:2月巨變</title><desc>兩個團隊之間的緊張關係</desc><text x="1" y="1">發布前一週</text><a href="/timeline/#event-llama-release"><text>LLaMA發布</text></a></svg>
<img src="/_astro/chart.D3.svg" alt="圖表說明:算力爭奪">
<div data-pagefind-meta="section:團隊重組" data-pagefind-filter="person:Joelle Pineau"></div>
<p lang="en">Meta AI (formerly FAIR)</p>
<p><a href="https://arxiv.org/pdf/2302.13971.pdf">論文地址</a> <a href="#p-4">回到上文</a> <a href="../claims/?q=算力#claim-x">說法</a> <a href="/favicon.svg">圖示</a> <a href="/pagefind/pagefind.js">索引</a> <a href="/404.html">找不到</a> <a href="${ORIGIN}/people/">人物</a></p>
<script>const label = "後來"; if (1 < 2) console.log(label);</script>
<style>.後::after { content: "後"; }</style>`;

const JSON_LD = `<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  '@id': `${ORIGIN}/article/#article`,
  url: `${ORIGIN}/article/`,
  mainEntityOfPage: `${ORIGIN}/article/`,
  headline: 'LLaMA核心原作多半離職,Meta AI內幕曝光!',
  description: '算力爭奪撕破臉 </script><!--',
  inLanguage: 'zh-Hant',
  datePublished: '2023-09',
  isBasedOn: { '@type': 'NewsArticle', name: 'Meta AI 的離職潮', url: 'https://www.theinformation.com/articles/x' },
  about: [{ '@type': 'Person', name: '喬爾·皮諾', url: `${ORIGIN}/people/joelle-pineau/`, alternateName: ['皮諾', '皮诺', 'Pineau'] }],
  breadcrumb: { '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 1, name: '首頁', item: `${ORIGIN}/` }] },
})
  .replace(/</g, '\\u003c')
  .replace(/>/g, '\\u003e')}</script>`;

function elements(tree: Root): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    found.push(element);
  });
  return found;
}

function ids(html: string): string[] {
  return elements(fromHtml(html)).flatMap((element) => (typeof element.properties.id === 'string' ? [element.properties.id] : []));
}

function byId(tree: Root, id: string): Element {
  const element = elements(tree).find((candidate) => candidate.properties.id === id);
  if (!element) throw new Error(`no element #${id}`);
  return element;
}

function select(tree: Root, test: (element: Element) => boolean): Element[] {
  return elements(tree).filter(test);
}

const source = page('/', 'article/', ARTICLE_MAIN, JSON_LD);
const twinHtml = makeSimplifiedTwin(source, { path: 'article/', base: '/' });
const twin = fromHtml(twinHtml);

describe('makeSimplifiedTwin: what changes', () => {
  it('sets the page language to zh-Hans', () => {
    expect(twinHtml).toMatch(/^<!doctype html>\s*<html lang="zh-Hans">/i);
  });

  it('converts text, headings and the title', () => {
    expect(toString(byId(twin, 'p-4'))).toBe('可是,Meta在风光的同时,AI团队正面临着离职潮。');
    expect(toString(byId(twin, 'p-58'))).toBe('台前,开源模型光鲜靓丽,而幕后,AI研究人员离职潮涌、算力纷争、团队重组,为Meta倾力AI赶超对手带来了许多不确定性因素。');
    expect(toString(byId(twin, 'llama論文14位作者一半離職'))).toBe('LLaMA论文14位作者,一半离职');
    expect(toString(select(twin, (element) => element.tagName === 'title')[0]!)).toBe('人物｜Meta AI 内幕');
  });

  it('converts a phrase split by inline markup as one phrase (面臨<a>著</a> → 面临着)', () => {
    const mention = byId(twin, 'mention-x-1');
    expect(toString(mention)).toBe('着');
  });

  it('converts prose attributes and prose meta tags', () => {
    expect(byId(twin, 'mention-x-1').properties.title).toBe('关于这个人');
    expect(select(twin, (element) => element.tagName === 'img')[0]!.properties.alt).toBe('图表说明:算力争夺');
    expect(select(twin, (element) => element.properties.role === 'img' && element.tagName === 'div')[0]!.properties.ariaLabel).toBe('图片:原图未保留');
    expect(select(twin, (element) => element.tagName === 'nav')[0]!.properties.ariaLabel).toBe('主要导航');
    expect(byId(twin, 'q').properties.placeholder).toBe('搜索人名');
    const meta = (key: string) => select(twin, (element) => element.tagName === 'meta' && (element.properties.name === key || element.properties.property === key))[0]!.properties.content;
    expect(meta('description')).toBe('LLaMA论文14位作者,一半离职');
    expect(meta('og:title')).toBe('团队重组');
    expect(meta('og:locale')).toBe('zh_CN');
    expect(meta('og:locale:alternate')).toBe('zh_TW');
    expect(meta('og:url')).toBe(`${ORIGIN}/zh-hans/article/`);
  });

  it('converts SVG <title>, <desc> and <text>', () => {
    const svg = select(twin, (element) => element.tagName === 'svg')[0]!;
    expect(toString(svg)).toBe('时间线:2月巨变两个团队之间的紧张关系发布前一周LLaMA发布');
  });

  it('converts the values of Pagefind meta, not their keys', () => {
    const holder = select(twin, (element) => element.properties.dataPagefindMeta !== undefined)[0]!;
    expect(holder.properties.dataPagefindMeta).toBe('section:团队重组');
    expect(holder.properties.dataPagefindFilter).toBe('person:Joelle Pineau');
  });

  it('applies the overrides table (搜尋 → 搜索)', () => {
    expect(toString(select(twin, (element) => element.tagName === 'form')[0]!)).toBe('搜索搜索');
  });
});

describe('makeSimplifiedTwin: what stays', () => {
  it('keeps every id, in order', () => {
    expect(ids(twinHtml)).toEqual(ids(source));
    expect(ids(twinHtml)).toContain('llama論文14位作者一半離職');
  });

  it('keeps class names and data-* attributes byte for byte', () => {
    expect(byId(twin, 'p-4').properties.className).toEqual(['para', '後']);
    expect(byId(twin, 'mention-x-1').properties.dataNote).toBe('後');
  });

  it('keeps Latin text, including accents', () => {
    expect(toString(byId(twin, 'p-9'))).toContain('Timothée Lacroix、Guillaume Lample和Marie-Anne Lachaux');
    expect(toString(select(twin, (element) => element.properties.lang === 'en')[0]!)).toBe('Meta AI (formerly FAIR)');
  });

  it('keeps data-no-convert, translate="no", <code> and <kbd> as written, and marks them zh-Hant', () => {
    const pinyin = byId(twin, 'fix-pinyin-1');
    expect(toString(pinyin)).toBe('團(tuán)隊团队');
    const kept = select(twin, (element) => element.properties.dataNoConvert !== undefined)[0]!;
    expect(kept.properties.lang).toBe('zh-Hant');
    expect(toString(byId(twin, 'fix-mojibake-2'))).toBe('?yàn)闆]因为没');
    const code = select(twin, (element) => element.tagName === 'code')[0]!;
    expect(toString(code)).toBe('發(fā)布');
    expect(toString(select(twin, (element) => element.tagName === 'kbd')[0]!)).toBe('後');
  });

  it('leaves <script> and <style> contents alone', () => {
    expect(twinHtml).toContain('const label = "後來"; if (1 < 2) console.log(label);');
    expect(twinHtml).toContain('.後::after { content: "後"; }');
  });

  it('keeps the hreflang alternates pointing to both scripts', () => {
    const alternates = select(twin, (element) => element.tagName === 'link' && element.properties.hrefLang !== undefined)
      .map((element) => [element.properties.hrefLang, element.properties.href]);
    expect(alternates).toEqual([
      ['zh-Hant', `${ORIGIN}/article/`],
      ['zh-Hans', `${ORIGIN}/zh-hans/article/`],
      ['x-default', `${ORIGIN}/article/`],
    ]);
  });
});

describe('makeSimplifiedTwin: links', () => {
  const hrefs = (tree: Root, tag: string) => select(tree, (element) => element.tagName === tag).map((element) => String(element.properties.href ?? element.properties.src ?? element.properties.action));

  it('sets the canonical URL to the twin itself', () => {
    expect(select(twin, (element) => element.tagName === 'link' && String(element.properties.rel) === 'canonical')[0]!.properties.href).toBe(`${ORIGIN}/zh-hans/article/`);
  });

  it('moves internal page links into /zh-hans/, keeping query and fragment', () => {
    const links = hrefs(twin, 'a');
    expect(links).toContain('/zh-hans/article/');
    expect(links).toContain('/zh-hans/people/x/#person-x');
    expect(links).toContain('/zh-hans/claims/?q=%E7%AE%97%E5%8A%9B#claim-x');
    expect(links).toContain('/zh-hans/404.html');
    expect(links).toContain(`${ORIGIN}/zh-hans/people/`);
    expect(hrefs(twin, 'form')).toEqual(['/zh-hans/search/']);
    expect(select(twin, (element) => element.tagName === 'a' && element.tagName === 'a' && toString(element) === 'LLaMA发布')[0]!.properties.href).toBe('/zh-hans/timeline/#event-llama-release');
  });

  it('leaves fragments, external links and assets alone', () => {
    const links = hrefs(twin, 'a');
    expect(links).toContain('#main');
    expect(links).toContain('#p-4');
    expect(links).toContain('https://arxiv.org/pdf/2302.13971.pdf');
    expect(links).toContain('/favicon.svg');
    expect(links).toContain('/pagefind/pagefind.js');
    expect(hrefs(twin, 'script').filter((src) => src !== 'undefined')).toEqual(['/_astro/page.B2.js']);
    expect(hrefs(twin, 'img')).toEqual(['/_astro/chart.D3.svg']);
    expect(hrefs(twin, 'link')).toContain('/_astro/Base.Cx1.css');
    expect(hrefs(twin, 'link')).toContain('/favicon.svg');
  });

  it('works under a sub-path base', () => {
    const sub = fromHtml(makeSimplifiedTwin(page('/sub/', 'people/x/', '<p><a href="/sub/article/#p-3">文章</a> <a href="../">人物</a> <a href="/other/">別站</a> <img src="../../_astro/a.png" alt="圖"></p>'), { path: 'people/x/', base: '/sub/' }));
    const links = hrefs(sub, 'a');
    expect(links).toContain('/sub/zh-hans/article/#p-3');
    expect(links).toContain('/sub/zh-hans/people/');
    expect(links).toContain('/other/');
    expect(links).toContain('/sub/people/x/');
    expect(hrefs(sub, 'form')).toEqual(['/sub/zh-hans/search/']);
    expect(hrefs(sub, 'img')).toEqual(['/sub/_astro/a.png']);
    expect(hrefs(sub, 'link')).toContain('/sub/_astro/Base.Cx1.css');
    expect(hrefs(sub, 'link')).toContain(`${ORIGIN}/sub/zh-hans/people/x/`);
  });

  it('converts the words of text fragments, keeping the element id', () => {
    const quote = '恰在這個月,為了追趕競爭對手';
    const link = `/article/#p-40:~:text=${encodeTextDirectiveTerm('2月巨變')}-,${encodeTextDirectiveTerm(quote)},-${encodeTextDirectiveTerm('發布')}`;
    const converted = fromHtml(makeSimplifiedTwin(page('/', 'claims/', `<a href="${link}">按原文字句定位</a><a href="#:~:text=${encodeTextDirectiveTerm('離職')}">本頁</a>`), { path: 'claims/', base: '/' }));
    const [cross, local] = hrefs(converted, 'a').filter((href) => href.includes(':~:'));
    expect(cross).toBe(`/zh-hans/article/#p-40:~:text=${encodeTextDirectiveTerm('2月巨变')}-,${encodeTextDirectiveTerm('恰在这个月,为了追赶竞争对手')},-${encodeTextDirectiveTerm('发布')}`);
    expect(local).toBe(`#:~:text=${encodeTextDirectiveTerm('离职')}`);
  });

  it('twinUrl: relative references keep their target from the deeper twin location', () => {
    const context = { base: '/', path: 'people/x/', origin: ORIGIN, convert: toSimplified };
    expect(twinUrl('../y/', context)).toBe('/zh-hans/people/y/');
    expect(twinUrl('?q=1', context)).toBe('/zh-hans/people/x/?q=1');
    expect(twinUrl('../../_astro/a.css', context)).toBe('/_astro/a.css');
    expect(twinUrl('/zh-hans/people/', context)).toBe('/zh-hans/people/');
    expect(twinUrl('mailto:a@example.org', context)).toBe('mailto:a@example.org');
    expect(twinUrl('//cdn.example.org/x/', context)).toBe('//cdn.example.org/x/');
  });
});

describe('makeSimplifiedTwin: the script switch', () => {
  const switchOf = (tree: Root) => select(tree, (element) => element.properties.dataScriptSwitch !== undefined)[0]!;

  it('points back to the Traditional page, in Traditional script', () => {
    const link = switchOf(twin);
    expect(link.properties.href).toBe('/article/');
    expect(link.properties.hrefLang).toBe('zh-Hant');
    expect(link.properties.lang).toBe('zh-Hant');
    expect(toString(link)).toBe('繁體中文');
    expect(link.properties.className).toEqual(['script-switch']);
  });

  it('handles the home page, the 404 page (served at missing URLs: its switch leads home) and a sub-path base', () => {
    expect(switchOf(fromHtml(makeSimplifiedTwin(page('/', '', '<p>首頁</p>'), { path: '', base: '/' }))).properties.href).toBe('/');
    expect(switchOf(fromHtml(makeSimplifiedTwin(page('/', '404.html', '<p>找不到</p>'), { path: '404.html', base: '/' }))).properties.href).toBe('/');
    expect(switchOf(fromHtml(makeSimplifiedTwin(page('/sub/', '404.html', '<p>找不到</p>'), { path: '404.html', base: '/sub' }))).properties.href).toBe('/sub/');
    expect(switchOf(fromHtml(makeSimplifiedTwin(page('/sub/', 'people/', '<p>人物</p>'), { path: 'people/', base: '/sub' }))).properties.href).toBe('/sub/people/');
  });
});

describe('makeSimplifiedTwin: JSON-LD', () => {
  const script = select(twin, (element) => element.tagName === 'script' && element.properties.type === 'application/ld+json')[0]!;
  const raw = toString(script);
  const data = JSON.parse(raw) as Record<string, unknown>;

  it('stays valid JSON with "<" escaped', () => {
    expect(raw).not.toContain('<');
    expect(data.description).toBe('算力争夺撕破脸 </script><!--');
  });

  it('converts prose strings, merges spellings that became equal, sets inLanguage, and moves page URLs (not @id) to the twin', () => {
    expect(data.headline).toBe('LLaMA核心原作多半离职,Meta AI内幕曝光!');
    expect(data.inLanguage).toBe('zh-Hans');
    expect(data['@id']).toBe(`${ORIGIN}/article/#article`);
    expect(data.url).toBe(`${ORIGIN}/zh-hans/article/`);
    expect(data.mainEntityOfPage).toBe(`${ORIGIN}/zh-hans/article/`);
    expect(data.datePublished).toBe('2023-09');
    expect(data.isBasedOn).toEqual({ '@type': 'NewsArticle', name: 'Meta AI 的离职潮', url: 'https://www.theinformation.com/articles/x' });
    expect(data.about).toEqual([{ '@type': 'Person', name: '乔尔·皮诺', url: `${ORIGIN}/zh-hans/people/joelle-pineau/`, alternateName: ['皮诺', 'Pineau'] }]);
    expect(data.breadcrumb).toEqual({ '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 1, name: '首页', item: `${ORIGIN}/zh-hans/` }] });
  });

  it('names the page when a JSON-LD block is broken', () => {
    const broken = page('/', 'people/', '<p>x</p>', '<script type="application/ld+json">{"name": </script>');
    expect(() => makeSimplifiedTwin(broken, { path: 'people/', base: '/' })).toThrow(/^people\/: JSON-LD is not valid JSON/);
  });
});

describe('a converted sample reads as Simplified', () => {
  const paragraphs = ARTICLE_MAIN;
  const converted = fromHtml(makeSimplifiedTwin(page('/', 'article/', paragraphs), { path: 'article/', base: '/' }));
  // Text that is kept in Traditional on purpose (quoted originals, code) is not part of the sample.
  const prose = (tree: Root): string => {
    const parts: string[] = [];
    const walk = (element: Element): void => {
      if (element.properties.lang === 'zh-Hant' || ['script', 'style', 'code', 'kbd'].includes(element.tagName) || element.properties.dataScriptSwitch !== undefined) return;
      for (const child of element.children) {
        if (child.type === 'text') parts.push(child.value);
        else if (child.type === 'element') walk(child);
      }
    };
    for (const child of tree.children) if (child.type === 'element') walk(child);
    return parts.join('');
  };

  it('has no Traditional-only character left', () => {
    const text = prose(converted);
    expect(text).toContain('离职潮');
    const leftovers = [...text].filter((character) => TRADITIONAL_ONLY.includes(character));
    expect(leftovers).toEqual([]);
  });

  it('is stable under the dictionary (converting it again changes nothing)', () => {
    const text = prose(converted);
    expect(dictionaryConverter()(text)).toBe(text);
    expect(toSimplified(text)).toBe(text);
  });
});
