import { useTranslation } from 'react-i18next';
import { isolate } from './bidi';

/**
 * The host names where print jobs go in English ("File printer (/srv/printer-out)",
 * electron/printing/printers.ts). The screen says it in the operator's language: the
 * kind of printer is translated, the folder, address or device stays as the host wrote it.
 * A description of a shape this does not know is shown as it came.
 */
export type PrinterTarget =
  | { kind: 'file'; dir: string }
  | { kind: 'network'; address: string }
  | { kind: 'usb'; device: string }
  | { kind: 'serial'; device: string; baud: string }
  | { kind: 'other'; text: string };

export function parsePrinterTarget(target: string): PrinterTarget {
  let m = /^File printer \((.+)\)$/s.exec(target);
  if (m) return { kind: 'file', dir: m[1]! };
  m = /^Network printer (\S+)$/.exec(target);
  if (m) return { kind: 'network', address: m[1]! };
  m = /^USB printer (.+)$/s.exec(target);
  if (m) return { kind: 'usb', device: m[1]! };
  m = /^Serial printer (.+) at (\d+) baud$/s.exec(target);
  if (m) return { kind: 'serial', device: m[1]!, baud: m[2]! };
  return { kind: 'other', text: target };
}

/** `(target) => "فائل پرنٹر (/srv/printer-out)"` in the current language. */
export function usePrinterTargetText(): (target: string) => string {
  const { t } = useTranslation();
  return (target) => {
    const where = parsePrinterTarget(target);
    switch (where.kind) {
      case 'file': return t('printerTarget.file', { dir: isolate(where.dir) });
      case 'network': return t('printerTarget.network', { address: isolate(where.address) });
      case 'usb': return t('printerTarget.usb', { device: isolate(where.device) });
      case 'serial': return t('printerTarget.serial', { device: isolate(where.device), baud: where.baud });
      case 'other': return where.text;
    }
  };
}
