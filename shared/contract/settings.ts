import { z } from 'zod';

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
    host: z.string().regex(/^[A-Za-z0-9.-]{1,253}$|^\[[0-9a-fA-F:]+\]$/, 'Enter a printer IP address or host name'),
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

export const HostSettingsSchema = z.object({
  /** e.g. "srinagar-polo-view/K01" (PROTOCOL.md). */
  deviceId: z.string().regex(/^[a-z0-9-]{1,40}\/[A-Za-z0-9-]{1,4}$/, 'Device id looks like market-id/K01'),
  printer: PrinterConfigSchema,
  /** Characters per line of the receipt paper: 48 for 80 mm, 32 for 58 mm. */
  paperWidth: z.union([z.literal(48), z.literal(32)]),
  /** Open the cash drawer wired to the receipt printer on cash sales. */
  cashDrawer: z.boolean(),
  /** Electron only: full-screen kiosk window with no way out but the manager's menu. */
  kiosk: z.boolean(),
  /** The central system's base URL (https), or null until enrolled. */
  centralBaseUrl: z.string().url().startsWith('https://').nullable(),
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
  'settings.update': {
    input: HostSettingsSchema.partial().strict(),
    output: z.object({ settings: HostSettingsSchema, deviceKey: DeviceKeyStatusSchema }),
  },
  /** Enrolment: the manager types the device id and the key the central system issued. */
  'device.enrol': {
    input: z.object({
      deviceId: HostSettingsSchema.shape.deviceId,
      deviceKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'The device key is 43 characters of letters, digits, - and _ (32 bytes, base64url)'),
      centralBaseUrl: HostSettingsSchema.shape.centralBaseUrl,
    }).strict(),
    output: DeviceKeyStatusSchema,
  },
} as const;
