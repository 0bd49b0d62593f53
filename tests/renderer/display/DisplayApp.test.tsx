// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DisplayApp, initialsOf } from '../../../renderer/display/DisplayApp';
import { initI18n } from '../../../renderer/i18n';
import { withoutIsolates } from '../../../renderer/ui/format/bidi';
import type { DisplayState } from '../../../shared/display';
import { cartDisplayState } from '../../fixtures/display-state';

afterEach(() => cleanup());

const thanks: DisplayState = {
  language: 'en',
  storeName: 'Chinar Crafts Market',
  phase: {
    kind: 'thanks',
    total: 1_430_000,
    tourist: [],
    artisansShare: 1_100_000,
    artisans: [
      { artisanId: 'a-017', name: 'Shahida Bano', share: 950_000, photoUrl: 'data:image/png;base64,iVBORw0KGgo=' },
      { artisanId: 'a-022', name: 'Ghulam Nabi', share: 150_000 },
    ],
  },
};

describe('customer display page', () => {
  it('shows each line with its maker, the total and the tourist amount with its rate date', async () => {
    await initI18n('en');
    render(<DisplayApp state={cartDisplayState} status="live" />);
    const lines = screen.getAllByTestId('display-line');
    expect(lines.map((l) => within(l).getByTestId('display-maker').textContent)).toEqual(['made by Shahida Bano', 'made by Ghulam Nabi']);
    expect(lines[1]!.textContent).toContain('2 ×');
    expect(screen.getByTestId('display-total').textContent).toContain('₹14,300.00');
    expect(withoutIsolates(screen.getByTestId('tourist-USD').textContent ?? '')).toMatch(/approx\. USD\s170\.00.*1 USD = ₹84\.12, rate of 1 Dec 2026/);
  });

  it('thanks each artisan with her photo, or her initials in a circle, and her share', async () => {
    await initI18n('en');
    render(<DisplayApp state={thanks} status="live" />);
    const [shahida, nabi] = screen.getAllByTestId('display-artisan');
    expect(within(shahida!).getByRole('img', { name: 'Shahida Bano' }).getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(within(nabi!).getByRole('img', { name: 'Ghulam Nabi (no photo)' }).textContent).toBe('GN');
    // Each amount isolated, so an Urdu sentence keeps its ₹ before the figures.
    expect(within(nabi!).getByTestId('display-share').textContent).toBe('\u2068₹1,500.00\u2069 goes to the maker');
    expect(withoutIsolates(screen.getByTestId('display-shares-total').textContent!)).toBe('₹11,000.00 of your ₹14,300.00 goes to the artisans.');
    expect(initialsOf('  حلیمہ اختر ')).toBe('حا');
  });

  it('follows the counter into Urdu, right to left', async () => {
    await initI18n('en');
    render(<DisplayApp state={{ ...cartDisplayState, language: 'ur' }} status="live" />);
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(screen.getByRole('heading', { name: 'آپ کی خریداری' })).toBeTruthy();
  });

  it('says what to do without a key, and keeps the last state while reconnecting', async () => {
    await initI18n('en');
    const { rerender } = render(<DisplayApp state={null} status="no-key" />);
    expect(screen.getByTestId('display-no-key').textContent).toContain('Open the customer display address the kiosk host printed');
    rerender(<DisplayApp state={cartDisplayState} status="lost" />);
    expect(screen.getByTestId('display-lost').textContent).toBe('Reconnecting to the counter…');
    expect(screen.getAllByTestId('display-line')).toHaveLength(2);
  });
});
