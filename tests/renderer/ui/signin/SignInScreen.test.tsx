// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { applyCatalogImport, newId } from '../../../../renderer/db';
import { renderKiosk } from '../harness';

// happy-dom's import.meta.url is not a file: URL; the tests run from the repository root.
const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/catalog', name), 'utf8');

describe('SignInScreen: the demo PINs', () => {
  it('shows them while the demo market is in use, and drops them as soon as a real catalog is imported', async () => {
    const { db } = await renderKiosk();
    expect(screen.getByTestId('demo-pins').textContent).toContain('9999');
    const imported = await applyCatalogImport(db, { artisansCsv: fixture('artisans.csv'), productsCsv: fixture('products.csv') }, {
      actor: { id: 'manager-1', name: 'Manager' }, now: new Date(), newId,
    });
    expect(imported.ok).toBe(true);
    // No reload: the Station the kiosk started with still says "demo".
    await waitFor(() => expect(screen.queryByTestId('demo-pins')).toBeNull());
    expect(screen.getByTestId('signin-screen')).toBeTruthy();
  });
});
