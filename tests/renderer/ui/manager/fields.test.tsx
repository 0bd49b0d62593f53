// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../../renderer/i18n';
import { TextField } from '../../../../renderer/ui/manager/common/fields';

/** One TextField with its keypad, and a second field to move the focus to. */
function Form({ keypad, digits, initial = '' }: { keypad: 'amount' | 'count' | 'code'; digits?: number; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <TextField label="Commission" value={value} onChange={setValue} keypad={keypad} {...(digits === undefined ? {} : { digits })} testId="field" />
      <TextField label="Name" value="" onChange={() => undefined} testId="other" />
    </>
  );
}

function keypad() {
  return screen.queryByRole('group', { name: 'Keypad for Commission' });
}

async function tap(group: HTMLElement, keys: string): Promise<void> {
  const user = userEvent.setup();
  for (const key of keys) await user.click(within(group).getByRole('button', { name: key === '.' ? 'Decimal point' : key }));
}

describe('TextField: a number typed by touch on its own keypad', () => {
  beforeAll(() => initI18n('en'));
  afterEach(cleanup);

  it('shows the keypad while the field has the focus, and types an amount with its point', async () => {
    const user = userEvent.setup();
    render(<Form keypad="amount" />);
    expect(keypad()).toBeNull();
    await user.click(screen.getByTestId('field'));
    await tap(keypad()!, '12.505');
    expect((screen.getByTestId('field') as HTMLInputElement).value).toBe('12.50');
    // The keys keep the focus in the field; the keyboard still types there.
    expect(document.activeElement).toBe(screen.getByTestId('field'));
    await user.keyboard('{Backspace}');
    expect((screen.getByTestId('field') as HTMLInputElement).value).toBe('12.5');
    await user.click(screen.getByTestId('other'));
    expect(keypad()).toBeNull();
  });

  it('types a count of at most its digits, Clear empties it, and a code keeps its leading zero', async () => {
    const user = userEvent.setup();
    render(<Form keypad="count" digits={3} initial="7" />);
    await user.click(screen.getByTestId('field'));
    await tap(keypad()!, '0123');
    expect((screen.getByTestId('field') as HTMLInputElement).value).toBe('701');
    await user.click(within(keypad()!).getByRole('button', { name: 'Clear' }));
    await tap(keypad()!, '05');
    expect((screen.getByTestId('field') as HTMLInputElement).value).toBe('5');
    cleanup();

    render(<Form keypad="code" digits={8} />);
    await user.click(screen.getByTestId('field'));
    await tap(keypad()!, '0401');
    expect((screen.getByTestId('field') as HTMLInputElement).value).toBe('0401');
  });
});
