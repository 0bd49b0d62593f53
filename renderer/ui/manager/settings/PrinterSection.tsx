import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostSettings } from '../../../../shared/contract';
import { currentLocale } from '../../../i18n';
import { Banner } from '../../components/Banner';
import { formatDateTime } from '../../format';
import { Segmented, Toggle, TextField } from '../common/fields';
import { shown } from '../../../hooks/useLoadable';
import { useGeneration } from '../../../hooks/useGeneration';
import { DraftSaveBar, useSectionDraft } from './SectionDraft';
import { SaveBanners, SectionFrame, SectionNotReady, SettingsCard } from './SectionPage';
import { useProblemText } from './problemText';
import { printDocument } from '../../../app/printing';
import { saveMachineSettings, useAppInfo, useHostSettings, usePrinterCheck } from '../../../app/settings';
import { usePrinterTargetText } from '../../format/printerTarget';
import {
  BAUD_RATES, printerFormFrom, printerPatchFrom, readHostRefusal, samePrinterPatch,
  type HostRefusal, type PrinterField, type PrinterForm, type PrinterKind, type PrinterPatch,
} from './logic/machineForms';
import { buildTestPage } from './logic/testPage';
import type { SectionProps } from './route';

/** The receipt printer, paper, cash drawer and kiosk window: machine settings the host keeps. */
export function PrinterSection(props: SectionProps) {
  const loaded = useHostSettings(props.station, 0);
  if (loaded.status !== 'ready') return <SectionNotReady section="printer" loaded={loaded} from="host" onBack={props.onBack} />;
  return <PrinterForm {...props} initial={loaded.value.settings} />;
}

type TestState =
  | { status: 'idle' }
  | { status: 'printing' }
  | { status: 'printed'; target: string }
  | { status: 'failed'; message: string };

const KINDS: readonly PrinterKind[] = ['file', 'network', 'usb-device', 'serial'];

/** Where each refused contract path shows its message on this form. */
function refusalFor(refusal: HostRefusal | null, kind: PrinterKind): Partial<Record<PrinterField, string>> {
  if (!refusal) return {};
  const f = refusal.fields;
  const path = f['printer.path'];
  return {
    host: f['printer.host'],
    port: f['printer.port'],
    usbPath: kind === 'usb-device' ? path : undefined,
    serialPath: kind === 'serial' ? path : undefined,
  };
}

function PrinterForm({ station, onBack, onStationChange, initial }: SectionProps & { initial: HostSettings }) {
  const { t } = useTranslation('settings');
  const problemText = useProblemText();
  const targetText = usePrinterTargetText();
  const draft = useSectionDraft<HostSettings, PrinterForm, PrinterPatch, PrinterField, { refusal: HostRefusal }>({
    initial, formFrom: printerFormFrom, check: printerPatchFrom, same: samePrinterPatch,
  });
  const { form, problems, saved, save, dirty } = draft;
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const [statusGeneration, recheck] = useGeneration();
  const status = usePrinterCheck(station, statusGeneration);
  const info = shown(useAppInfo(station));

  const hostSays = refusalFor(save.status === 'refused' ? save.refusal : null, form.kind);

  const set = <K extends keyof PrinterForm>(key: K, value: PrinterForm[K]) => {
    draft.edit({ ...form, [key]: value });
    // A test result belongs to the printer it was printed on; it is not about the edited form.
    if (test.status !== 'printing') setTest({ status: 'idle' });
  };

  const submit = async () => {
    const done = await draft.submit(
      async (patch) => {
        const outcome = await saveMachineSettings(station, patch, onStationChange);
        return outcome.status === 'ok' ? { status: 'ok', value: outcome.value.settings } : outcome;
      },
      (notDone) => ({ refusal: readHostRefusal('settings.update', notDone.message) }),
    );
    if (done) {
      setTest({ status: 'idle' });
      recheck();
    }
  };

  const printTest = async () => {
    setTest({ status: 'printing' });
    const paper = t(`printer.paper.w${saved.paperWidth}`);
    const document = buildTestPage({
      title: t('printer.test.title'),
      storeName: station.profile.name,
      printedAt: formatDateTime(new Date().toISOString(), station.profile.timeZone, currentLocale()),
      paper: t('printer.test.paper', { paper }),
      works: t('printer.test.works'),
    }, saved.paperWidth);
    const outcome = await printDocument(station.host, document, false);
    setTest(outcome.status === 'ok' ? { status: 'printed', target: outcome.value.target } : { status: 'failed', message: outcome.message });
    recheck();
  };

  const light = status.status === 'ready' ? status.value : null;

  return (
    <SectionFrame section="printer" onBack={() => draft.back(onBack)} pageRef={draft.pageRef}>
      <SaveBanners save={save} saved={t('printer.saved')} refused={(r) => t('printer.refused', { message: r.refusal.text })} />
      <div className="settings-split">
        <div className="settings__scroll">
          <SettingsCard id="printer-kind" title={t('printer.groups.printer')}>
            <Segmented<PrinterKind>
              label={t('printer.kind')}
              value={form.kind}
              options={KINDS.map((k) => ({ value: k, label: t(`printer.kinds.${k}`) }))}
              onChange={(kind) => set('kind', kind)}
              hint={t(`printer.kindHints.${form.kind}`)}
              testId="printer-kind"
            />
            {form.kind === 'network' ? (
              <div className="settings-form">
                <TextField label={t('printer.host')} value={form.host} onChange={(v) => set('host', v.trim())} error={problemText(problems.host) ?? hostSays.host} hint={t('printer.hostHint')} inputMode="url" ltr testId="printer-host" />
                <TextField label={t('printer.port')} value={form.port} onChange={(v) => set('port', v)} digits={5} keypad="count" error={problemText(problems.port) ?? hostSays.port} hint={t('printer.portHint')} ltr testId="printer-port" />
              </div>
            ) : null}
            {form.kind === 'usb-device' ? (
              <TextField label={t('printer.usbPath')} value={form.usbPath} onChange={(v) => set('usbPath', v.trim())} error={problemText(problems.usbPath) ?? hostSays.usbPath} hint={t('printer.usbPathHint')} ltr testId="printer-usb-path" />
            ) : null}
            {form.kind === 'serial' ? (
              <div className="settings-form">
                <TextField label={t('printer.serialPath')} value={form.serialPath} onChange={(v) => set('serialPath', v.trim())} error={problemText(problems.serialPath) ?? hostSays.serialPath} hint={t('printer.serialPathHint')} ltr testId="printer-serial-path" />
                <Segmented
                  label={t('printer.baudRate')}
                  value={String(form.baudRate)}
                  options={BAUD_RATES.map((b) => ({ value: String(b), label: String(b) }))}
                  onChange={(v) => set('baudRate', Number(v) as PrinterForm['baudRate'])}
                  hint={t('printer.baudRateHint')}
                  testId="printer-baud"
                />
              </div>
            ) : null}
          </SettingsCard>
          <SettingsCard id="printer-paper" title={t('printer.groups.paper')}>
            <Segmented
              label={t('printer.paperWidth')}
              value={String(form.paperWidth)}
              options={[48, 32].map((w) => ({ value: String(w), label: t(`printer.paperOption.w${w as 48 | 32}`) }))}
              onChange={(v) => set('paperWidth', Number(v) === 32 ? 32 : 48)}
              hint={t('printer.paperWidthHint')}
              testId="printer-paper"
            />
            <div className="settings-form">
              <Toggle
                label={t('printer.cashDrawer')}
                checked={form.cashDrawer}
                onChange={(v) => set('cashDrawer', v)}
                onText={t('printer.cashDrawerOn')}
                offText={t('printer.cashDrawerOff')}
                hint={t('printer.cashDrawerHint')}
                testId="printer-drawer"
              />
              <Toggle
                label={t('printer.kiosk')}
                checked={form.kiosk}
                onChange={(v) => set('kiosk', v)}
                onText={t('printer.kioskOn')}
                offText={t('printer.kioskOff')}
                hint={info?.transport === 'web' ? t('printer.kioskHintWeb') : t('printer.kioskHint')}
                testId="printer-kiosk"
              />
            </div>
          </SettingsCard>
        </div>
        <aside className="settings-side">
          <SettingsCard id="printer-now" title={t('printer.now.title')} testId="printer-check" state={light?.state ?? status.status}>
            {light ? (
              <>
                <p className={`settings-light settings-light--${light.state}`}>
                  <span className="settings-light__dot" aria-hidden="true" />
                  {t(`printer.now.${light.state}`)}
                </p>
                <p className="settings-path" data-testid="printer-target">{targetText(light.target)}</p>
                {light.message ? <p className="mfield__error">{light.message}</p> : null}
              </>
            ) : status.status === 'failed' ? (
              <p className="mfield__error">{status.message}</p>
            ) : (
              <p className="muted">{t('printer.now.checking')}</p>
            )}
            <button type="button" className="btn btn--ghost btn--block" onClick={recheck} data-testid="printer-recheck">{t('printer.now.again')}</button>
          </SettingsCard>
          <SettingsCard id="printer-test" title={t('printer.test.heading')}>
            <button
              type="button"
              className="btn btn--secondary btn--large btn--block"
              disabled={dirty || test.status === 'printing'}
              onClick={() => void printTest()}
              data-testid="printer-test"
            >
              {test.status === 'printing' ? t('printer.test.printing') : t('printer.test.print')}
            </button>
            {dirty ? <p className="mfield__hint">{t('printer.test.saveFirst')}</p> : null}
            {test.status === 'printed' ? <Banner tone="ok" testId="printer-test-result">{t('printer.test.printed', { target: targetText(test.target) })}</Banner> : null}
            {test.status === 'failed' ? <Banner tone="error" testId="printer-test-result">{test.message}</Banner> : null}
          </SettingsCard>
        </aside>
      </div>
      <DraftSaveBar section="printer" draft={draft} onSave={() => void submit()} onLeave={onBack} />
    </SectionFrame>
  );
}
