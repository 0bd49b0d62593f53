/**
 * What a keypad key does to the text it edits. Pure, so the on-screen keypad and the
 * physical keyboard go through the same rules.
 */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '.' | 'backspace' | 'clear';

const DIGIT = /^[0-9]$/;

export function isKeypadKey(key: string): key is KeypadKey {
  return DIGIT.test(key) || key === '.' || key === 'backspace' || key === 'clear';
}

/** A keyboard key as a keypad key ("Backspace" → "backspace", "Escape" → "clear"), or null. */
export function keypadKeyFromKeyboard(key: string): KeypadKey | null {
  if (DIGIT.test(key) || key === '.') return key as KeypadKey;
  if (key === 'Backspace') return 'backspace';
  if (key === 'Delete' || key === 'Escape') return 'clear';
  return null;
}

/** Longest amount in whole rupees we accept: ₹99,99,99,999 is more than any sale here. */
const MAX_RUPEE_DIGITS = 9;

/**
 * Edits a rupee amount as typed: at most one point, two decimals, no leading zeros
 * ("0" then "5" is "5"), so the text always parses with parseRupees.
 */
export function editAmount(text: string, key: KeypadKey): string {
  if (key === 'clear') return '';
  if (key === 'backspace') return text.slice(0, -1);
  const [whole = '', fraction] = text.split('.');
  if (key === '.') {
    if (fraction !== undefined) return text;
    return whole === '' ? '0.' : `${text}.`;
  }
  if (fraction !== undefined) return fraction.length >= 2 ? text : text + key;
  if (whole === '0') return key;
  return whole.length >= MAX_RUPEE_DIGITS ? text : text + key;
}

/** PINs are digits only, up to `maxLength`. */
export function editPin(pin: string, key: KeypadKey, maxLength = 6): string {
  if (key === 'clear') return '';
  if (key === 'backspace') return pin.slice(0, -1);
  if (!DIGIT.test(key) || pin.length >= maxLength) return pin;
  return pin + key;
}
