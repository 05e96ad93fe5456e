import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, headersFor, parseHeaderRules, plainPath, sameOriginLocation, startServer } from '../../scripts/serve.ts';
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
    'people/index.html': '<p>people</p>',
    '_headers': [
      '/*',
      "  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'",
      '  X-Frame-Options: DENY',
      '  Referrer-Policy: strict-origin-when-cross-origin',
      '# the search bundle is cached',
      '/pagefind/*',
      '  Cache-Control-Extra: pagefind',
      '',
    ].join('\n'),
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

/** The path exactly as written: fetch (like a browser) would turn "\\" into "/" and resolve "..". */
const getRaw = (path: string): Promise<{ status: number; location: string | undefined }> =>
  new Promise((resolveGet, rejectGet) => {
    request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (response) => {
      response.resume();
      response.on('end', () => resolveGet({ status: response.statusCode ?? 0, location: response.headers.location }));
    })
      .on('error', rejectGet)
      .end();
  });

/** Every way to write a backslash, "/", "." and "%" in a path that a redirect could carry off the site or out of dist/. */
const HOSTILE_PATHS = [
  '/%5Cevil.example%2F..%2Fsub%2Fpeople',
  '/%5cevil.example%2f..%2fsub%2fpeople',
  '/sub/%5Cevil.example/people',
  '/sub/%5c%5cevil.example/people',
  '/%5C%5Cevil.example/sub/people',
  '/%255Cevil.example/sub/people',
  '/%255cevil.example%252F..%252Fsub/people',
  '/sub/%2Fevil.example/people',
  '/sub%2F%2Fevil.example%2Fpeople',
  '/%2F%2Fevil.example/sub/people',
  '/%2f/evil.example/sub/people',
  '/sub/%2E%2E/%2E%2E/etc/passwd',
  '/sub/%2e/people',
  '/sub/people/%2E',
  '/sub/people/%2e%2e',
  '/sub/.%2E/sub/people',
  '/sub/%252E%252E/people',
  '/sub/%25/people',
  '/sub/people%25',
  '/sub/%0D%0ALocation:%20http://evil.example/people',
  '/sub/%00/people',
  '/sub/%09evil/people',
];

/** Only raw: a backslash or a dot segment, which a browser would have rewritten before sending. */
const RAW_HOSTILE_PATHS = [
  '/\\evil.example/sub/people',
  '/\\evil.example/../sub/people',
  '/sub/\\evil.example',
  '/sub\\people',
  '/sub/../../etc/passwd',
  '/sub/./people',
  '/sub/people/..',
  '//evil.example/sub/people',
  '/sub//evil.example/people',
];

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

  it('never answers a redirect for an encoded "\\", "/", "." or "%": the not-found page instead', async () => {
    for (const path of [...HOSTILE_PATHS, ...RAW_HOSTILE_PATHS]) {
      expect(await getRaw(path), path).toEqual({ status: 404, location: undefined });
    }
  });

  it('as a browser sends them (dot segments resolved first), they are served, redirected on the site, or not found', async () => {
    for (const path of HOSTILE_PATHS) {
      const response = await get(path);
      const location = response.headers.get('location');
      if (location !== null) expect(new URL(location, server.origin).origin, path).toBe(server.origin);
      expect([200, 301, 404], path).toContain(response.status);
    }
  });

  it('answers 400 to a path that does not decode, and to a request target that is not a path', async () => {
    for (const path of ['/sub/%E4%B8', '/sub/%', '/sub/%zz/people', '/%C0%AFpeople']) expect((await get(path)).status, path).toBe(400);
    expect((await getRaw('*')).status).toBe(400);
    expect((await getRaw('http://evil.example/sub/people')).status).toBe(400);
  });

  it('redirects only to a normalised path of this site, keeping the query', async () => {
    const response = await get('/sub/people?q=%5C%2F%2F');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/sub/people/?q=%5C%2F%2F');
    const location = response.headers.get('location')!;
    expect(new URL(location, server.origin).origin).toBe(server.origin);
  });

  it('applies the rules of _headers to pages, other files and the not-found page', async () => {
    for (const path of ['/sub/', '/sub/people/', '/sub/nothing/', '/elsewhere', '/sub/pagefind/pagefind.js']) {
      const response = await get(path);
      expect(response.headers.get('content-security-policy'), path).toBe("default-src 'self'; frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    expect((await get('/sub/pagefind/pagefind.js')).headers.get('cache-control-extra')).toBe('pagefind');
    expect((await get('/sub/people/')).headers.get('cache-control-extra')).toBeNull();
  });

  it('keeps an idle connection open for the client to reuse, past the 6 s after which Node closes it by default', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const getKept = (): Promise<{ status: number; reused: boolean }> =>
      new Promise((resolveGet, rejectGet) => {
        const sent = request({ host: '127.0.0.1', port: server.port, path: '/sub/', agent }, (response) => {
          response.resume();
          response.on('end', () => resolveGet({ status: response.statusCode ?? 0, reused: sent.reusedSocket }));
        }).on('error', rejectGet);
        sent.end();
      });
    try {
      expect(await getKept()).toEqual({ status: 200, reused: false });
      await new Promise((wait) => setTimeout(wait, 6_500));
      expect(await getKept()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 30_000);

  it('compresses text when asked, and types Pagefind files', async () => {
    const article = await get('/sub/article/', { 'accept-encoding': 'br' });
    expect(article.headers.get('content-encoding')).toBe('br');
    expect((await article.text()).startsWith('<p>article')).toBe(true);
    expect((await get('/sub/pagefind/pf_meta')).headers.get('content-type')).toBe('application/octet-stream');
    expect((await get('/sub/pagefind/pagefind.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });
});

describe('helpers', () => {
  it('reads _headers rules with splats and placeholders, joining a header given twice', () => {
    const rules = parseHeaderRules('/*\n  X-A: 1\n/people/:id/\n  X-A: 2\n  X-B: person\n/a.b/\n  X-C: dot\n');
    expect(headersFor(rules, '/people/yann-lecun/')).toEqual({ 'X-A': '1, 2', 'X-B': 'person' });
    expect(headersFor(rules, '/people/')).toEqual({ 'X-A': '1' });
    expect(headersFor(rules, '/a.b/')).toEqual({ 'X-A': '1', 'X-C': 'dot' });
    expect(headersFor(rules, '/aXb/')).toEqual({ 'X-A': '1' });
  });

  it('knows a plain path, and writes a Location that stays on the site', () => {
    expect(plainPath('/sub/people')).toBe('/sub/people');
    expect(plainPath('/sub/%E6%96%87')).toBe('/sub/文');
    expect(plainPath('/%5Cevil.example%2F..%2Fpeople')).toBeNull();
    expect(plainPath('/%255C')).toBeNull();
    expect(plainPath('/a/..')).toBeNull();
    expect(sameOriginLocation('/sub/文/', '?x=1')).toBe('/sub/%E6%96%87/?x=1');
    expect(sameOriginLocation('/\\evil.example/', '')).toBe('/%5Cevil.example/');
    expect(sameOriginLocation('//evil.example/', '')).toBeNull();
  });

  it('names content types', () => {
    expect(contentTypeFor('pagefind/wasm.zh-hant.pagefind')).toBe('application/octet-stream');
    expect(contentTypeFor('pagefind/pf_fragment/zh-hant_abc.pf_fragment')).toBe('application/octet-stream');
    expect(contentTypeFor('a/b.wasm')).toBe('application/wasm');
    expect(contentTypeFor('sitemap.xml')).toBe('application/xml; charset=utf-8');
  });
});
