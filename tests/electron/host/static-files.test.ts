import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupStaticFile } from '../../../electron/host/static-files';
import { tempDir } from '../helpers';

async function renderer(): Promise<{ root: string; outside: string }> {
  const base = await tempDir();
  const root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Chinar POS</title>');
  await writeFile(join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'not for the page');
  return { root, outside: join(base, 'secret.txt') };
}

describe('renderer static files', () => {
  it('maps / to index.html and assets by their type', async () => {
    const { root } = await renderer();
    expect(await lookupStaticFile(root, '/')).toMatchObject({ status: 'found', path: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(await lookupStaticFile(root, '/assets/app-1a2b.js')).toMatchObject({ status: 'found', contentType: 'text/javascript; charset=utf-8' });
    expect(await lookupStaticFile(root, '/assets/missing.js')).toEqual({ status: 'not-found' });
  });

  it('refuses every way out of the folder', async () => {
    const { root, outside } = await renderer();
    await symlink(outside, join(root, 'assets', 'link.txt'));
    for (const probe of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '/index.html%00.js', '/assets/link.txt']) {
      expect((await lookupStaticFile(root, probe)).status, probe).toBe('forbidden');
    }
    expect((await lookupStaticFile(root, '/.env')).status).toBe('not-found');
  });

  it('says "not built" when there is no index.html', async () => {
    const base = await tempDir();
    expect(await lookupStaticFile(join(base, 'nothing'), '/')).toEqual({ status: 'not-built' });
  });
});
