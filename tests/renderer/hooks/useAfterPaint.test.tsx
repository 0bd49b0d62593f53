// @vitest-environment happy-dom
import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AFTER_PAINT_LIMIT_MS, afterNextPaint, useEffectAfterPaint } from '../../../renderer/hooks/useAfterPaint';

/** Animation frames held back until the test lets one through (a frame the browser has not drawn yet). */
function holdFrames() {
  const frames: FrameRequestCallback[] = [];
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation(() => undefined);
  return { draw: () => { for (const cb of frames.splice(0)) cb(performance.now()); } };
}

describe('work after the next paint', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('runs in a task after the frame, not before it and not twice', () => {
    vi.useFakeTimers();
    const frames = holdFrames();
    const run = vi.fn();
    afterNextPaint(run);
    vi.advanceTimersByTime(AFTER_PAINT_LIMIT_MS - 1);
    expect(run).not.toHaveBeenCalled();
    frames.draw();
    // Inside the frame callback it is only queued: the frame's paint comes first.
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(AFTER_PAINT_LIMIT_MS * 2);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('still runs when no frame comes (a page behind another), and a cancel stops it', () => {
    vi.useFakeTimers();
    holdFrames();
    const run = vi.fn();
    afterNextPaint(run);
    vi.advanceTimersByTime(AFTER_PAINT_LIMIT_MS);
    expect(run).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    const cancel = afterNextPaint(cancelled);
    cancel();
    vi.advanceTimersByTime(AFTER_PAINT_LIMIT_MS * 2);
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('runs each change in order with the values of its render, and what is left when the page is left or at unmount', () => {
    vi.useFakeTimers();
    const frames = holdFrames();
    const written: number[] = [];
    function Keeper({ value, keep }: { value: number; keep: boolean }) {
      useEffectAfterPaint(() => (keep ? () => { written.push(value); } : undefined), [value, keep]);
      return null;
    }
    const view = render(<Keeper value={1} keep />);
    view.rerender(<Keeper value={2} keep />);
    view.rerender(<Keeper value={3} keep={false} />);
    expect(written).toEqual([]);
    act(() => { frames.draw(); vi.advanceTimersByTime(0); });
    expect(written).toEqual([1, 2]);

    view.rerender(<Keeper value={4} keep />);
    expect(written).toEqual([1, 2]);
    // The page being left (a reload) does it at once, without waiting for a frame.
    window.dispatchEvent(new Event('pagehide'));
    expect(written).toEqual([1, 2, 4]);
    act(() => { frames.draw(); vi.advanceTimersByTime(AFTER_PAINT_LIMIT_MS); });
    expect(written).toEqual([1, 2, 4]);

    view.rerender(<Keeper value={5} keep />);
    view.unmount();
    expect(written).toEqual([1, 2, 4, 5]);
  });
});
