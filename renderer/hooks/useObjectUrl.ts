import { useEffect, useState } from 'react';

/**
 * A download link's address for text made on the page, released when the text changes
 * or the link goes away (object URLs keep their data alive until revoked).
 */
export function useObjectUrl(text: string | null, make: (text: string) => string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (text === null) {
      setUrl(null);
      return;
    }
    const made = make(text);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [text, make]);
  return url;
}
