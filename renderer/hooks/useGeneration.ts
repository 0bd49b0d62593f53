import { useCallback, useState } from 'react';

/** A counter that screens bump after a save, so the lists they show load again. */
export function useGeneration(): [number, () => void] {
  const [generation, setGeneration] = useState(0);
  return [generation, useCallback(() => setGeneration((g) => g + 1), [])];
}
