import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HostSettingsSchema, marketOfDeviceId, type HostSettings } from '../../shared/contract';
import { fileTimestamp, readJsonIfPresent, writeFileAtomic } from './files';
import { getLogger } from './log';

/**
 * Machine settings in `<dataDir>/settings.json`. A fresh install gets the defaults, which
 * work end to end (the file printer), so a new kiosk can ring up a test sale at once.
 */

const log = getLogger('settings');

export const DEFAULT_SETTINGS: HostSettings = Object.freeze({
  deviceId: 'demo-market/K01',
  marketId: 'demo-market',
  printer: Object.freeze({ kind: 'file' }) as HostSettings['printer'],
  paperWidth: 48,
  cashDrawer: true,
  kiosk: false,
  centralBaseUrl: null,
});

export interface SettingsStore {
  read(): Promise<HostSettings>;
  /** Validates the merged result, writes it atomically and returns it. */
  update(patch: Partial<HostSettings>): Promise<HostSettings>;
  readonly file: string;
}

export function createSettingsStore(dataDir: string, now: () => Date = () => new Date()): SettingsStore {
  const file = join(dataDir, 'settings.json');
  let cached: HostSettings | null = null;
  // Updates run one after another, so two quick saves cannot interleave read-merge-write.
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<HostSettings> {
    const stored = await readJsonIfPresent(file);
    if (!stored) return { ...DEFAULT_SETTINGS };
    let raw = stored.raw;
    // Settings written before the market id was part of the enrolment: the device id
    // ("srinagar-polo-view/K01") carries it, so an enrolled kiosk stays enrolled.
    if (raw && typeof raw === 'object' && !('marketId' in raw) && 'deviceId' in raw && typeof raw.deviceId === 'string') {
      raw = { ...raw, marketId: marketOfDeviceId(raw.deviceId) };
    }
    const parsed = HostSettingsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    return salvage(raw);
  }

  /**
   * A settings file that fails validation (hand-edited, or written by an older version)
   * must not stop the till from starting. Each field that is still valid is kept, the
   * others fall back to their defaults, and the original file is kept beside it for a
   * technician to look at.
   */
  async function salvage(raw: unknown): Promise<HostSettings> {
    const source = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    const reset: string[] = [];
    for (const [key, schema] of Object.entries(HostSettingsSchema.shape)) {
      const field = schema.safeParse(source[key]);
      if (field.success) result[key] = field.data;
      else reset.push(key);
    }
    const keptAside = join(dataDir, `settings.invalid-${fileTimestamp(now())}.json`);
    await copyFile(file, keptAside).catch(() => undefined);
    log.warn(`settings.json was not valid; reset ${reset.join(', ') || 'nothing'} to defaults (original kept as ${keptAside})`);
    const settings = HostSettingsSchema.parse(result);
    await persist(settings);
    return settings;
  }

  async function persist(settings: HostSettings): Promise<void> {
    // Owner-only, like the key and the backups: it names the central system and the device.
    await writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    cached = settings;
  }

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    file,
    read: () => serial(async () => {
      cached ??= await load();
      return cached;
    }),
    update: (patch) => serial(async () => {
      const current = cached ?? (await load());
      const next = HostSettingsSchema.parse({ ...current, ...patch });
      await persist(next);
      return next;
    }),
  };
}
