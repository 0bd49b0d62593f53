import { HostSettingsSchema, settingsMethods, type HostSettings, type PrinterConfig } from '../../../../../shared/contract';
import { onlyProblems, problem, type Checked } from './problems';
import { splitHostPort } from '../../../../../shared/net-address';

/**
 * The host's machine settings (printer, device enrolment) as forms. The host validates
 * every call and its refusal names the field, so the checks here are only those that
 * must pass before there is anything to send: a port that is a number, a box not left
 * empty. Device paths and host names are the host's to judge (it limits them to
 * device-file patterns), and its message is shown as it is.
 */

export type PrinterKind = PrinterConfig['kind'];

export const BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;
export type BaudRate = (typeof BAUD_RATES)[number];

export interface PrinterForm {
  kind: PrinterKind;
  host: string;
  port: string;
  usbPath: string;
  serialPath: string;
  baudRate: BaudRate;
  paperWidth: HostSettings['paperWidth'];
  cashDrawer: boolean;
  kiosk: boolean;
}

export type PrinterField = 'host' | 'port' | 'usbPath' | 'serialPath';

/** What the form offers for kinds not configured yet: the usual first device of each. */
const FRESH = { host: '', port: '9100', usbPath: '/dev/usb/lp0', serialPath: '/dev/ttyUSB0', baudRate: 9600 } as const;

export function printerFormFrom(settings: HostSettings): PrinterForm {
  const p = settings.printer;
  return {
    kind: p.kind,
    host: p.kind === 'network' ? p.host : FRESH.host,
    port: p.kind === 'network' ? String(p.port) : FRESH.port,
    usbPath: p.kind === 'usb-device' ? p.path : FRESH.usbPath,
    serialPath: p.kind === 'serial' ? p.path : FRESH.serialPath,
    baudRate: p.kind === 'serial' && (BAUD_RATES as readonly number[]).includes(p.baudRate) ? (p.baudRate as BaudRate) : FRESH.baudRate,
    paperWidth: settings.paperWidth,
    cashDrawer: settings.cashDrawer,
    kiosk: settings.kiosk,
  };
}

export type PrinterPatch = Pick<HostSettings, 'printer' | 'paperWidth' | 'cashDrawer' | 'kiosk'>;
export type CheckedPrinter = Checked<PrinterPatch, PrinterField>;

export function printerPatchFrom(form: PrinterForm): CheckedPrinter {
  const rest = { paperWidth: form.paperWidth, cashDrawer: form.cashDrawer, kiosk: form.kiosk };
  switch (form.kind) {
    case 'file':
      return { ok: true, value: { printer: { kind: 'file' }, ...rest } };
    case 'network': {
      // "[2001:db8::5]:9100" or "192.168.1.50:9100" typed into the address: its port is the one meant.
      const typed = splitHostPort(form.host);
      const host = typed.host;
      const portText = typed.port === null ? form.port.trim() : String(typed.port);
      const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
      const problems = onlyProblems<PrinterField>({
        host: host === '' ? problem('required') : null,
        port: portText === '' ? problem('required') : port >= 1 && port <= 65_535 ? null : problem('port'),
      });
      if (Object.keys(problems).length > 0) return { ok: false, problems };
      return { ok: true, value: { printer: { kind: 'network', host, port }, ...rest } };
    }
    case 'usb-device': {
      const path = form.usbPath.trim();
      if (path === '') return { ok: false, problems: { usbPath: problem('required') } };
      return { ok: true, value: { printer: { kind: 'usb-device', path }, ...rest } };
    }
    case 'serial': {
      const path = form.serialPath.trim();
      if (path === '') return { ok: false, problems: { serialPath: problem('required') } };
      return { ok: true, value: { printer: { kind: 'serial', path, baudRate: form.baudRate }, ...rest } };
    }
  }
}

export function samePrinterSettings(form: PrinterForm, settings: HostSettings): boolean {
  const checked = printerPatchFrom(form);
  return checked.ok && samePrinterPatch(checked.value, settings);
}

/** Whether saving the patch would leave the host's settings as they are. */
export function samePrinterPatch({ printer, paperWidth, cashDrawer, kiosk }: PrinterPatch, settings: HostSettings): boolean {
  return JSON.stringify(printer) === JSON.stringify(settings.printer)
    && paperWidth === settings.paperWidth && cashDrawer === settings.cashDrawer && kiosk === settings.kiosk;
}

// ---------------------------------------------------------------- device enrolment

export interface DeviceForm {
  deviceId: string;
  /** '' = no central system yet. */
  centralBaseUrl: string;
}

export type DeviceField = 'deviceId' | 'centralBaseUrl' | 'deviceKey';

export interface Enrolment {
  deviceId: string;
  deviceKey: string;
  centralBaseUrl: string | null;
}

export type CheckedEnrolment = Checked<Enrolment, DeviceField>;

export function deviceFormFrom(settings: HostSettings): DeviceForm {
  return { deviceId: settings.deviceId, centralBaseUrl: settings.centralBaseUrl ?? '' };
}

const enrolShape = settingsMethods['device.enrol'].input.shape;

/**
 * The key as it may arrive pasted from an e-mail or a PDF: spaces and line breaks inside
 * it, or the base64 padding "=" at the end, are not part of its 32 bytes.
 */
export function cleanDeviceKey(typed: string): string {
  return typed.replace(/\s+/g, '').replace(/=+$/, '');
}

/**
 * Checks the enrolment with the contract's own schemas before it is sent. The key is
 * passed in, checked and handed on; nothing here keeps it.
 */
export function enrolmentFrom(form: DeviceForm, typedKey: string): CheckedEnrolment {
  const deviceId = form.deviceId.trim();
  const url = form.centralBaseUrl.trim().replace(/\/+$/, '');
  const deviceKey = cleanDeviceKey(typedKey);
  const centralBaseUrl = url === '' ? null : url;
  const problems = onlyProblems<DeviceField>({
    deviceId: deviceId === '' ? problem('required') : enrolShape.deviceId.safeParse(deviceId).success ? null : problem('deviceId'),
    centralBaseUrl: HostSettingsSchema.shape.centralBaseUrl.safeParse(centralBaseUrl).success ? null : problem('centralUrl'),
    deviceKey: deviceKey === '' ? problem('required')
      : enrolShape.deviceKey.safeParse(deviceKey).success ? null : problem('deviceKey', { count: deviceKey.length }),
  });
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { deviceId, deviceKey, centralBaseUrl } };
}

/** The market part of "srinagar-polo-view/K01", to compare with the store's market id. */
export function marketOfDevice(deviceId: string): string {
  const slash = deviceId.indexOf('/');
  return slash < 0 ? deviceId : deviceId.slice(0, slash);
}

// ---------------------------------------------------------------- the host's refusals

export interface HostRefusal {
  /** The whole message without the method name in front ("settings.update: …"). */
  text: string;
  /** Each refused field's message by its contract path ("printer.host", "deviceKey"). */
  fields: Record<string, string>;
}

/**
 * The host refuses a call that breaks the contract with "method: path: message; path:
 * message" (describeIssues). Reading it back puts each message under the field it is
 * about, in the host's own words; any other refusal (disk full, keyring) stays whole.
 */
export function readHostRefusal(method: string, message: string): HostRefusal {
  const prefix = `${method}: `;
  if (!message.startsWith(prefix)) return { text: message, fields: {} };
  const rest = message.slice(prefix.length);
  const fields: Record<string, string> = {};
  const texts: string[] = [];
  for (const part of rest.split('; ')) {
    const m = /^([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*|\[\d+\])*): (.+)$/s.exec(part);
    if (m) {
      fields[m[1]!] ??= m[2]!;
      texts.push(m[2]!);
    } else {
      texts.push(part);
    }
  }
  return { text: texts.join(' '), fields };
}
