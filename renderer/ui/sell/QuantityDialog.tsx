import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CartItem } from '../../../shared/cart';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { Keypad } from '../components/Keypad';
import { editPin, type KeypadKey } from '../components/keypadInput';
import { EntryField } from '../components/EntryField';

/** Four digits: 9999 pieces is beyond any line at a stall; a fifth digit is a slip. */
export const MAX_QTY_DIGITS = 4;

/** What was typed, as a quantity: a whole number of at least one piece, or null. */
export function readQuantity(text: string): number | null {
  if (!/^\d{1,4}$/.test(text)) return null;
  const qty = Number(text);
  return qty >= 1 ? qty : null;
}

interface QuantityDialogProps {
  item: CartItem;
  /** The count in the store, when known. */
  stock: number | undefined;
  scannedWhileOpen: string | null;
  /** The typed quantity; the screen then asks about stock if it goes past the count. */
  onSet: (qty: number) => void;
  onClose: () => void;
}

/**
 * A line's quantity typed on the on-screen keypad (or a keyboard), for when + and − would
 * take too many taps. It opens empty, so the first digit is the new quantity; the field is
 * a real one, so a label scanned into it is taken back out by the wedge scanner.
 */
export function QuantityDialog({ item, stock, scannedWhileOpen, onSet, onClose }: QuantityDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const qty = readQuantity(text);
  useEffect(() => {
    queueMicrotask(() => field.current?.focus());
  }, []);
  const onKey = useCallback((key: KeypadKey) => setText((s) => editPin(s, key, MAX_QTY_DIGITS)), []);
  const submit = () => {
    if (qty !== null) onSet(qty);
  };
  return (
    <Dialog title={t('quantity.title', { name: item.name })} onClose={onClose} closeLabel={t('common.cancel')} className="qty-dialog" testId="quantity-dialog">
      <div className="qty-dialog__layout">
        <EntryField
          active
          inputRef={field}
          id={id}
          label={t('quantity.label')}
          digits={MAX_QTY_DIGITS}
          value={text}
          placeholder={String(item.qty)}
          testId="quantity-input"
          onChange={setText}
          onSubmit={submit}
        />
        <p className="qty-dialog__facts" data-testid="quantity-facts">
          {t('quantity.now', { qty: item.qty })}
          {stock !== undefined ? <> · {t('quantity.inStock', { count: stock })}</> : null}
        </p>
        {text !== '' && qty === null ? <p className="text-error" data-testid="quantity-error">{t('quantity.atLeastOne')}</p> : null}
        {scannedWhileOpen ? <Banner tone="warn" testId="scan-in-dialog">{t('sell.scannedInDialog', { code: scannedWhileOpen })}</Banner> : null}
        <Keypad onKey={onKey} extraKey="clear" label={t('quantity.keypad')} />
        <button type="button" className="btn btn--primary btn--large btn--block" data-testid="quantity-set" disabled={qty === null} onClick={submit}>
          {qty === null ? t('quantity.set') : t('quantity.setTo', { qty })}
        </button>
      </div>
    </Dialog>
  );
}
