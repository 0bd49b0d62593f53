import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../common/fields';
import { SaveBanners, SectionFrame, SectionNotReady, SettingsCard, type SectionSaveState } from './SectionPage';
import { revealFirstProblem, useProblemText } from './problemText';
import { enrolDevice, type HostSnapshot, useHostSettings } from '../../../app/settings';
import { deviceFormFrom, enrolmentFrom, marketOfDevice, readHostRefusal, type DeviceField, type DeviceForm, type HostRefusal } from './logic/machineForms';
import type { FieldProblems } from './logic/problems';
import type { SectionProps } from './route';

/**
 * Enrolment with the central system (PROTOCOL.md, "Device identity"): the device id, the
 * central system's address and the device key it issued. The key is typed into an
 * uncontrolled password box and read once, on "Enrol": it is never put into React state,
 * never shown, and the box is emptied as soon as the host has it. Afterwards the screen
 * shows only that a key is set and its fingerprint, as the host reports them.
 */
export function DeviceSection(props: SectionProps) {
  const loaded = useHostSettings(props.station, 0);
  if (loaded.status !== 'ready') return <SectionNotReady section="device" loaded={loaded} from="host" onBack={props.onBack} />;
  return <DeviceForm {...props} initial={loaded.value} />;
}

/** Where the enrolment stands, as a Save would: `saving` while the host enrols, `saved` once it has. */
type EnrolState = SectionSaveState<{ refusal: HostRefusal }>;

function DeviceForm({ station, onBack, onStationChange, initial }: SectionProps & { initial: HostSnapshot }) {
  const { t } = useTranslation('settings');
  const problemText = useProblemText();
  const [now, setNow] = useState<HostSnapshot>(initial);
  const [form, setForm] = useState<DeviceForm>(() => deviceFormFrom(initial.settings));
  const [problems, setProblems] = useState<FieldProblems<DeviceField>>({});
  const [state, setState] = useState<EnrolState>({ status: 'editing' });
  const keyInput = useRef<HTMLInputElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);

  const set = <K extends keyof DeviceForm>(key: K, value: DeviceForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    // The host's refusal was about what was sent; once the form changes it no longer applies.
    if (state.status === 'refused' || state.status === 'saved') setState({ status: 'editing' });
  };
  const hostSays = state.status === 'refused' ? state.refusal.fields : {};
  const otherMarket = form.deviceId.includes('/') && marketOfDevice(form.deviceId.trim()) !== station.profile.marketId;

  const enrol = async () => {
    const checked = enrolmentFrom(form, keyInput.current?.value ?? '');
    if (!checked.ok) {
      setProblems(checked.problems);
      setState({ status: 'invalid' });
      revealFirstProblem(pageRef.current);
      return;
    }
    setProblems({});
    setState({ status: 'saving' });
    const outcome = await enrolDevice(station, checked.value, onStationChange);
    if (outcome.status === 'ok') {
      if (keyInput.current) keyInput.current.value = '';
      setNow(outcome.value);
      setForm(deviceFormFrom(outcome.value.settings));
      setState({ status: 'saved' });
    } else {
      setState({ status: 'refused', refusal: readHostRefusal('device.enrol', outcome.message) });
      revealFirstProblem(pageRef.current);
    }
  };

  const key = now.deviceKey;
  return (
    <SectionFrame section="device" onBack={onBack} pageRef={pageRef}>
      <SaveBanners save={state} saved={t('device.enrolled')} refused={(r) => t('device.refused', { message: r.refusal.text })} />
      <div className="settings-split">
        <div className="settings__scroll">
          <SettingsCard id="device-enrol" title={t('device.enrolTitle')}>
            <p className="muted">{t('device.about')}</p>
            <div className="settings-form">
              <TextField
                label={t('device.deviceId')}
                value={form.deviceId}
                onChange={(v) => set('deviceId', v.trim())}
                error={problemText(problems.deviceId) ?? hostSays.deviceId}
                hint={otherMarket ? t('device.deviceIdOtherMarket', { market: station.profile.marketId }) : t('device.deviceIdHint', { market: station.profile.marketId })}
                maxLength={45}
                ltr
                testId="device-id"
              />
              <TextField
                label={t('device.centralUrl')}
                value={form.centralBaseUrl}
                onChange={(v) => set('centralBaseUrl', v.trim())}
                error={problemText(problems.centralBaseUrl) ?? hostSays.centralBaseUrl}
                hint={t('device.centralUrlHint')}
                inputMode="url"
                ltr
                testId="device-url"
              />
              <TextField
                label={t('device.key')}
                inputRef={keyInput}
                type="password"
                error={problemText(problems.deviceKey) ?? hostSays.deviceKey}
                hint={key.set ? t('device.keyHintReplace') : t('device.keyHint')}
                maxLength={80}
                ltr
                className="settings-form__wide"
                testId="device-key"
              />
            </div>
          </SettingsCard>
        </div>
        <aside className="settings-side">
          <SettingsCard id="device-now" title={t('device.nowTitle')} testId="device-now">
            <dl className="settings-facts">
              <dt>{t('device.deviceId')}</dt>
              <dd dir="ltr" data-testid="device-now-id">{now.settings.deviceId}</dd>
              <dt>{t('device.centralUrl')}</dt>
              <dd dir="ltr" data-testid="device-now-url">{now.settings.centralBaseUrl ?? t('device.noCentral')}</dd>
              <dt>{t('device.key')}</dt>
              <dd data-testid="device-key-status" data-set={key.set}>
                {key.set && key.fingerprint ? t('device.keySet', { fingerprint: key.fingerprint }) : t('device.keyNotSet')}
              </dd>
            </dl>
          </SettingsCard>
        </aside>
      </div>
      <div className="settings-actions">
        <p className="settings-actions__state">{t('device.keyNever')}</p>
        <button type="button" className="btn btn--primary btn--large" disabled={state.status === 'saving'} onClick={() => void enrol()} data-testid="device-enrol">
          {state.status === 'saving' ? t('device.enrolling') : t('device.enrol')}
        </button>
      </div>
    </SectionFrame>
  );
}
