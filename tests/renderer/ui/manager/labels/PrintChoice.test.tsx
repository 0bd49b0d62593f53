// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PINS } from '../../../../../renderer/db';
import { withoutIsolates } from '../../../../../renderer/ui/format/bidi';
import type { OpenedSheet } from '../../../../../shared/contract';
import { fail, ok, type HostResult } from '../../../../../shared/result';
import { renderKiosk, signIn, type RenderedKiosk } from '../../harness';

const NAME = 'labels-20260401-093005-a1b2c3.pdf';
const PATH = `/home/kiosk/.config/chinar-pos/labels/${NAME}`;

/** The Labels screen with one product picked and its A4 sheet made; the host answers labels.open with `open`. */
async function sheetMade(open: () => HostResult<OpenedSheet>): Promise<RenderedKiosk & { dialog: HTMLElement }> {
  const kiosk = await renderKiosk({
    handlers: {
      'labels.pdf': () => ok({ path: PATH, name: NAME, pages: 1 }),
      'labels.open': open,
    },
  });
  const { user } = kiosk;
  await signIn(user, DEMO_PINS.manager);
  await user.click(screen.getByTestId('nav-manager'));
  await user.click(await screen.findByTestId('tile-labels'));
  await user.type(screen.getByTestId('labels-search'), 'DEMO-PSH-1');
  await user.click(await screen.findByRole('button', { name: /Pashmina shawl, natural/ }));
  await user.click(screen.getByTestId('labels-sheet-open'));
  const dialog = await screen.findByTestId('labels-sheet-dialog');
  await user.click(within(dialog).getByTestId('print-labels-pdf'));
  await within(dialog).findByTestId('print-labels-pdf-done');
  return { ...kiosk, dialog };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('SheetPrint: a made PDF can be opened and printed', () => {
  it('shows where the PDF was saved, isolated for right-to-left text', async () => {
    const { dialog } = await sheetMade(() => ok({ kind: 'opened' }));
    const path = within(dialog).getByTestId('pdf-path').textContent!;
    expect(path).toBe('\u2068' + PATH + '\u2069');
    expect(withoutIsolates(path)).toBe(PATH);
  });

  it('Open asks the host for the file by its name only, and says the computer\'s viewer has it', async () => {
    const { dialog, fake, user } = await sheetMade(() => ok({ kind: 'opened' }));
    await user.click(within(dialog).getByRole('button', { name: 'Open the PDF' }));
    const shown = await within(dialog).findByTestId('print-labels-pdf-shown');
    expect(shown.textContent).toBe("The PDF is open in this computer's PDF viewer.");
    expect(fake.calls.filter((c) => c.method === 'labels.open')).toEqual([{ method: 'labels.open', input: { name: NAME } }]);
  });

  it('Print opens it the same way and says to print from the viewer', async () => {
    const { dialog, fake, user } = await sheetMade(() => ok({ kind: 'opened' }));
    await user.click(within(dialog).getByRole('button', { name: 'Print the PDF' }));
    expect((await within(dialog).findByTestId('print-labels-pdf-shown')).textContent).toMatch(/print it from there \(Ctrl\+P\)/);
    expect(fake.calls.filter((c) => c.method === 'labels.open').map((c) => c.input)).toEqual([{ name: NAME }]);
  });

  it('on the loopback host, opens the host\'s address in a new tab, or says the browser blocked it', async () => {
    const url = `/api/output/${NAME}?ticket=abc`;
    const { dialog, user } = await sheetMade(() => ok({ kind: 'url', url }));
    const tab = { opener: {} as unknown };
    const open = vi.spyOn(window, 'open').mockReturnValueOnce(tab as Window).mockReturnValueOnce(null);
    await user.click(within(dialog).getByTestId('print-labels-pdf-print'));
    expect((await within(dialog).findByTestId('print-labels-pdf-shown')).textContent).toMatch(/open in a new tab: press its print button/);
    expect(open).toHaveBeenCalledWith(url, '_blank');
    expect(tab.opener).toBeNull();

    await user.click(within(dialog).getByTestId('print-labels-pdf-view'));
    expect((await within(dialog).findByText(/The browser blocked the new tab/)).closest('[data-testid]')?.getAttribute('data-testid')).toBe('print-labels-pdf-shown');
  });

  it('says why when the host could not open it', async () => {
    const { dialog, user } = await sheetMade(() => fail('not-found', `The PDF ${NAME} is no longer in the kiosk's labels folder. Make the sheet again.`));
    await user.click(within(dialog).getByTestId('print-labels-pdf-view'));
    const shown = await within(dialog).findByTestId('print-labels-pdf-shown');
    expect(shown.getAttribute('role')).toBe('alert');
    expect(shown.textContent).toBe(`The PDF did not open: The PDF ${NAME} is no longer in the kiosk's labels folder. Make the sheet again.`);
  });
});
