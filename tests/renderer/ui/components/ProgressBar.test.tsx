// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressBar } from '../../../../renderer/ui/components/ProgressBar';
import { formatCount } from '../../../../renderer/ui/format';

afterEach(cleanup);

describe('ProgressBar', () => {
  it('is a progressbar with its numbers, its name and its value in words, shown under it too', () => {
    const text = `Restoring: ${formatCount(120_000)} of ${formatCount(200_000)} rows`;
    render(<ProgressBar name="Restoring the backup" text={text} value={120_000} max={200_000} testId="bar" />);
    const bar = screen.getByRole('progressbar', { name: 'Restoring the backup' });
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('200000');
    expect(bar.getAttribute('aria-valuenow')).toBe('120000');
    expect(bar.getAttribute('aria-valuetext')).toBe('Restoring: 1,20,000 of 2,00,000 rows');
    expect(screen.getByTestId('bar').textContent).toContain('1,20,000 of 2,00,000');
    expect((bar.firstElementChild as HTMLElement).style.inlineSize).toBe('60%');
  });

  it('keeps its value within 0 and the end, and says nothing of a value it does not know', () => {
    const { rerender } = render(<ProgressBar name="Backing up" text="…" value={250} max={100} />);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    rerender(<ProgressBar name="Backing up" text="Saving the backup file…" value={null} max={100} />);
    expect(screen.getByRole('progressbar').hasAttribute('aria-valuenow')).toBe(false);
  });
});
