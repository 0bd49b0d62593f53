import { useState } from 'react';
import { useGeneration } from '../../../hooks/useGeneration';

/**
 * A manager's list of records and the form for one (artisans, products, users): which of the
 * two is shown, the notice over the list, and the generation that reads the list again.
 */
export function useRecordList<View extends { kind: string }>(list: View) {
  const [view, setView] = useState<View>(list);
  const [generation, reload] = useGeneration();
  const [notice, setNotice] = useState<string | null>(null);
  /** Another view, without the last notice: it was about an earlier save. */
  const show = (next: View) => {
    setNotice(null);
    setView(next);
  };
  /** A form's onDone: back to the list; after a save, `said(saved)` over it and the list read again. */
  const formDone = <Saved>(said: (saved: Saved) => string) => (saved: Saved | null) => {
    setView(list);
    if (saved) {
      setNotice(said(saved));
      reload();
    }
  };
  return { view, setView, show, generation, reload, notice, setNotice, formDone };
}
