import { describe, expect, it } from 'vitest';
import { createPrinter } from '../../../../electron/printing/printers';
import { parsePrinterTarget } from '../../../../renderer/ui/format/printerTarget';

/**
 * The host describes its printer in English; the screen translates the kind of printer.
 * The descriptions come from the host's own printers, so a change to their wording there
 * fails here instead of leaving an untranslated "File printer (…)" on an Urdu screen.
 */
describe('parsePrinterTarget', () => {
  const options = { fileDir: '/srv/chinar (main)/printer-out', paperWidth: 48 };

  it('reads each kind of printer the host describes', () => {
    expect(parsePrinterTarget(createPrinter({ kind: 'file' }, options).target))
      .toEqual({ kind: 'file', dir: '/srv/chinar (main)/printer-out' });
    expect(parsePrinterTarget(createPrinter({ kind: 'network', host: '192.168.1.50', port: 9100 }, options).target))
      .toEqual({ kind: 'network', address: '192.168.1.50:9100' });
    expect(parsePrinterTarget(createPrinter({ kind: 'usb-device', path: '/dev/usb/lp0' }, options).target))
      .toEqual({ kind: 'usb', device: '/dev/usb/lp0' });
    expect(parsePrinterTarget(createPrinter({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 }, options).target))
      .toEqual({ kind: 'serial', device: '/dev/ttyUSB0', baud: '19200' });
  });

  it('keeps a description it does not know as it came', () => {
    expect(parsePrinterTarget('Bluetooth printer BT-58')).toEqual({ kind: 'other', text: 'Bluetooth printer BT-58' });
  });
});
