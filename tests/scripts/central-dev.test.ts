import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prepareBody, sendAttempt } from '../../electron/upload/attempt';
import { dayBody, DEVICE_ID, KEY } from '../electron/upload/fixtures';
import { tempDir } from '../electron/helpers';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('scripts/central-dev.ts', () => {
  it('listens on 127.0.0.1, stores a signed day in the JSON-lines file and stops on SIGTERM', async () => {
    const dir = await tempDir('chinar-central-cli-');
    const devices = join(dir, 'devices.json');
    const store = join(dir, 'days.jsonl');
    await writeFile(devices, JSON.stringify({ [DEVICE_ID]: KEY }));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/central-dev.ts', '--port', '0', '--devices', devices, '--store', store], { cwd: ROOT });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" line: ${out}`)), 15_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match) { clearTimeout(timer); resolve(match[1]!); }
      });
    });
    try {
      const prepared = prepareBody(dayBody(0));
      if (!prepared.ok) throw new Error('fixture');
      const outcome = await sendAttempt({ baseUrl: url, deviceId: DEVICE_ID, keyBytes: Buffer.from(KEY, 'base64url'), body: prepared.bytes, idempotencyKey: prepared.idempotencyKey });
      expect(outcome).toEqual({ outcome: 'delivered', status: 201 });
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    const lines = (await readFile(store, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { idempotencyKey: string });
    expect(lines.map((l) => l.idempotencyKey)).toEqual([`${DEVICE_ID}:2026-11-01:100`]);
  }, 30_000);
});
