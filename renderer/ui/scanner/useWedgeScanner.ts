import { useEffect, useRef } from 'react';
import { createWedgeDetector, DEFAULT_WEDGE_OPTIONS, type WedgeOptions } from './wedge';

/** A text field's content and caret just before a burst started typing into it. */
interface FieldSnapshot {
  field: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

function isTextField(target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit'].includes(target.type));
}

/**
 * Puts a field back as it was before the scanner typed into it. Setting `value` alone is
 * invisible to React (it tracks the last value it rendered); going through the native
 * setter and an `input` event lets React's onChange see the change like a keystroke.
 */
function restoreField(snapshot: FieldSnapshot): void {
  const { field } = snapshot;
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, snapshot.value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  if (snapshot.selectionStart !== null && snapshot.selectionEnd !== null) {
    try {
      field.setSelectionRange(snapshot.selectionStart, snapshot.selectionEnd);
    } catch {
      // Some input types (number, email) have no selection; the value is what matters.
    }
  }
}

/**
 * Listens for the USB scanner anywhere on the page while `enabled`. Keys are watched in
 * the capture phase, before any field or button sees them, and never delayed: typing
 * stays instant. When keys turn out to be a scan (fast keys, then Enter), the Enter is
 * swallowed (so it cannot submit a form or press a focused button) and whatever the
 * scanner typed into a focused field is taken back out.
 */
export function useWedgeScanner(
  enabled: boolean,
  onScan: (code: string) => void,
  options: WedgeOptions = DEFAULT_WEDGE_OPTIONS,
  /**
   * A burst too short to be a label ended with Enter. Without this it is left alone like
   * typing; with it, the Enter and the keys are taken back like a scan's and this is told.
   */
  onTooShort?: () => void,
  /**
   * Told, key by key, what the scanner has typed so far whenever an Enter now would make
   * it a scan (WedgeDetector.pending), so a lookup can start before the Enter comes. Not
   * told while a person types (too slow to be a scan). Must be quick: it runs in the key's
   * own event, and must neither render nor change anything on screen.
   */
  onPending?: (code: string) => void,
): void {
  const onScanRef = useRef(onScan);
  const onTooShortRef = useRef(onTooShort);
  const onPendingRef = useRef(onPending);
  useEffect(() => {
    onScanRef.current = onScan;
    onTooShortRef.current = onTooShort;
    onPendingRef.current = onPending;
  }, [onScan, onTooShort, onPending]);

  useEffect(() => {
    if (!enabled) return;
    const detector = createWedgeDetector(options);
    // What each printable key found before it typed, so a scan can be taken back from the
    // field exactly as far as it reached (the detector decides only at Enter how many of
    // the last keys were the scanner's).
    let before: (FieldSnapshot | null)[] = [];

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.metaKey || (event.altKey && event.key !== 'AltGraph')) {
        detector.reset();
        before = [];
        return;
      }
      const verdict = detector.feed(event.key, event.timeStamp);
      if (verdict.kind === 'key') {
        const target = event.target;
        before.push(isTextField(target)
          ? { field: target, value: target.value, selectionStart: target.selectionStart, selectionEnd: target.selectionEnd }
          : null);
        if (before.length > 128) before.shift();
        if (onPendingRef.current) {
          const pending = detector.pending();
          if (pending !== null) onPendingRef.current(pending);
        }
      } else if (verdict.kind === 'scan' || (verdict.kind === 'short' && onTooShortRef.current)) {
        event.preventDefault();
        event.stopPropagation();
        const first = before[before.length - (verdict.kind === 'scan' ? [...verdict.code].length : verdict.keys)];
        if (first && first.field === event.target) restoreField(first);
        before = [];
        if (verdict.kind === 'scan') onScanRef.current(verdict.code);
        else onTooShortRef.current?.();
      } else if (verdict.kind === 'other' || verdict.kind === 'short') {
        before = [];
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [enabled, options]);
}
