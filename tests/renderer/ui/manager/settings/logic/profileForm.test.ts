import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE } from '../../../../../../renderer/db/demo-data';
import {
  profileFormFrom, profileFromForm, sameProfile, seriesChanged, type ProfileForm,
} from '../../../../../../renderer/ui/manager/settings/logic/profileForm';

const form = (change: Partial<ProfileForm> = {}): ProfileForm => ({ ...profileFormFrom(DEMO_PROFILE), ...change });

function problemsOf(f: ProfileForm) {
  const checked = profileFromForm(f);
  if (checked.ok) throw new Error('expected a refusal');
  return checked.problems;
}

describe('store profile form', () => {
  it('gives back the profile it was made from', () => {
    expect(profileFromForm(form())).toEqual({ ok: true, value: DEMO_PROFILE });
  });

  it('shows four address boxes and keeps only the lines filled in, trimmed', () => {
    const f = form();
    expect(f.address).toEqual([...DEMO_PROFILE.addressLines, '', '']);
    const checked = profileFromForm({ ...f, address: ['  Polo View Road ', '', 'Srinagar 190001', ' '] });
    expect(checked.ok && checked.value.addressLines).toEqual(['Polo View Road', 'Srinagar 190001']);
    expect(problemsOf({ ...f, address: ['', ' ', '', ''] })).toEqual({ address: { key: 'addressNeeded' } });
  });

  it('writes a GSTIN and an invoice series in capitals, and refuses a GSTIN of the wrong shape', () => {
    const checked = profileFromForm(form({ gstin: ' 01abcde1234f1z5 ', invoiceSeries: 'k02' }));
    expect(checked.ok && [checked.value.gstin, checked.value.invoiceSeries]).toEqual(['01ABCDE1234F1Z5', 'K02']);
    expect(problemsOf(form({ gstin: '01ABCDE1234F1Y5' }))).toEqual({ gstin: { key: 'gstin' } });
    expect(problemsOf(form({ gstin: '' }))).toEqual({ gstin: { key: 'required' } });
    expect(problemsOf(form({ invoiceSeries: 'K/01' }))).toEqual({ invoiceSeries: { key: 'invoiceSeries' } });
  });

  it('says which fields are wrong, all at once', () => {
    expect(problemsOf(form({ marketId: 'Polo View', upiVpa: 'chinar', discountLimit: '120', name: '' }))).toEqual({
      marketId: { key: 'marketId' },
      upiVpa: { key: 'upiVpa' },
      discountLimit: { key: 'discountLimit' },
      name: { key: 'required' },
    });
  });

  it('takes a name of up to 60 characters in any script, and says the limit when it is longer', () => {
    const urdu = 'چنار'.repeat(15); // 60 characters
    expect(profileFromForm(form({ name: urdu })).ok).toBe(true);
    expect(problemsOf(form({ name: `${urdu}x` }))).toEqual({ name: { key: 'tooLong', values: { max: 60 } } });
  });

  it('takes the discount limit as a whole percentage', () => {
    const checked = profileFromForm(form({ discountLimit: '15' }));
    expect(checked.ok && checked.value.discountLimitPct).toBe(15);
    expect(problemsOf(form({ discountLimit: '12.5' }))).toEqual({ discountLimit: { key: 'discountLimit' } });
    expect(problemsOf(form({ discountLimit: '' }))).toEqual({ discountLimit: { key: 'required' } });
  });

  it('accepts only a time zone the browser knows, since every business day is computed in it', () => {
    expect(profileFromForm(form({ timeZone: 'Asia/Calcutta' })).ok).toBe(true);
    expect(problemsOf(form({ timeZone: 'India/Srinagar' }))).toEqual({ timeZone: { key: 'timeZone' } });
  });

  it('takes the story link empty or as a web address', () => {
    expect(profileFromForm(form({ storyBaseUrl: '' })).ok).toBe(true);
    expect(problemsOf(form({ storyBaseUrl: 'chinar.example/artisans' }))).toEqual({ storyBaseUrl: { key: 'storyBaseUrl' } });
  });

  it('notices a change of invoice series, whatever the letters’ case', () => {
    expect(seriesChanged(form({ invoiceSeries: 'k01' }), DEMO_PROFILE)).toBe(false);
    expect(seriesChanged(form({ invoiceSeries: 'K02' }), DEMO_PROFILE)).toBe(true);
  });

  it('tells an edited profile from the saved one', () => {
    const checked = profileFromForm(form({ footer: 'Shukriya.' }));
    expect(checked.ok && sameProfile(checked.value, DEMO_PROFILE)).toBe(false);
    const same = profileFromForm(form());
    expect(same.ok && sameProfile(same.value, DEMO_PROFILE)).toBe(true);
  });
});
