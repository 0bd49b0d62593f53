import { StoreProfileSchema, type StoreProfile } from '../../../../../shared/store-profile';
import { webShopPatternProblem } from '../../../../../shared/maker-story';
import { charCount, onlyProblems, problem, type Checked, type Problem } from './problems';

/**
 * The store profile as a form of text fields, and back. Whether a value is accepted is
 * decided by StoreProfileSchema itself (field by field), so the form cannot drift from
 * what the store saves; this module only chooses the words for each refusal. Two checks
 * go further than the schema, because a wrong value would only show up later: the time
 * zone must be one the browser knows (every business date is computed in it), and the
 * story link must be a web address (it goes into label QR codes).
 */

export const ADDRESS_LINES = 4;

export interface ProfileForm {
  marketId: string;
  name: string;
  /** Always four boxes; empty ones are dropped. */
  address: string[];
  phone: string;
  gstin: string;
  invoiceSeries: string;
  upiVpa: string;
  upiPayeeName: string;
  cashRounding: boolean;
  /** Whole percent as typed. */
  discountLimit: string;
  /** Whole pieces as typed. */
  overStockManager: string;
  /** Whole minutes as typed. */
  idleSignOut: string;
  timeZone: string;
  storyBaseUrl: string;
  footer: string;
  webShopStoryPattern: string;
  receiptMakerQr: StoreProfile['receiptMakerQr'];
  /** Whole seconds as typed; 0 turns the spotlights off. */
  attractAfter: string;
}

export type ProfileField = Exclude<keyof ProfileForm, 'cashRounding' | 'receiptMakerQr'>;

/** Longest values the schema allows, also the inputs' maxLength. */
export const PROFILE_MAX = { name: 60, addressLine: 60, phone: 30, upiPayeeName: 50, storyBaseUrl: 200, footer: 200, webShopStoryPattern: 200 } as const;

export function profileFormFrom(profile: StoreProfile): ProfileForm {
  return {
    marketId: profile.marketId,
    name: profile.name,
    address: Array.from({ length: ADDRESS_LINES }, (_, i) => profile.addressLines[i] ?? ''),
    phone: profile.phone,
    gstin: profile.gstin,
    invoiceSeries: profile.invoiceSeries,
    upiVpa: profile.upiVpa,
    upiPayeeName: profile.upiPayeeName,
    cashRounding: profile.cashRounding,
    discountLimit: String(profile.discountLimitPct),
    overStockManager: String(profile.overStockManagerPieces),
    idleSignOut: String(profile.idleSignOutMinutes),
    timeZone: profile.timeZone,
    storyBaseUrl: profile.storyBaseUrl,
    footer: profile.footer,
    webShopStoryPattern: profile.webShopStoryPattern,
    receiptMakerQr: profile.receiptMakerQr,
    attractAfter: String(profile.attractAfterSeconds),
  };
}

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function webAddress(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** The web-shop pattern's refusal in the manager's words: https only, and where the code goes. */
function webShopProblem(pattern: string): Problem | null {
  const why = webShopPatternProblem(pattern);
  return why === null ? null : problem(why === 'not-https' ? 'webShopHttps' : why === 'no-code' ? 'webShopCode' : 'webShopAddress');
}

/** Digits only, at most 4 of them; anything else is NaN, which the schema refuses. */
function wholeNumber(text: string): number {
  return /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

type Shape = typeof StoreProfileSchema.shape;

/** The schema's verdict on one field, and our words when it says no. */
function judge<K extends keyof Shape>(key: K, value: unknown, whenRefused: Problem): Problem | null {
  return StoreProfileSchema.shape[key].safeParse(value).success ? null : whenRefused;
}

function text(value: string, max: number | null, key: keyof Shape, pattern: Problem | null): Problem | null {
  if (value === '') return judge(key, value, problem('required'));
  if (max !== null && charCount(value) > max) return problem('tooLong', { max });
  return judge(key, value, pattern ?? problem('invalid'));
}

export type CheckedProfile = Checked<StoreProfile, ProfileField>;

export function profileFromForm(form: ProfileForm): CheckedProfile {
  const value: StoreProfile = {
    marketId: form.marketId.trim(),
    name: form.name.trim(),
    addressLines: form.address.map((l) => l.trim()).filter((l) => l !== ''),
    phone: form.phone.trim(),
    // GSTINs are printed in capitals; people often type them in small letters.
    gstin: form.gstin.trim().toUpperCase(),
    invoiceSeries: form.invoiceSeries.trim().toUpperCase(),
    upiVpa: form.upiVpa.trim(),
    upiPayeeName: form.upiPayeeName.trim(),
    cashRounding: form.cashRounding,
    discountLimitPct: wholeNumber(form.discountLimit),
    overStockManagerPieces: wholeNumber(form.overStockManager),
    idleSignOutMinutes: wholeNumber(form.idleSignOut),
    timeZone: form.timeZone.trim(),
    storyBaseUrl: form.storyBaseUrl.trim(),
    footer: form.footer.trim(),
    webShopStoryPattern: form.webShopStoryPattern.trim(),
    receiptMakerQr: form.receiptMakerQr,
    attractAfterSeconds: wholeNumber(form.attractAfter),
  };
  const longLine = value.addressLines.find((l) => charCount(l) > PROFILE_MAX.addressLine);
  const problems = onlyProblems<ProfileField>({
    marketId: text(value.marketId, null, 'marketId', problem('marketId')),
    name: text(value.name, PROFILE_MAX.name, 'name', null),
    address: value.addressLines.length === 0 ? problem('addressNeeded')
      : longLine !== undefined ? problem('tooLong', { max: PROFILE_MAX.addressLine })
        : judge('addressLines', value.addressLines, problem('addressNeeded')),
    phone: charCount(value.phone) > PROFILE_MAX.phone ? problem('tooLong', { max: PROFILE_MAX.phone }) : null,
    gstin: text(value.gstin, null, 'gstin', problem('gstin')),
    invoiceSeries: text(value.invoiceSeries, null, 'invoiceSeries', problem('invoiceSeries')),
    upiVpa: text(value.upiVpa, null, 'upiVpa', problem('upiVpa')),
    upiPayeeName: text(value.upiPayeeName, PROFILE_MAX.upiPayeeName, 'upiPayeeName', null),
    discountLimit: form.discountLimit.trim() === '' ? problem('required') : judge('discountLimitPct', value.discountLimitPct, problem('discountLimit')),
    overStockManager: form.overStockManager.trim() === '' ? problem('required') : judge('overStockManagerPieces', value.overStockManagerPieces, problem('overStockManager')),
    idleSignOut: form.idleSignOut.trim() === '' ? problem('required') : judge('idleSignOutMinutes', value.idleSignOutMinutes, problem('idleSignOut')),
    timeZone: value.timeZone === '' ? problem('required') : knownTimeZone(value.timeZone) ? null : problem('timeZone'),
    storyBaseUrl: charCount(value.storyBaseUrl) > PROFILE_MAX.storyBaseUrl ? problem('tooLong', { max: PROFILE_MAX.storyBaseUrl })
      : value.storyBaseUrl !== '' && !webAddress(value.storyBaseUrl) ? problem('storyBaseUrl') : null,
    footer: charCount(value.footer) > PROFILE_MAX.footer ? problem('tooLong', { max: PROFILE_MAX.footer }) : null,
    webShopStoryPattern: charCount(value.webShopStoryPattern) > PROFILE_MAX.webShopStoryPattern ? problem('tooLong', { max: PROFILE_MAX.webShopStoryPattern })
      : webShopProblem(value.webShopStoryPattern),
    attractAfter: form.attractAfter.trim() === '' ? problem('required') : judge('attractAfterSeconds', value.attractAfterSeconds, problem('attractAfter')),
  });
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  // The schema has the last word on the whole object, should a field's check above miss something.
  const parsed = StoreProfileSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const path = String(parsed.error.issues[0]?.path[0] ?? 'name');
  const field = ({ addressLines: 'address', discountLimitPct: 'discountLimit', overStockManagerPieces: 'overStockManager', idleSignOutMinutes: 'idleSignOut', attractAfterSeconds: 'attractAfter' } as Record<string, ProfileField>)[path] ?? path as ProfileField;
  return { ok: false, problems: { [field]: problem('invalid') } };
}

/**
 * The invoice series is part of every invoice number and numbering restarts only on
 * 1 April (GST rule 46: consecutive per financial year), so a change mid-year is flagged.
 */
export function seriesChanged(form: ProfileForm, saved: StoreProfile): boolean {
  return form.invoiceSeries.trim().toUpperCase() !== saved.invoiceSeries;
}

export function sameProfile(a: StoreProfile, b: StoreProfile): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
