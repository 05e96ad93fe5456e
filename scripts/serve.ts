// A small static file server for the built site, with no dependency: used by `npm run serve`,
// the end-to-end tests and the benchmarks. It serves the site under its base path, the way a
// static host would (directory → index.html, unknown path → the right 404.html).
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
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
): void {
  const headers: Record<string, string | number> = {
    'Content-Type': contentType,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
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

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  const base = normaliseBase(options.base ?? '/');
  const host = options.host ?? '127.0.0.1';
  const compress = options.compress ?? true;

  const notFound = async (req: IncomingMessage, res: ServerResponse, relPath: string): Promise<void> => {
    // Pages under /zh-hans/ get the Simplified 404 when it exists.
    const candidates = relPath.startsWith('/zh-hans/') ? ['zh-hans/404.html', '404.html'] : ['404.html'];
    for (const candidate of candidates) {
      const file = join(root, candidate);
      if (await isFile(file)) {
        send(req, res, 404, await readFile(file), CONTENT_TYPES['.html']!, compress);
        return;
      }
    }
    send(req, res, 404, Buffer.from('Not found\n'), CONTENT_TYPES['.txt']!, false);
  };

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      // Parsed as a path: "//x" on its own would be read as a host, and fail to parse.
      const url = new URL(`http://localhost${req.url ?? '/'}`);
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        send(req, res, 400, Buffer.from('Bad request\n'), CONTENT_TYPES['.txt']!, false);
        return;
      }
      // No page has an empty path segment; "//people" redirected to "//people/" would leave the site.
      if (pathname.includes('//')) {
        await notFound(req, res, pathname);
        return;
      }
      if (`${pathname}/` === base) {
        res.writeHead(301, { Location: base }).end();
        return;
      }
      if (!pathname.startsWith(base)) {
        await notFound(req, res, '/');
        return;
      }
      const relPath = `/${pathname.slice(base.length)}`;
      const file = await resolveFile(root, relPath);
      if (file) {
        send(req, res, 200, await readFile(file), contentTypeFor(file), compress);
        return;
      }
      // A directory requested without its trailing slash: redirect, as static hosts do.
      if (!relPath.endsWith('/') && (await resolveFile(root, `${relPath}/`))) {
        res.writeHead(301, { Location: `${pathname}/${url.search}` }).end();
        return;
      }
      await notFound(req, res, relPath);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Server error: ${String(error)}\n`);
    });
  });

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
