import { paise, parseRupees, sumPaise, type Paise } from '../../../shared/money';
import { editAmount, type KeypadKey } from '../components/keypadInput';
import { cashRoundOff, settleTenders, type Settlement, type TenderInput } from '../../../shared/tender';

/**
 * The pay dialog's state: the cash the buyer handed over (one amount, typed or a quick
 * amount) and the card and UPI payments confirmed so far. Card and UPI are added one by
 * one, because each is a confirmed event (a terminal slip, a success screen); cash is
 * just "how much is in my hand", so it is a single amount that can change until the end.
 */
export type NonCashMethod = 'card' | 'upi';

export interface NonCashTender {
  id: number;
  method: NonCashMethod;
  amount: Paise;
  /** Card: the terminal's reference. UPI: the UTR, or the invoice number sent in the QR. */
  reference: string;
}

export interface TenderState {
  cashText: string;
  nonCash: readonly NonCashTender[];
  nextId: number;
}

export const NO_TENDERS: TenderState = { cashText: '', nonCash: [], nextId: 1 };

export type TenderAction =
  | { type: 'set-cash'; text: string }
  /** A tap on the cash keypad. */
  | { type: 'cash-key'; key: KeypadKey }
  | { type: 'add-non-cash'; method: NonCashMethod; amount: Paise; reference: string }
  | { type: 'remove-non-cash'; id: number }
  | { type: 'reset' };

export function tenderReducer(state: TenderState, action: TenderAction): TenderState {
  switch (action.type) {
    case 'set-cash':
      return { ...state, cashText: action.text };
    case 'cash-key':
      return { ...state, cashText: editAmount(state.cashText, action.key) };
    case 'add-non-cash':
      return {
        ...state,
        nextId: state.nextId + 1,
        nonCash: [...state.nonCash, { id: state.nextId, method: action.method, amount: action.amount, reference: action.reference.trim() }],
      };
    case 'remove-non-cash':
      return { ...state, nonCash: state.nonCash.filter((t) => t.id !== action.id) };
    case 'reset':
      return NO_TENDERS;
  }
}

/** Why the sale cannot be completed yet, for the screen to say in words. */
export type PayProblem =
  | { kind: 'cash-unreadable' }
  | { kind: Extract<Settlement, { ok: false }>['reason']; due: Paise };

export interface PaySummary {
  /** Cash rounding to the rupee; only when every payment is cash and the store rounds. */
  roundOff: Paise;
  /** What the buyer pays: the cart total plus any round-off. */
  total: Paise;
  cash: Paise;
  nonCashTotal: Paise;
  /** Most a new card or UPI payment may be: they give no change. */
  roomForNonCash: Paise;
  /** What a new card or UPI payment would be by default: what is still to pay after cash. */
  suggestedNonCash: Paise;
  /** Still to pay after everything entered (0 once covered). */
  remaining: Paise;
  /** Change to give from cash. */
  change: Paise;
  /** Set when the sale can be completed with exactly these payments. */
  settlement: Extract<Settlement, { ok: true }> | null;
  problem: PayProblem | null;
}

export function summarize(cartTotal: Paise, cashRounding: boolean, state: TenderState): PaySummary {
  const roundOff = cashRounding && state.nonCash.length === 0 ? cashRoundOff(cartTotal) : paise(0);
  const total = paise(cartTotal + roundOff);
  const nonCashTotal = sumPaise(state.nonCash, (t) => t.amount);
  const parsedCash = state.cashText.trim() === '' ? { ok: true as const, value: paise(0) } : parseRupees(state.cashText);
  const cash = parsedCash.ok && parsedCash.value >= 0 ? parsedCash.value : paise(0);
  const roomForNonCash = paise(Math.max(0, total - nonCashTotal));
  const base = {
    roundOff, total, cash, nonCashTotal, roomForNonCash,
    suggestedNonCash: paise(Math.max(0, roomForNonCash - cash)),
  };
  if (!parsedCash.ok || parsedCash.value < 0) {
    return { ...base, remaining: paise(Math.max(0, roomForNonCash)), change: paise(0), settlement: null, problem: { kind: 'cash-unreadable' } };
  }
  const tenders: TenderInput[] = [
    ...state.nonCash.map((t): TenderInput => ({ method: t.method, amount: t.amount, reference: t.reference })),
    { method: 'cash', tendered: cash },
  ];
  const settlement = settleTenders(total, tenders);
  if (settlement.ok) return { ...base, remaining: paise(0), change: settlement.change, settlement, problem: null };
  return {
    ...base,
    remaining: settlement.reason === 'short' ? settlement.due : paise(Math.max(0, roomForNonCash - cash)),
    change: paise(0),
    settlement: null,
    problem: { kind: settlement.reason, due: settlement.due },
  };
}

export type NonCashCheck = { ok: true; amount: Paise } | { ok: false; why: 'unreadable' | 'zero' | 'too-much' | 'no-reference' };

/** Whether a card or UPI payment of `amountText` can be added now. */
export function checkNonCash(summary: PaySummary, amountText: string, reference: string, needsReference: boolean): NonCashCheck {
  const parsed = parseRupees(amountText);
  if (!parsed.ok) return { ok: false, why: 'unreadable' };
  if (parsed.value <= 0) return { ok: false, why: 'zero' };
  if (parsed.value > summary.roomForNonCash) return { ok: false, why: 'too-much' };
  if (needsReference && reference.trim() === '') return { ok: false, why: 'no-reference' };
  return { ok: true, amount: parsed.value };
}

/** Amount text for an input, from paise: 245050 → "2450.50", 500000 → "5000". */
export function amountText(amount: Paise): string {
  const whole = Math.floor(Math.abs(amount) / 100);
  const fraction = Math.abs(amount) % 100;
  return `${amount < 0 ? '-' : ''}${whole}${fraction === 0 ? '' : `.${String(fraction).padStart(2, '0')}`}`;
}
