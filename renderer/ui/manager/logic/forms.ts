import { gs1CheckDigit, validateBarcode, MAX_CODE128_LENGTH } from '../../../../shared/barcode';
import type { ArtisanEntity, ProductEntity, UserEntity } from '../../../../shared/entities';
import { parseRupees, formatRupeesPlain } from '../../../../shared/money';
import type { ArtisanDraft, ProductDraft, UserDraft } from '../../../db';

/**
 * The manager's forms as plain text fields, and the drafts renderer/db saves. Pure, so the
 * rules are tested without a browser. A form field is checked here for what a person can
 * fix on the spot (empty, not a number, too many decimals); renderer/db checks again and
 * also what needs the store (a SKU or PIN already in use), and its message is shown as is.
 */

/** Why a field is not accepted: a key under `errors.` in en.manager.json, with its values. */
export type FieldErrorKey =
  | 'required'
  | 'code'
  | 'artisanCode'
  | 'hsn'
  | 'priceFormat'
  | 'priceDecimals'
  | 'priceZero'
  | 'wholeNumber'
  | 'percentFormat'
  | 'percentDecimals'
  | 'percentRange'
  | 'barcodeCheckDigit'
  | 'barcodeChars'
  | 'barcodeLength'
  | 'pinLength'
  | 'pinNeeded'
  | 'tooLong'
  | 'chooseArtisan'
  | 'reasonShort'
  | 'deltaZero'
  | 'stockBelowZero';

export interface FieldError {
  key: FieldErrorKey;
  values?: Record<string, string | number>;
}

export type FormErrors<F extends string> = Partial<Record<F, FieldError>>;
export type Checked<T, F extends string> = { ok: true; value: T } | { ok: false; errors: FormErrors<F> };

const err = (key: FieldErrorKey, values?: Record<string, string | number>): FieldError => (values ? { key, values } : { key });

/** Length in characters a person sees (code points), so Urdu and Devanagari are not charged double. */
function tooLong(text: string, max: number): FieldError | null {
  return [...text].length > max ? err('tooLong', { max }) : null;
}

/** SKUs as the catalog CSV accepts them, so whatever the form saves exports and imports again. */
const SKU = /^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,39}$/;
/** Artisan codes as renderer/db accepts them (stricter than the CSV: no _ / .). */
const ARTISAN_CODE = /^[A-Za-z0-9-]{1,20}$/;
const HSN = /^\d{4,8}$/;
const PIN = /^\d{4,6}$/;

/** Price in rupees as typed ("12500", "12500.5") to paise, exactly, more than zero. */
export function checkPrice(text: string): { ok: true; value: number } | { ok: false; error: FieldError } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: err('required') };
  const parsed = parseRupees(trimmed);
  if (!parsed.ok) {
    return { ok: false, error: err(/^\d+\.\d{3,}$/.test(trimmed) ? 'priceDecimals' : 'priceFormat') };
  }
  if (parsed.value <= 0) return { ok: false, error: err('priceZero') };
  return { ok: true, value: parsed.value };
}

/**
 * A percentage with at most two decimals ("12.5", "15", "0.25") to basis points with
 * string arithmetic: 12.5 % is 1250 exactly, never 1249.9999.
 */
export function checkPercent(text: string): { ok: true; value: number } | { ok: false; error: FieldError } {
  const trimmed = text.trim().replace(/%$/, '');
  if (trimmed === '') return { ok: false, error: err('required') };
  const m = /^(\d{1,3})(?:\.(\d+))?$/.exec(trimmed);
  if (!m) return { ok: false, error: err(/^\d{4,}(\.\d*)?$/.test(trimmed) ? 'percentRange' : 'percentFormat') };
  const [, whole = '0', fraction = ''] = m;
  if (fraction.length > 2) return { ok: false, error: err('percentDecimals') };
  const bps = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (bps > 10_000) return { ok: false, error: err('percentRange') };
  return { ok: true, value: bps };
}

/** 1250 → "12.5", 1500 → "15", 25 → "0.25": how a person writes a percentage. */
export function percentText(bps: number): string {
  const whole = Math.floor(bps / 100);
  const fraction = String(bps % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** Whole pieces, 0 or more, at most 7 digits. */
export function checkWholeNumber(text: string): { ok: true; value: number } | { ok: false; error: FieldError } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: err('required') };
  if (!/^\d{1,7}$/.test(trimmed)) return { ok: false, error: err('wholeNumber') };
  return { ok: true, value: Number(trimmed) };
}

/**
 * A barcode typed on the form; empty is fine (the store assigns an in-store EAN-13).
 * EAN-13 and UPC-A must carry the right check digit: the message names it, because a
 * manager copying digits off a box has most likely mistyped one.
 */
export function checkBarcode(text: string): FieldError | null {
  const code = text.trim();
  if (code === '') return null;
  if (validateBarcode(code).ok) return null;
  if (/^\d{12,13}$/.test(code)) return err('barcodeCheckDigit', { expected: gs1CheckDigit(code.slice(0, -1)) });
  if (code.length > MAX_CODE128_LENGTH) return err('barcodeLength', { max: MAX_CODE128_LENGTH });
  return err('barcodeChars');
}

export function checkPin(pin: string): FieldError | null {
  return PIN.test(pin) ? null : err('pinLength');
}

// ---------------------------------------------------------------- products

export interface ProductForm {
  id: string | null;
  sku: string;
  barcode: string;
  name: string;
  artisanId: string;
  craft: string;
  hsn: string;
  handmade: boolean;
  /** '' = rate from the tax table; otherwise basis points as text ("500"). */
  gstOverride: string;
  /** Rupees as typed. */
  price: string;
  /** Only for a new product; an existing one changes stock through an adjustment. */
  stock: string;
  active: boolean;
}

export type ProductField = Exclude<keyof ProductForm, 'id' | 'active' | 'handmade'>;

export function productFormFrom(product: ProductEntity | null, defaults: { artisanId?: string } = {}): ProductForm {
  if (!product) {
    return {
      id: null, sku: '', barcode: '', name: '', artisanId: defaults.artisanId ?? '', craft: '', hsn: '',
      handmade: true, gstOverride: '', price: '', stock: '1', active: true,
    };
  }
  return {
    id: product.id, sku: product.sku, barcode: product.barcode, name: product.name, artisanId: product.artisanId,
    craft: product.craft, hsn: product.hsn, handmade: product.handmade,
    gstOverride: product.gstRateBpsOverride === null ? '' : String(product.gstRateBpsOverride),
    price: formatRupeesPlain(product.price), stock: String(product.stock), active: product.active,
  };
}

export function productDraftFrom(form: ProductForm, existingStock: number | null): Checked<ProductDraft, ProductField> {
  const errors: FormErrors<ProductField> = {};
  const sku = form.sku.trim();
  if (sku === '') errors.sku = err('required');
  else if (!SKU.test(sku)) errors.sku = err('code');
  const name = form.name.trim();
  if (name === '') errors.name = err('required');
  else errors.name = tooLong(name, 200) ?? undefined;
  if (form.artisanId === '') errors.artisanId = err('chooseArtisan');
  const craft = form.craft.trim();
  errors.craft = tooLong(craft, 60) ?? undefined;
  const hsn = form.hsn.trim();
  if (hsn === '') errors.hsn = err('required');
  else if (!HSN.test(hsn)) errors.hsn = err('hsn');
  const barcode = form.barcode.trim();
  errors.barcode = checkBarcode(barcode) ?? undefined;
  const price = checkPrice(form.price);
  if (!price.ok) errors.price = price.error;
  let stock = existingStock ?? 0;
  if (form.id === null) {
    const parsed = checkWholeNumber(form.stock);
    if (parsed.ok) stock = parsed.value;
    else errors.stock = parsed.error;
  }
  const clean = dropEmpty(errors);
  if (Object.keys(clean).length > 0 || !price.ok) return { ok: false, errors: clean };
  return {
    ok: true,
    value: {
      id: form.id, sku, barcode, name, artisanId: form.artisanId, craft, hsn, handmade: form.handmade,
      gstRateBpsOverride: form.gstOverride === '' ? null : Number(form.gstOverride),
      price: price.value as ProductDraft['price'], stock, active: form.active,
    },
  };
}

// ---------------------------------------------------------------- artisans

/** The artisan's own fields as they are, and what the form holds as typed. */
export interface ArtisanForm extends Pick<ArtisanEntity, 'code' | 'name' | 'craft' | 'cooperative' | 'village' | 'phone' | 'gender' | 'fairWageCertified' | 'story' | 'active'> {
  /** null: a new artisan. */
  id: string | null;
  /** Percent as typed ("12.5"). */
  commission: string;
  /** A new earnings PIN, or '' to keep the one the artisan has. */
  pin: string;
}

export type ArtisanField = 'code' | 'name' | 'craft' | 'cooperative' | 'village' | 'phone' | 'commission' | 'story' | 'pin';

export function artisanFormFrom(artisan: ArtisanEntity | null): ArtisanForm {
  if (!artisan) {
    return {
      id: null, code: '', name: '', craft: '', cooperative: '', village: '', phone: '', gender: null,
      commission: '', fairWageCertified: false, story: '', pin: '', active: true,
    };
  }
  return {
    id: artisan.id, code: artisan.code, name: artisan.name, craft: artisan.craft, cooperative: artisan.cooperative,
    village: artisan.village, phone: artisan.phone, gender: artisan.gender, commission: percentText(artisan.commissionBps),
    fairWageCertified: artisan.fairWageCertified, story: artisan.story, pin: '', active: artisan.active,
  };
}

/**
 * The earnings PIN is stored salted with the artisan's code, so a PIN typed under the old
 * code stops matching once the code changes: changing the code of an artisan who has a
 * PIN needs the PIN typed again.
 */
export function artisanNeedsNewPin(form: ArtisanForm, original: ArtisanEntity | null): boolean {
  return original !== null && original.pinHash !== null && form.code.trim() !== original.code && form.pin === '';
}

export function artisanDraftFrom(form: ArtisanForm, original: ArtisanEntity | null): Checked<ArtisanDraft, ArtisanField> {
  const errors: FormErrors<ArtisanField> = {};
  const code = form.code.trim();
  if (code === '') errors.code = err('required');
  else if (!ARTISAN_CODE.test(code)) errors.code = err('artisanCode');
  const name = form.name.trim();
  if (name === '') errors.name = err('required');
  else errors.name = tooLong(name, 100) ?? undefined;
  errors.craft = tooLong(form.craft.trim(), 60) ?? undefined;
  errors.cooperative = tooLong(form.cooperative.trim(), 100) ?? undefined;
  errors.village = tooLong(form.village.trim(), 60) ?? undefined;
  errors.phone = tooLong(form.phone.trim(), 30) ?? undefined;
  errors.story = tooLong(form.story.trim(), 600) ?? undefined;
  const commission = checkPercent(form.commission);
  if (!commission.ok) errors.commission = commission.error;
  if (form.pin !== '') errors.pin = checkPin(form.pin) ?? undefined;
  else if (artisanNeedsNewPin(form, original)) errors.pin = err('pinNeeded');
  const clean = dropEmpty(errors);
  if (Object.keys(clean).length > 0 || !commission.ok) return { ok: false, errors: clean };
  return {
    ok: true,
    value: {
      id: form.id, code, name, craft: form.craft.trim(), cooperative: form.cooperative.trim(), village: form.village.trim(),
      phone: form.phone.trim(), gender: form.gender, commissionBps: commission.value, fairWageCertified: form.fairWageCertified,
      story: form.story.trim(), active: form.active, pin: form.pin === '' ? null : form.pin,
    },
  };
}

// ---------------------------------------------------------------- users

export interface UserForm {
  id: string | null;
  name: string;
  role: UserEntity['role'];
  /** A new PIN, or '' to keep the current one. */
  pin: string;
  active: boolean;
}

export type UserField = 'name' | 'pin';

export function userFormFrom(user: UserEntity | null): UserForm {
  return user
    ? { id: user.id, name: user.name, role: user.role, pin: '', active: user.active }
    : { id: null, name: '', role: 'operator', pin: '', active: true };
}

export function userDraftFrom(form: UserForm): Checked<UserDraft, UserField> {
  const errors: FormErrors<UserField> = {};
  const name = form.name.trim();
  if (name === '') errors.name = err('required');
  else errors.name = tooLong(name, 60) ?? undefined;
  if (form.pin !== '') errors.pin = checkPin(form.pin) ?? undefined;
  else if (form.id === null) errors.pin = err('pinNeeded');
  const clean = dropEmpty(errors);
  if (Object.keys(clean).length > 0) return { ok: false, errors: clean };
  return { ok: true, value: { id: form.id, name, role: form.role, active: form.active, pin: form.pin === '' ? null : form.pin } };
}

// ---------------------------------------------------------------- stock adjustments

export type StockDirection = 'add' | 'remove';
export type StockField = 'pieces' | 'reason';

/**
 * "Add 3" or "Remove 2" pieces with a reason, as the signed delta adjustStock takes.
 * Removing more than is on the shelf is refused: the count would go below zero, which
 * means the count (or the sale records) needs checking first.
 */
export function stockDeltaFrom(
  input: { direction: StockDirection; pieces: string; reason: string },
  currentStock: number,
): Checked<{ delta: number; reason: string; after: number }, StockField> {
  const errors: FormErrors<StockField> = {};
  const pieces = checkWholeNumber(input.pieces);
  let delta = 0;
  if (!pieces.ok) errors.pieces = pieces.error;
  else if (pieces.value === 0) errors.pieces = err('deltaZero');
  else {
    delta = input.direction === 'add' ? pieces.value : -pieces.value;
    if (currentStock + delta < 0) errors.pieces = err('stockBelowZero', { stock: currentStock });
  }
  const reason = input.reason.trim();
  if ([...reason].length < 3) errors.reason = err('reasonShort');
  else errors.reason = tooLong(reason, 200) ?? undefined;
  const clean = dropEmpty(errors);
  if (Object.keys(clean).length > 0) return { ok: false, errors: clean };
  return { ok: true, value: { delta, reason, after: currentStock + delta } };
}

/**
 * Digits only, at most `max` of them, as the keypad types them. Counts drop a leading
 * zero ("0" then "5" is 5 pieces); codes keep it (HSN 0401 is dairy produce, not 401).
 */
export function editDigits(text: string, key: string, max: number, kind: 'count' | 'code' = 'count'): string {
  if (key === 'clear') return '';
  if (key === 'backspace') return text.slice(0, -1);
  if (!/^\d$/.test(key) || text.length >= max) return text;
  return kind === 'count' && text === '0' ? key : text + key;
}

function dropEmpty<F extends string>(errors: FormErrors<F>): FormErrors<F> {
  const out: FormErrors<F> = {};
  for (const [field, error] of Object.entries(errors) as [F, FieldError | undefined][]) {
    if (error) out[field] = error;
  }
  return out;
}
