import { useTranslation } from 'react-i18next';
import type { HostSettings } from '../../../../shared/contract';

/** "Network printer 192.168.1.50:9100 · 80 mm paper": the configured printer in a line. */
export function usePrinterSummary(): (settings: HostSettings) => string {
  const { t } = useTranslation('settings');
  return (settings) => {
    const p = settings.printer;
    const where = p.kind === 'file' ? t('printer.summary.file')
      : p.kind === 'network' ? t('printer.summary.network', { host: p.host, port: p.port })
        : p.kind === 'usb-device' ? t('printer.summary.usb', { path: p.path })
          : t('printer.summary.serial', { path: p.path, baud: p.baudRate });
    return t('printer.summary.line', { where, paper: t(`printer.paper.w${settings.paperWidth}`) });
  };
}
