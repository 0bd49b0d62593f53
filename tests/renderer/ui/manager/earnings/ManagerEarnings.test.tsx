// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, type ChinarDb } from '../../../../../renderer/db';
import { openTestDay, sellBarcodes, sequentialIds } from '../../../db/helpers';
import { renderKiosk, signIn, type RenderedKiosk } from '../../harness';

const newId = sequentialIds('m');

/** The pages show today: the sale is made now, not at the fixed noon. */
const sellNow = (db: ChinarDb, barcodes: string[]) => sellBarcodes(db, barcodes, { newId, now: new Date() });

/** The pages show today (and the days before): the day is opened now, not at the harness's fixed noon. */
async function kioskOpenToday(): Promise<RenderedKiosk> {
  const kiosk = await renderKiosk({ openDay: false });
  await openTestDay(kiosk.db, newId, new Date());
  return kiosk;
}

async function openTile(kiosk: RenderedKiosk, tile: string) {
  await kiosk.user.click(screen.getByTestId('nav-manager'));
  const back = screen.queryByTestId('manager-back');
  if (back) await kiosk.user.click(back);
  await kiosk.user.click(await screen.findByTestId(`tile-${tile}`));
}

describe('the manager’s earnings, GST and audit pages', () => {
  it('shows every artisan’s earnings with a drawn chart, women’s share and a CSV', async () => {
    const kiosk = await kioskOpenToday();
    const { lines } = await sellNow(kiosk.db, ['2000000000015', '2000000000039', '2000000000053']);
    await signIn(kiosk.user, DEMO_PINS.manager);
    await openTile(kiosk, 'earnings');
    const rows = await screen.findAllByTestId('earnings-row');
    expect(rows.map((r) => r.firstElementChild!.textContent)).toEqual(['DEMO-01', 'DEMO-02', 'DEMO-03']);
    const bars = within(screen.getByTestId('earnings-chart')).getAllByTestId('chart-bar');
    expect(bars).toHaveLength(7);
    const total = lines.reduce((s, l) => s + l.artisanNet, 0);
    expect(Number(bars.at(-1)!.getAttribute('data-net'))).toBe(total);
    const women = lines.filter((l) => l.artisanCode !== 'DEMO-03').reduce((s, l) => s + l.artisanNet, 0);
    const pct = Math.round((women * 10_000) / total) / 100;
    expect(screen.getByTestId('women-share').textContent).toContain(`${pct}%`);
    expect((await screen.findByTestId('earnings-csv')).getAttribute('download')).toMatch(/^earnings-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('gives the month’s GST tables, and names an altered audit entry', async () => {
    const kiosk = await kioskOpenToday();
    await sellNow(kiosk.db, ['2000000000015']);
    await signIn(kiosk.user, DEMO_PINS.manager);
    await openTile(kiosk, 'gst');
    expect((await screen.findByTestId('gst-b2cs')).textContent).toContain('5%');
    expect(screen.getByTestId('gst-hsn').textContent).toContain('6214');
    await screen.findByTestId('gst-hsn-csv');

    await openTile(kiosk, 'audit');
    const count = await kiosk.db.audit.count();
    expect((await screen.findByTestId('audit-verdict')).textContent).toMatch(new RegExp(`^Audit log: intact \\(${count} entries, head [0-9a-f]{16}\\)`));
    const second = (await kiosk.db.audit.get(2))!;
    await kiosk.db.audit.put({ ...second, action: 'forged' });
    await kiosk.user.click(screen.getByTestId('audit-again'));
    expect((await screen.findByText(/entry 2 was altered/)).textContent).toBe('Audit log: entry 2 was altered after it was written.');
  });
});
