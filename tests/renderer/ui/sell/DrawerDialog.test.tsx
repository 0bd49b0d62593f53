// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS } from '../../../../renderer/db';
import { renderKiosk, signIn } from '../harness';

describe('DrawerDialog: a no-sale drawer open', () => {
  it('opens the drawer with a reason and a manager’s PIN, and records who let it', async () => {
    const { user, db, fake } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    await user.click(screen.getByTestId('open-drawer'));
    const dialog = await screen.findByTestId('drawer-dialog');
    await user.click(within(dialog).getByTestId('drawer-reason-count-float'));
    await user.type(within(dialog).getByTestId('drawer-pin-input'), DEMO_PINS.manager);
    await user.click(within(dialog).getByTestId('drawer-open'));
    await waitFor(() => expect(screen.queryByTestId('drawer-dialog')).toBeNull());
    expect((await screen.findByTestId('scan-notice')).textContent).toContain('Manager');
    expect(fake.calls.filter((c) => c.method === 'drawer.open')).toHaveLength(1);
    const entry = (await db.audit.toArray()).find((a) => a.action === 'drawer.no-sale');
    expect(entry?.detail).toMatchObject({ reason: 'count-float' });
  });
});
