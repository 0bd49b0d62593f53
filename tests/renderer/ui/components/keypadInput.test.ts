import { describe, expect, it } from 'vitest';
import { editAmount, editPin, keypadKeyFromKeyboard, type KeypadKey } from '../../../../renderer/ui/components/keypadInput';
import { parseRupees } from '../../../../shared/money';

const typeAmount = (keys: readonly KeypadKey[], start = '') => keys.reduce(editAmount, start);

describe('amount keypad', () => {
  it('builds rupees digit by digit', () => {
    expect(typeAmount(['1', '2', '5', '0'])).toBe('1250');
  });

  it('accepts one point and at most two decimals', () => {
    expect(typeAmount(['1', '.', '5', '.', '0', '7'])).toBe('1.50');
  });

  it('starts "0." when the point comes first', () => {
    expect(typeAmount(['.', '5'])).toBe('0.5');
  });

  it('does not keep a leading zero', () => {
    expect(typeAmount(['0', '0', '7'])).toBe('7');
  });

  it('stops at nine rupee digits', () => {
    expect(typeAmount(Array.from({ length: 12 }, () => '9' as const))).toBe('999999999');
  });

  it('deletes the last character and clears', () => {
    expect(editAmount('12.5', 'backspace')).toBe('12.');
    expect(editAmount('12.5', 'clear')).toBe('');
  });

  it('always leaves text that parses as rupees, whatever is pressed', () => {
    const keys: KeypadKey[] = ['1', '.', '0', '.', '9', '9', '9', 'backspace', '0', '0', '5'];
    let text = '';
    for (const key of keys) {
      text = editAmount(text, key);
      if (text !== '' && !text.endsWith('.')) expect(parseRupees(text).ok).toBe(true);
    }
  });
});

describe('PIN keypad', () => {
  it('takes digits up to the longest PIN and ignores the point', () => {
    const keys: KeypadKey[] = ['1', '2', '.', '3', '4', '5', '6', '7'];
    expect(keys.reduce((pin, k) => editPin(pin, k), '')).toBe('123456');
  });

  it('deletes and clears', () => {
    expect(editPin('1234', 'backspace')).toBe('123');
    expect(editPin('1234', 'clear')).toBe('');
  });
});

describe('keyboard to keypad', () => {
  it('maps digits, Backspace, Delete and Escape; ignores the rest', () => {
    expect(keypadKeyFromKeyboard('7')).toBe('7');
    expect(keypadKeyFromKeyboard('Backspace')).toBe('backspace');
    expect(keypadKeyFromKeyboard('Escape')).toBe('clear');
    expect(keypadKeyFromKeyboard('a')).toBeNull();
    expect(keypadKeyFromKeyboard('Enter')).toBeNull();
  });
});
