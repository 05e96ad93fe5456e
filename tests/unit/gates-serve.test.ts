import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, startServer } from '../../scripts/serve.ts';
import type { RunningServer } from '../../scripts/serve.ts';

let root = '';
let server: RunningServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'serve-'));
  const files: Record<string, string> = {
    'index.html': '<p>home</p>',
    'article/index.html': `<p>${'article '.repeat(200)}</p>`,
    '404.html': '<p>not found</p>',
    'zh-hans/404.html': '<p>找不到</p>',
    'pagefind/pf_meta': 'binary',
    'pagefind/pagefind.js': 'export {}',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  server = await startServer({ root, base: '/sub', port: 0 });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${server.origin}${path}`, { redirect: 'manual', headers });

describe('startServer', () => {
  it('serves under the base on 127.0.0.1, with directory indexes', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/sub/`);
    const home = await get('/sub/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<p>home</p>');
    expect((await get('/sub/article/index.html')).status).toBe(200);
  });

  it('redirects a directory without its slash, and the bare base', async () => {
    expect((await get('/sub/article')).headers.get('location')).toBe('/sub/article/');
    expect((await get('/sub')).headers.get('location')).toBe('/sub/');
  });

  it('answers 404 with the not-found page of the script, and outside the base', async () => {
    const missing = await get('/sub/nothing/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<p>not found</p>');
    expect(await (await get('/sub/zh-hans/nothing/')).text()).toBe('<p>找不到</p>');
    expect((await get('/article/')).status).toBe(404);
    expect((await get('/sub/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('answers 404, never an error or a redirect off the site, to a path with an empty segment', async () => {
    for (const path of ['//', '/sub//', '/sub//article', '//sub/article']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('location'), path).toBeNull();
    }
  });

  it('compresses text when asked, and types Pagefind files', async () => {
    const article = await get('/sub/article/', { 'accept-encoding': 'br' });
    expect(article.headers.get('content-encoding')).toBe('br');
    expect((await article.text()).startsWith('<p>article')).toBe(true);
    expect((await get('/sub/pagefind/pf_meta')).headers.get('content-type')).toBe('application/octet-stream');
    expect((await get('/sub/pagefind/pagefind.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });
});

describe('helpers', () => {
  it('names content types', () => {
    expect(contentTypeFor('pagefind/wasm.zh-hant.pagefind')).toBe('application/octet-stream');
    expect(contentTypeFor('pagefind/pf_fragment/zh-hant_abc.pf_fragment')).toBe('application/octet-stream');
    expect(contentTypeFor('a/b.wasm')).toBe('application/wasm');
    expect(contentTypeFor('sitemap.xml')).toBe('application/xml; charset=utf-8');
  });
});
