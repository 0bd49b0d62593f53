// @vitest-environment happy-dom
import { act, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { idleRemainingMs, useIdleTimeout } from '../../../renderer/hooks/useIdleTimeout';

describe('idle sign-out', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('is due the timeout after the last activity', () => {
    expect(idleRemainingMs(1_000, 1_000, 300_000)).toBe(300_000);
    expect(idleRemainingMs(1_000, 200_000, 300_000)).toBe(101_000);
    expect(idleRemainingMs(1_000, 301_000, 300_000)).toBe(0);
    expect(idleRemainingMs(1_000, 999_999, 300_000)).toBe(0);
  });

  it('fires after the idle time, and activity in between puts it off', () => {
    vi.useFakeTimers();
    let now = 0;
    const clock = () => now;
    const onIdle = vi.fn();
    function Probe({ enabled }: { enabled: boolean }) {
      useIdleTimeout(enabled, 60_000, onIdle, clock);
      return null;
    }
    const view = render(<Probe enabled />);
    const pass = (ms: number) => act(() => { now += ms; vi.advanceTimersByTime(ms); });
    pass(50_000);
    fireEvent.pointerDown(window);
    pass(50_000);
    expect(onIdle).not.toHaveBeenCalled();
    pass(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    view.rerender(<Probe enabled={false} />);
    pass(120_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
