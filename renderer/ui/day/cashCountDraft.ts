import { NOTE_DENOMINATIONS } from '../../../shared/cash-count';
import type { CashCount, NoteRupees } from '../../../shared/entities';
import { paise, parseRupees, type Paise } from '../../../shared/money';
import { editAmount, editPin, type KeypadKey } from '../components/keypadInput';

/** Which field of a drawer count the keypad types into. */
export type CountField = NoteRupees | 'coins';

/** A drawer count as typed: note counts and the coins in rupees, as text. */
export interface CountDraft {
  notes: Record<NoteRupees, string>;
  coins: string;
}

export const EMPTY_DRAFT: CountDraft = { notes: { 500: '', 200: '', 100: '', 50: '', 20: '', 10: '' }, coins: '' };

/** Up to 9999 notes of a kind: more than any drawer holds. */
const MAX_NOTE_DIGITS = 4;

/** A key typed into one field: note counts are whole numbers, coins an amount in rupees. */
export function editCount(draft: CountDraft, field: CountField, key: KeypadKey): CountDraft {
  if (field === 'coins') return { ...draft, coins: editAmount(draft.coins, key) };
  if (key === '.') return draft;
  return { ...draft, notes: { ...draft.notes, [field]: editPin(draft.notes[field], key, MAX_NOTE_DIGITS) } };
}

/** The draft as a CashCount (empty fields are 0), or null while something typed is not a count. */
export function draftCount(draft: CountDraft): CashCount | null {
  const notes = {} as Record<NoteRupees, number>;
  for (const d of NOTE_DENOMINATIONS) {
    const text = draft.notes[d];
    if (text !== '' && !/^\d+$/.test(text)) return null;
    notes[d] = text === '' ? 0 : Number(text);
  }
  let coins: Paise = paise(0);
  if (draft.coins !== '') {
    const parsed = parseRupees(draft.coins);
    if (!parsed.ok || parsed.value < 0) return null;
    coins = parsed.value;
  }
  return { notes, coins };
}

/** Paise of one denomination's line (0 when empty or not a count). */
export function lineValue(draft: CountDraft, field: CountField): number {
  if (field === 'coins') {
    const parsed = parseRupees(draft.coins);
    return parsed.ok ? parsed.value : 0;
  }
  return /^\d+$/.test(draft.notes[field]) ? Number(draft.notes[field]) * field * 100 : 0;
}
