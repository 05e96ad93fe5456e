// A small static file server for the built site, with no dependency: used by `npm run serve`,
// the end-to-end tests and the benchmarks. It serves the site under its base path, the way a
// static host would (directory → index.html, unknown path → the right 404.html, the rules of
// `_headers` applied). A path is served or redirected only when it is plain (see plainPath), so
// no encoding of "\", "/", "." or "%" can reach a file outside the site or a Location on another host.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { normaliseBase } from '../src/lib/pages/urls.ts';

export interface ServerOptions {
  /** Directory holding the built site (dist/). */
  root: string;
  /** Base path the site is built for, e.g. '/' or '/sub/'. */
  base?: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Compress text responses when the client accepts it (on by default). */
  compress?: boolean;
}

export interface RunningServer {
  /** Origin plus base path, ending in '/': e.g. http://127.0.0.1:4321/sub/ */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json|wasm)|image\/svg\+xml)/;

export function contentTypeFor(filePath: string): string {
  const name = filePath.slice(filePath.lastIndexOf('/') + 1);
  // Pagefind's index and fragment files (pf_index, pf_fragment, pf_meta, pf_filter) are
  // compressed binary blobs with no meaningful extension.
  if (name.startsWith('pf_') || extname(name).startsWith('.pf_')) return 'application/octet-stream';
  return CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** One block of `_headers` (Netlify, Cloudflare Pages): a path pattern and the headers it adds. */
export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/**
 * Reads `_headers`: an unindented line is a path ("*" matches anything, ":name" one segment), the
 * indented "Name: value" lines under it are its headers; "#" starts a comment.
 */
export function parseHeaderRules(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .split(/(\*|:[A-Za-z]\w*)/)
        .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule && colon > 0) rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers of every rule matching a path below the base; a header given twice has its values joined, as hosts do. */
export function headersFor(rules: readonly HeaderRule[], relPath: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.pattern.test(relPath)) continue;
    for (const [name, value] of rule.headers) {
      const key = Object.keys(found).find((known) => known.toLowerCase() === name.toLowerCase()) ?? name;
      found[key] = found[key] === undefined ? value : `${found[key]}, ${value}`;
    }
  }
  return found;
}

/**
 * The decoded path when it is plain, else null. Plain: it decodes, and the decoded path has no
 * backslash, control character or "%" (a double encoding such as %255C), no empty, "." or ".."
 * segment, and no segment that an encoded "/" (%2F) split. Browsers read "/\\host" as "//host",
 * so anything else could become a Location on another host or a file outside the site.
 */
export function plainPath(rawPath: string): string | null {
  if (/%2f/i.test(rawPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || /[\\%\u0000-\u001f\u007f]/.test(decoded)) return null;
  const segments = decoded.split('/').slice(1, -1);
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return null;
  const last = decoded.slice(decoded.lastIndexOf('/') + 1);
  return last === '.' || last === '..' ? null : decoded;
}

/** A Location for a plain path on this site: each segment encoded again, so the header names the same place. */
export function sameOriginLocation(path: string, search: string): string | null {
  const location = `${path.split('/').map(encodeURIComponent).join('/')}${search}`;
  const probe = new URL(location, 'http://site.invalid/');
  return probe.origin === 'http://site.invalid' && location.startsWith('/') && !/^\/[\\/]/.test(location) ? location : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Maps a URL path (already stripped of the base) to a file under root, or null. */
async function resolveFile(root: string, relPath: string): Promise<string | null> {
  const target = resolve(root, `.${relPath}`);
  // Refuse anything that escapes the root (e.g. encoded ../).
  if (target !== root && !target.startsWith(root + sep)) return null;
  if (relPath.endsWith('/')) {
    const index = join(target, 'index.html');
    return (await isFile(index)) ? index : null;
  }
  return (await isFile(target)) ? target : null;
}

function pickEncoding(req: IncomingMessage): 'br' | 'gzip' | null {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: Buffer,
  contentType: string,
  compress: boolean,
  extra: Record<string, string> = {},
): void {
  const headers: Record<string, string | number> = {
    'X-Content-Type-Options': 'nosniff',
    ...extra,
    'Content-Type': contentType,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
  };
  let payload = body;
  const encoding = compress && COMPRESSIBLE.test(contentType) && body.length > 512 ? pickEncoding(req) : null;
  if (encoding === 'br') {
    payload = brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } });
    headers['Content-Encoding'] = 'br';
  } else if (encoding === 'gzip') {
    payload = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = payload.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

const TEXT = 'text/plain; charset=utf-8';

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  const base = normaliseBase(options.base ?? '/');
  const host = options.host ?? '127.0.0.1';
  const compress = options.compress ?? true;

  // `_headers` is read again when the site is rebuilt under a running server.
  let headerRules: { mtimeMs: number; rules: HeaderRule[] } = { mtimeMs: -1, rules: [] };
  const rulesNow = async (): Promise<HeaderRule[]> => {
    const file = join(root, '_headers');
    const info: Stats | undefined = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return [];
    if (info.mtimeMs !== headerRules.mtimeMs) headerRules = { mtimeMs: info.mtimeMs, rules: parseHeaderRules(await readFile(file, 'utf8')) };
    return headerRules.rules;
  };

  const notFound = async (req: IncomingMessage, res: ServerResponse, relPath: string): Promise<void> => {
    const extra = headersFor(await rulesNow(), relPath);
    // Pages under /zh-hans/ get the Simplified 404 when it exists.
    const candidates = relPath.startsWith('/zh-hans/') ? ['zh-hans/404.html', '404.html'] : ['404.html'];
    for (const candidate of candidates) {
      const file = join(root, candidate);
      if (await isFile(file)) {
        send(req, res, 404, await readFile(file), CONTENT_TYPES['.html']!, compress, extra);
        return;
      }
    }
    send(req, res, 404, Buffer.from('Not found\n'), TEXT, false, extra);
  };

  const redirect = async (req: IncomingMessage, res: ServerResponse, location: string | null): Promise<void> => {
    if (location === null) return notFound(req, res, '/');
    res.writeHead(301, { Location: location, 'X-Content-Type-Options': 'nosniff' }).end();
  };

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const target = req.url ?? '/';
      const queryAt = target.indexOf('?');
      const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
      let malformed = !rawPath.startsWith('/');
      try {
        decodeURIComponent(rawPath);
      } catch {
        malformed = true;
      }
      if (malformed) {
        send(req, res, 400, Buffer.from('Bad request\n'), TEXT, false);
        return;
      }
      // The raw path, not the URL parser's reading of it, which turns "\\" into "/" and resolves "..".
      const pathname = plainPath(rawPath);
      if (pathname === null) {
        await notFound(req, res, '/');
        return;
      }
      // Parsed as a path: "//x" on its own would be read as a host; the query comes back encoded.
      const { search } = new URL(`http://localhost${target.startsWith('/') ? '' : '/'}${target}`);
      if (`${pathname}/` === base) {
        await redirect(req, res, sameOriginLocation(base, ''));
        return;
      }
      if (!pathname.startsWith(base)) {
        await notFound(req, res, '/');
        return;
      }
      const relPath = `/${pathname.slice(base.length)}`;
      const file = await resolveFile(root, relPath);
      if (file) {
        send(req, res, 200, await readFile(file), contentTypeFor(file), compress, headersFor(await rulesNow(), relPath));
        return;
      }
      // A directory requested without its trailing slash: redirect, as static hosts do.
      if (!relPath.endsWith('/') && (await resolveFile(root, `${relPath}/`))) {
        await redirect(req, res, sameOriginLocation(`${pathname}/`, search));
        return;
      }
      await notFound(req, res, relPath);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': TEXT });
      res.end(`Server error: ${String(error)}\n`);
    });
  });

  // An idle kept-alive connection is never closed from this side: Node's default closes it after
  // about 6 s, and a client reusing it at that moment reads ECONNRESET (seen in CI as a page that "failed"
  // between two tests). Clients close their own idle connections; close() below ends the rest.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.env.SITE_OUT_DIR ?? 'dist';
  const running = await startServer({
    root,
    base: process.env.SITE_BASE ?? '/',
    port: Number(process.env.PORT ?? 4321),
  });
  console.log(`Serving ${root} at ${running.url}`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
