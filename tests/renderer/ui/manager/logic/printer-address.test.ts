import { describe, expect, it } from 'vitest';
import { printerPatchFrom, type PrinterForm } from '../../../../../renderer/ui/manager/settings/logic/machineForms';

const form = (host: string, port = '9100'): PrinterForm => ({
  kind: 'network', host, port, usbPath: '', serialPath: '', baudRate: 9600, paperWidth: 48, cashDrawer: false, kiosk: false,
});

describe('the printer form: an address typed with its port', () => {
  it.each([
    ['[2001:db8::5]:9101', '9100', '[2001:db8::5]', 9101],
    ['[2001:db8::5]', '9102', '[2001:db8::5]', 9102],
    ['2001:db8::5', '9100', '[2001:db8::5]', 9100],
    ['192.168.1.50:9101', '9100', '192.168.1.50', 9101],
    ['printer.local', '9100', 'printer.local', 9100],
  ])('%s (port field %s) saves host %s, port %s', (host, port, savedHost, savedPort) => {
    expect(printerPatchFrom(form(host, port))).toMatchObject({ ok: true, value: { printer: { kind: 'network', host: savedHost, port: savedPort } } });
  });

  it('still asks for an address', () => {
    expect(printerPatchFrom(form('  '))).toMatchObject({ ok: false, problems: { host: expect.anything() } });
  });
});
