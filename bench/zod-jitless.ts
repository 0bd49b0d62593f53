/**
 * Imported first by bench/app-page.ts: that bundle has its own copy of zod, runs under the
 * app's CSP (no eval), and zod decides whether to compile a schema when it is built, at
 * import time. So the switch must be thrown before any schema module loads.
 */
import { z } from 'zod';

z.config({ jitless: true });
