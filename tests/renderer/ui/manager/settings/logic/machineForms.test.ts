import { describe, expect, it } from 'vitest';
import {
  cleanDeviceKey, deviceFormFrom, enrolmentFrom, marketOfDevice, printerFormFrom, printerPatchFrom, readHostRefusal, samePrinterSettings,
} from '../../../../../../renderer/ui/manager/settings/logic/machineForms';
import { buildTestPage, digitRuler, TEST_BARCODE } from '../../../../../../renderer/ui/manager/settings/logic/testPage';
import { HostSettingsSchema, type HostSettings } from '../../../../../../shared/contract';
import { documentToText, PrintDocumentSchema } from '../../../../../../shared/documents';

const SETTINGS: HostSettings = {
  deviceId: 'demo-market/K01', marketId: 'demo-market', printer: { kind: 'file' }, paperWidth: 48, cashDrawer: true, kiosk: false, centralBaseUrl: null,
};
/** 32 bytes, base64url, no padding: 43 characters. */
const KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';

describe('printer form', () => {
  it('offers the usual device for kinds not set up yet, and keeps what is configured', () => {
    const f = printerFormFrom(SETTINGS);
    expect([f.kind, f.port, f.usbPath, f.serialPath, f.baudRate]).toEqual(['file', '9100', '/dev/usb/lp0', '/dev/ttyUSB0', 9600]);
    const net = printerFormFrom({ ...SETTINGS, printer: { kind: 'network', host: '192.168.1.50', port: 9101 } });
    expect([net.kind, net.host, net.port]).toEqual(['network', '192.168.1.50', '9101']);
  });

  it('makes the settings patch for each kind, and the host accepts each', () => {
    const base = printerFormFrom(SETTINGS);
    const patches = [
      printerPatchFrom({ ...base, kind: 'network', host: ' 192.168.1.50 ', port: '9100' }),
      printerPatchFrom({ ...base, kind: 'usb-device' }),
      printerPatchFrom({ ...base, kind: 'serial', serialPath: 'COM3', baudRate: 19200, paperWidth: 32, cashDrawer: false }),
      printerPatchFrom(base),
    ];
    expect(patches.map((p) => p.ok && p.value.printer)).toEqual([
      { kind: 'network', host: '192.168.1.50', port: 9100 },
      { kind: 'usb-device', path: '/dev/usb/lp0' },
      { kind: 'serial', path: 'COM3', baudRate: 19200 },
      { kind: 'file' },
    ]);
    for (const p of patches) {
      if (!p.ok) throw new Error('refused');
      expect(HostSettingsSchema.partial().strict().safeParse(p.value).success).toBe(true);
    }
    expect(patches[2]!.ok && [patches[2]!.value.paperWidth, patches[2]!.value.cashDrawer]).toEqual([32, false]);
  });

  it('asks for a host and a port that is a number from 1 to 65535', () => {
    const base = { ...printerFormFrom(SETTINGS), kind: 'network' as const };
    expect(printerPatchFrom({ ...base, host: '', port: '' })).toEqual({ ok: false, problems: { host: { key: 'required' }, port: { key: 'required' } } });
    expect(printerPatchFrom({ ...base, host: 'printer.local', port: '70000' })).toEqual({ ok: false, problems: { port: { key: 'port' } } });
    expect(printerPatchFrom({ ...base, host: 'printer.local', port: '0' })).toEqual({ ok: false, problems: { port: { key: 'port' } } });
  });

  it('knows when the form holds what the host has', () => {
    const f = printerFormFrom(SETTINGS);
    expect(samePrinterSettings(f, SETTINGS)).toBe(true);
    // Typing a network address while the file printer stays chosen changes nothing that is sent.
    expect(samePrinterSettings({ ...f, host: '10.0.0.9' }, SETTINGS)).toBe(true);
    expect(samePrinterSettings({ ...f, paperWidth: 32 }, SETTINGS)).toBe(false);
    expect(samePrinterSettings({ ...f, kind: 'usb-device' }, SETTINGS)).toBe(false);
  });
});

describe('device enrolment form', () => {
  const form = deviceFormFrom(SETTINGS);

  it('sends the device id, the key and no central address when none is typed', () => {
    expect(enrolmentFrom(form, KEY)).toEqual({ ok: true, value: { deviceId: 'demo-market/K01', deviceKey: KEY, centralBaseUrl: null } });
    const withUrl = enrolmentFrom({ ...form, centralBaseUrl: 'https://central.example.org/' }, KEY);
    expect(withUrl.ok && withUrl.value.centralBaseUrl).toBe('https://central.example.org');
  });

  it('takes a key pasted with line breaks, spaces or base64 padding', () => {
    expect(cleanDeviceKey(` ${KEY.slice(0, 20)}\n${KEY.slice(20)}= `)).toBe(KEY);
    expect(enrolmentFrom(form, `${KEY}=`).ok).toBe(true);
  });

  it('says how many characters were typed when the key is not 43', () => {
    expect(enrolmentFrom(form, KEY.slice(1))).toEqual({ ok: false, problems: { deviceKey: { key: 'deviceKey', values: { count: 42 } } } });
    expect(enrolmentFrom(form, `${KEY.slice(1)}+`)).toEqual({ ok: false, problems: { deviceKey: { key: 'deviceKey', values: { count: 43 } } } });
    expect(enrolmentFrom(form, '')).toEqual({ ok: false, problems: { deviceKey: { key: 'required' } } });
  });

  it('refuses a central address that is not https, and a device id without its market', () => {
    expect(enrolmentFrom({ deviceId: 'K01', centralBaseUrl: 'http://central.example.org' }, KEY)).toEqual({
      ok: false, problems: { deviceId: { key: 'deviceId' }, centralBaseUrl: { key: 'centralUrl' } },
    });
  });

  it('reads the market out of a device id', () => {
    expect(marketOfDevice('srinagar-polo-view/K01')).toBe('srinagar-polo-view');
  });
});

describe('the host’s refusals', () => {
  it('puts each message under the field it names, without the method in front', () => {
    const refusal = readHostRefusal('settings.update', 'settings.update: printer.path: A USB printer device file looks like /dev/usb/lp0');
    expect(refusal).toEqual({ text: 'A USB printer device file looks like /dev/usb/lp0', fields: { 'printer.path': 'A USB printer device file looks like /dev/usb/lp0' } });
    const two = readHostRefusal('device.enrol', 'device.enrol: deviceId: Device id looks like market-id/K01; centralBaseUrl: Invalid URL');
    expect(two.fields).toEqual({ deviceId: 'Device id looks like market-id/K01', centralBaseUrl: 'Invalid URL' });
  });

  it('keeps any other message whole', () => {
    const disk = 'The kiosk\'s disk is full. Free some space (old backups, printer output), then try again.';
    expect(readHostRefusal('settings.update', disk)).toEqual({ text: disk, fields: {} });
  });
});

describe('printer test page', () => {
  const text = { title: 'Printer test page', storeName: 'Chinar Artisan Market', printedAt: '22 Nov 2026, 12:00 pm', paper: 'Paper: 58 mm', works: 'If you can read this, the printer works.' };

  it('is a valid test document with the store name, a rule, a Code 128 barcode and the sentence', () => {
    const doc = buildTestPage(text, 32);
    const parsed = PrintDocumentSchema.parse(doc);
    expect([parsed.type, parsed.width, parsed.cut]).toEqual(['test', 32, true]);
    expect(parsed.blocks.some((b) => b.kind === 'rule')).toBe(true);
    expect(parsed.blocks.find((b) => b.kind === 'barcode')).toMatchObject({ symbology: 'code128', data: TEST_BARCODE });
    const lines = documentToText(doc);
    // On 58 mm paper the double-size name and the sentence wrap; their words stay in order.
    const flat = lines.join(' ').replace(/\s+/g, ' ');
    expect(flat).toContain('Chinar Artisan Market Printer test page');
    expect(flat).toContain('If you can read this, the printer works.');
    expect(lines).toContain('-'.repeat(32));
  });

  it('prints a line of digits exactly as wide as the paper', () => {
    expect(digitRuler(48)).toHaveLength(48);
    expect(digitRuler(32)).toBe('12345678901234567890123456789012');
    expect(documentToText(buildTestPage(text, 48))).toContain(digitRuler(48));
  });
});
