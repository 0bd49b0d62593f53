import { z } from 'zod';
import { baseUrlProblem } from '../protocol/retry';
import { isIPv6Literal, isLoopbackHost, socketHost } from '../net-address';

/**
 * Machine settings the host keeps in its data folder (not business data: the store
 * profile and the tax table live in the renderer's store). Paths for printers are
 * limited to device-file patterns so an untrusted renderer cannot write files anywhere;
 * the file printer's folder is fixed by the host at launch.
 */
export const PrinterConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file') }),
  z.object({
    kind: z.literal('network'),
    host: z.string()
      // A name, an IPv4 address, or an IPv6 one with or without brackets (stored with them).
      .regex(/^[A-Za-z0-9.-]{1,253}$|^\[[0-9a-fA-F:.]+\]$|^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$/, 'Enter a printer IP address or host name')
      .refine((h) => !h.includes(':') || isIPv6Literal(socketHost(h)), 'That is not an IPv6 address. Write it like 2001:db8::5 or [2001:db8::5]')
      // "127.1" and "2130706433" are 127.0.0.1 to the resolver: only whole dotted quads.
      .refine((h) => !/^[0-9.]+$/.test(h) || /^\d{1,3}(\.\d{1,3}){3}$/.test(h), 'Enter the printer\'s IP address as four numbers, like 192.168.1.50')
      // The host re-checks the resolved address; this gives the manager the reason early.
      .refine((h) => !isLoopbackHost(h), 'That address is this computer, not a printer. Enter the printer\'s own IP address')
      .transform((h) => (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h)),
    port: z.number().int().min(1).max(65_535).default(9100),
  }),
  z.object({
    kind: z.literal('usb-device'),
    path: z.string().regex(/^\/dev\/usb\/lp\d{1,2}$|^\/dev\/lp\d{1,2}$/, 'A USB printer device file looks like /dev/usb/lp0'),
  }),
  z.object({
    kind: z.literal('serial'),
    path: z.string().regex(/^\/dev\/tty(S|USB|ACM)\d{1,3}$|^COM\d{1,3}$/, 'A serial port looks like /dev/ttyUSB0 or COM3'),
    baudRate: z.number().int().refine((b) => [9600, 19200, 38400, 57600, 115200].includes(b), 'Baud rate must be 9600, 19200, 38400, 57600 or 115200').default(9600),
  }),
]);

export const MarketIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Market id is lower-case letters, digits and -');

/** The market part of "srinagar-polo-view/K01". */
export function marketOfDeviceId(deviceId: string): string {
  const slash = deviceId.indexOf('/');
  return slash < 0 ? deviceId : deviceId.slice(0, slash);
}

export const HostSettingsSchema = z.object({
  /** e.g. "srinagar-polo-view/K01" (PROTOCOL.md). Set only by enrolment. */
  deviceId: z.string().regex(/^[a-z0-9-]{1,40}\/[A-Za-z0-9-]{1,4}$/, 'Device id looks like market-id/K01'),
  /**
   * e.g. "srinagar-polo-view", as the central system issued it with the device id. Set
   * only by enrolment; older settings files without it take the device id's market part.
   */
  marketId: MarketIdSchema,
  printer: PrinterConfigSchema,
  /** Characters per line of the receipt paper: 48 for 80 mm, 32 for 58 mm. */
  paperWidth: z.union([z.literal(48), z.literal(32)]),
  /** Open the cash drawer wired to the receipt printer on cash sales. */
  cashDrawer: z.boolean(),
  /** Electron only: full-screen kiosk window with no way out but the manager's menu. */
  kiosk: z.boolean(),
  /**
   * The central system's base URL (https; http only to 127.0.0.1 for trials), or null
   * until enrolled. Set only by enrolment, together with the key it belongs to.
   */
  centralBaseUrl: z.string().url().superRefine((url, ctx) => {
    const problem = baseUrlProblem(url);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  }).nullable(),
});

export type PrinterConfig = z.infer<typeof PrinterConfigSchema>;
export type HostSettings = z.infer<typeof HostSettingsSchema>;

export const DeviceKeyStatusSchema = z.object({
  set: z.boolean(),
  /** First 8 hex characters of SHA-256 of the key; null when no key is set. */
  fingerprint: z.string().regex(/^[0-9a-f]{8}$/).nullable(),
});

export const settingsMethods = {
  'settings.get': {
    input: z.object({}),
    output: z.object({ settings: HostSettingsSchema, deviceKey: DeviceKeyStatusSchema }),
  },
  /**
   * Machine settings only. The device id, market id and central address are left out on
   * purpose: they belong to the key and change only with a new enrolment (device.enrol),
   * so a renderer cannot point the signed uploads somewhere else.
   */
  'settings.update': {
    input: HostSettingsSchema.omit({ deviceId: true, marketId: true, centralBaseUrl: true }).partial().strict(),
    output: z.object({ settings: HostSettingsSchema, deviceKey: DeviceKeyStatusSchema }),
  },
  /**
   * Enrolment: the manager types what the central system issued. The four are set
   * together and replace any earlier enrolment; afterwards only the key's fingerprint can
   * be read back. `marketId` left out is the device id's market part.
   */
  'device.enrol': {
    input: z.object({
      deviceId: HostSettingsSchema.shape.deviceId,
      marketId: MarketIdSchema.optional(),
      deviceKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'The device key is 43 characters of letters, digits, - and _ (32 bytes, base64url)'),
      centralBaseUrl: HostSettingsSchema.shape.centralBaseUrl,
    }).strict(),
    output: DeviceKeyStatusSchema,
  },
} as const;
