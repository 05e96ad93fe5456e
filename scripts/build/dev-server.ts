/**
 * `astro dev` shows the site as the build makes it, in both scripts:
 * - a request under <base>zh-hans/ is answered with the Traditional page the dev server renders,
 *   converted by the same function as the build's twins step (src/lib/twin/html.ts); anything
 *   that is not HTML (the dev server's scripts and styles, which the twin's links point into
 *   zh-hans/ as they do for built assets) is passed on unchanged;
 * - an edit under content/ drops the cached Site (src/lib/site/cache.ts) and the converter,
 *   validates again at once (a content error is printed here with its file, entry and field,
 *   and the reloaded page shows the same message in the error overlay) and reloads the browser.
 * The CSP and the search index are build steps: the dev server has neither.
 */
import { join, relative, sep } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { getSite, invalidateSite } from '../../src/lib/site/cache.ts';
import { createSimplifier, loadOverrides, type Simplifier } from '../../src/lib/twin/convert.ts';
import { SIMPLIFIED_DIR, makeSimplifiedTwin } from '../../src/lib/twin/html.ts';

type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

export interface DevOptions {
  root: string;
  /** The normalised base, "/" or "/sub/". */
  base: string;
  logger: AstroIntegrationLogger;
}

export function serveTwinsAndWatchContent(server: DevServer, { root, base, logger }: DevOptions): void {
  const contentDir = join(root, 'content');
  let convert: Simplifier | undefined;

  const validate = (done: string): void => {
    getSite(root).then(
      () => logger.info(done),
      (error: unknown) => logger.error(error instanceof Error ? error.message : String(error)),
    );
  };
  const onContentEdit = (path: string): void => {
    if (!path.startsWith(contentDir + sep)) return;
    invalidateSite(root);
    convert = undefined;
    validate(`content reloaded after an edit to ${relative(root, path)}`);
    server.ws.send({ type: 'full-reload' });
  };
  validate('content validated');
  server.watcher.add(contentDir);
  for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onContentEdit);

  const twinPrefix = `${base}${SIMPLIFIED_DIR}`;
  server.middlewares.use((request, response, next) => {
    const url = new URL(request.url ?? '/', 'http://dev.invalid');
    if (!url.pathname.startsWith(twinPrefix)) {
      next();
      return;
    }
    const pathBelowBase = url.pathname.slice(twinPrefix.length);
    const traditional = new URL(`${base}${pathBelowBase}${url.search}`, `http://${request.headers.host ?? 'localhost'}`);
    fetch(traditional, { headers: { accept: request.headers.accept ?? '*/*' } })
      .then(async (original) => {
        const type = original.headers.get('content-type') ?? '';
        response.statusCode = original.status;
        if (type) response.setHeader('content-type', type);
        if (!type.startsWith('text/html')) {
          response.end(Buffer.from(await original.arrayBuffer()));
          return;
        }
        convert ??= createSimplifier(loadOverrides(root));
        // A missing page is answered with the not-found page, whose twin is zh-hans/404.html in the build.
        const path = original.status === 404 ? '404.html' : decodeURIComponent(pathBelowBase);
        response.end(makeSimplifiedTwin(await original.text(), { path, base, convert }));
      })
      .catch(next);
  });
}
