// The built site under test, shared by the browser tests and the file checks of tests/site:
// dist/ at the root unless E2E_SITE_DIR / E2E_SITE_BASE say otherwise.
import { resolve } from 'node:path';
import { normaliseBase } from '../../src/lib/pages/urls.ts';

export const DEFAULT_SITE_DIR = resolve(process.env.E2E_SITE_DIR ?? 'dist');
export const DEFAULT_SITE_BASE = normaliseBase(process.env.E2E_SITE_BASE ?? process.env.SITE_BASE ?? '/');
