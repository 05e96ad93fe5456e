import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCsp, applyCspToHtml, headerPolicy, sha256Source } from '../../scripts/build/csp.ts';

const hashOf = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('applyCspToHtml', () => {
  const page = [
    '<!DOCTYPE html><html lang="zh-Hant"><head><meta charset="utf-8"><title>頁</title>',
    '<script type="module">document.documentElement.dataset.js = "1";</script>',
    '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
    '<script type="module" src="/_astro/a.js"></script>',
    '<style>main{color:red}</style>',
    '</head><body><main>文</main></body></html>',
  ].join('');

  it('puts the policy right after <meta charset>, with hashes of inline scripts and styles only', () => {
    const { html } = applyCspToHtml(page, 'index.html');
    expect(html.startsWith('<!DOCTYPE html><html lang="zh-Hant"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')).toBe(true);
    const policy = /content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hashOf('document.documentElement.dataset.js = "1";')}`);
    expect(policy).toContain(`style-src 'self' ${hashOf('main{color:red}')}`);
    expect(policy).not.toContain(hashOf('{"@type":"NewsArticle"}'));
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('frame-ancestors');
  });

  it('is the first child of <head> when there is no leading charset, and replaces an older policy', () => {
    const once = applyCspToHtml('<html><head><title>t</title></head><body></body></html>', 'a.html').html;
    expect(once).toMatch(/^<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self';[^"]*"><title>/);
    const twice = applyCspToHtml(once, 'a.html').html;
    expect(twice).toBe(once);
  });

  it('names the file and the element for markup no policy hash can allow', () => {
    expect(() => applyCspToHtml('<html><head></head><body><img src="x" onerror="alert(1)"></body></html>', 'people/x/index.html')).toThrow(
      /people\/x\/index\.html: .*\n.*<img> has an inline event handler \(onerror\)/,
    );
    expect(() => applyCspToHtml('<html><head></head><body><p style="color:red">x</p></body></html>', 'a.html')).toThrow(/<p> has a style attribute/);
    expect(() => applyCspToHtml('<html><head></head><body><a href="javascript:alert(1)">x</a></body></html>', 'a.html')).toThrow(/javascript: URL/);
  });
});

describe('applyCsp', () => {
  it('rewrites every page and writes _headers with every page\'s scripts and the header-only directives, leaving styles to each page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csp-'));
    try {
      await writeFile(join(dir, 'index.html'), '<html><head><script>a()</script></head><body></body></html>');
      await writeFile(join(dir, '404.html'), '<html><head><script>b()</script><style>p{color:red}</style></head><body></body></html>');
      await applyCsp(dir);
      const home = await readFile(join(dir, 'index.html'), 'utf8');
      expect(home).toContain(sha256Source('a()'));
      expect(home).not.toContain(sha256Source('b()'));
      const headers = await readFile(join(dir, '_headers'), 'utf8');
      expect(headers).toContain(`Content-Security-Policy: ${headerPolicy([sha256Source('b()'), sha256Source('a()')].sort())}\n`);
      expect(headers).toContain("frame-ancestors 'none'");
      expect(headers).not.toContain('style-src');
      expect(await readFile(join(dir, '404.html'), 'utf8')).toContain(sha256Source('p{color:red}'));
      expect(headers).toContain('X-Content-Type-Options: nosniff');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
