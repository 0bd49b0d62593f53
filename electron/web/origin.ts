import { join } from 'node:path';
import { z } from 'zod';
import { readJsonIfPresent, writeFileAtomic } from '../host/files';

/**
 * One data folder, one browser origin. IndexedDB belongs to the page's origin
 * (scheme, host and port), so a host that came up on another port would show the
 * browser an empty store, and the first sale there would reissue invoice numbers that
 * already exist (GST rule 46 allows no duplicates). The first time the host serves a
 * folder it records the origin in `<dataDir>/origin.json`; later starts listen on that
 * port or refuse to start.
 *
 * Port choice:
 * - no `--port`: the remembered port, else DEFAULT_WEB_PORT;
 * - `--port 0`: the remembered port, else any free port (tests, with a fresh folder);
 * - `--port P`: P, refused when the folder remembers another, unless `--move-origin`.
 */

export const DEFAULT_WEB_PORT = 47615;
export const ORIGIN_FILE = 'origin.json';

const OriginRecordSchema = z.object({
  /** `http://127.0.0.1:PORT`: the origin whose IndexedDB holds this folder's store. */
  origin: z.string().regex(/^http:\/\/127\.0\.0\.1:\d{1,5}$/),
  /** When this origin was recorded (first start, or the last --move-origin). */
  recordedAt: z.string(),
}).strict();
export type OriginRecord = z.infer<typeof OriginRecordSchema>;

export class OriginError extends Error {}

export function originOf(port: number): string {
  return `http://127.0.0.1:${port}`;
}

function portOf(record: OriginRecord): number {
  return Number(record.origin.slice(record.origin.lastIndexOf(':') + 1));
}

/** The remembered port, or null for a folder no host has served yet. */
export async function readRememberedPort(dataDir: string): Promise<number | null> {
  const file = join(dataDir, ORIGIN_FILE);
  const stored = await readJsonIfPresent(file);
  if (!stored) return null;
  const parsed = OriginRecordSchema.safeParse(stored.raw);
  const port = parsed.success ? portOf(parsed.data) : 0;
  if (port < 1 || port > 65_535) {
    // Guessing would be worse than stopping: a wrong guess is a second, empty store.
    throw new OriginError(`${file} is damaged, so the host cannot tell which address holds this folder's store. Restore it (it looks like {"origin":"http://127.0.0.1:${DEFAULT_WEB_PORT}","recordedAt":"…"}), or start with --move-origin to record a new one.`);
  }
  return port;
}

export interface PortPlan {
  /** What to listen on; 0 = any free port. */
  listen: number;
  remembered: number | null;
}

export async function planPort(dataDir: string, requested: number | undefined, moveOrigin: boolean): Promise<PortPlan> {
  if (moveOrigin) {
    // A damaged origin.json must not stop a deliberate move, so it is not even read.
    const remembered = await readRememberedPort(dataDir).catch(() => null);
    return { listen: requested ?? DEFAULT_WEB_PORT, remembered };
  }
  const remembered = await readRememberedPort(dataDir);
  if (remembered === null) return { listen: requested ?? DEFAULT_WEB_PORT, remembered };
  if (requested === undefined || requested === 0 || requested === remembered) return { listen: remembered, remembered };
  throw new OriginError(
    `This data folder's store belongs to ${originOf(remembered)}/ (recorded in ${join(dataDir, ORIGIN_FILE)}), not port ${requested}. ` +
    `Start without --port, or with --port ${remembered}. To move the kiosk to port ${requested} on purpose, add --move-origin; ` +
    `the browser keeps the old store with the old address, so write a backup there first.`,
  );
}

export async function rememberOrigin(dataDir: string, port: number, at: Date): Promise<void> {
  const record: OriginRecord = { origin: originOf(port), recordedAt: at.toISOString() };
  await writeFileAtomic(join(dataDir, ORIGIN_FILE), `${JSON.stringify(record, null, 2)}\n`);
}
