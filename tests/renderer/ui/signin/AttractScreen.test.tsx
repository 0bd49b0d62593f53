// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PINS } from '../../../../renderer/db';
import { DEMO_ARTISANS } from '../../../../renderer/db/demo-data';
import { SPOTLIGHT_MS, storyExcerpt } from '../../../../renderer/ui/signin/AttractScreen';
import { renderKiosk, scan, signIn } from '../harness';

const fakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], shouldAdvanceTime: true });

async function idle(ms: number) {
  await act(async () => { vi.advanceTimersByTime(ms); });
}

describe('the idle sign-in screen: artisans’ spotlights', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('appears after the store’s idle seconds, fair-wage certified artisans first, and rotates', async () => {
    fakeClock();
    const kiosk = await renderKiosk();
    const seconds = kiosk.station().profile.attractAfterSeconds;
    await idle(seconds * 1000 - 1_000);
    expect(screen.queryByTestId('attract-screen')).toBeNull();
    await idle(2_000);
    const first = await screen.findByTestId('spotlight');
    const certified = DEMO_ARTISANS.filter((a) => a.fairWage).sort((a, b) => a.name.localeCompare(b.name));
    expect(within(first).getByTestId('spotlight-name').textContent).toBe(certified[0]!.name);
    expect(within(first).getByTestId('spotlight-fairwage').textContent).toMatch(/Fair-wage certified/);
    // No photo in the demo store: her initials instead.
    expect(within(first).getByTestId('spotlight-initials')).toBeTruthy();

    await idle(SPOTLIGHT_MS);
    await waitFor(() => expect(screen.getByTestId('spotlight-name').textContent).toBe((certified[1] ?? DEMO_ARTISANS.find((a) => !a.fairWage)!).name));
  });

  it('goes back to sign-in on a touch, and that touch presses nothing beneath', async () => {
    fakeClock();
    const kiosk = await renderKiosk();
    await idle(kiosk.station().profile.attractAfterSeconds * 1000 + 1);
    await kiosk.user.click(await screen.findByTestId('attract-screen'));
    expect(screen.queryByTestId('attract-screen')).toBeNull();
    expect(screen.getByTestId('pin-dots').getAttribute('aria-label')).toBe('0 digits entered');
    await signIn(kiosk.user, DEMO_PINS.operator);
  });

  it('a key wakes it without typing a digit', async () => {
    fakeClock();
    const kiosk = await renderKiosk();
    await idle(kiosk.station().profile.attractAfterSeconds * 1000 + 1);
    await screen.findByTestId('attract-screen');
    await kiosk.user.keyboard('5');
    expect(screen.queryByTestId('attract-screen')).toBeNull();
    expect(screen.getByTestId('pin-dots').getAttribute('aria-label')).toBe('0 digits entered');
  });

  it('a card scanned at it still reaches the artisan’s sign-in, its first key included', async () => {
    fakeClock();
    const kiosk = await renderKiosk();
    await idle(kiosk.station().profile.attractAfterSeconds * 1000 + 1);
    await screen.findByTestId('attract-screen');
    scan(DEMO_ARTISANS[0]!.code);
    await waitFor(() => expect(screen.getByTestId('signin-screen').dataset.mode).toBe('artisan'));
    expect((screen.getByTestId('signin-artisan-code') as HTMLInputElement).value).toBe(DEMO_ARTISANS[0]!.code);
  });

  it('never shows when the store set 0 seconds', async () => {
    fakeClock();
    const kiosk = await renderKiosk();
    const row = (await kiosk.db.settings.get('storeProfile'))!;
    await kiosk.db.settings.put({ key: 'storeProfile', value: { ...(row.value as object), attractAfterSeconds: 0 } });
    const { cleanup } = await import('@testing-library/react');
    cleanup();
    await renderKiosk({ db: kiosk.db });
    await idle(3600_000);
    expect(screen.queryByTestId('attract-screen')).toBeNull();
  });
});

describe('storyExcerpt', () => {
  it('keeps a short story whole and cuts a long one at a word, with an ellipsis', () => {
    expect(storyExcerpt('  She learnt  Sozni from her mother. ')).toBe('She learnt Sozni from her mother.');
    const long = 'word '.repeat(100);
    const cut = storyExcerpt(long, 50);
    expect(cut.endsWith('word…')).toBe(true);
    expect([...cut].length).toBeLessThanOrEqual(51);
  });
});
