import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { dayBody, dayEnvelope, DEVICE_ID, KEY, startTestCentral } from '../electron/upload/fixtures';
import { tempDir } from '../electron/helpers';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the script as `npm run upload` does; async, so the in-process receiver can answer. */
function upload(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/upload.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function files(body = dayBody(0)) {
  const dir = await tempDir('chinar-upload-cli-');
  const keyFile = join(dir, 'device.key');
  const envelope = join(dir, 'day.json');
  await writeFile(keyFile, `${KEY}\n`, { mode: 0o600 });
  await writeFile(envelope, body);
  return { keyFile, envelope };
}

async function central() {
  const c = await startTestCentral();
  onTestFinished(() => c.close());
  return c;
}

describe('scripts/upload.ts', () => {
  it('exits 0 once delivered, and 0 again on a repeat (200)', async () => {
    const c = await central();
    const f = await files();
    const first = await upload('--base-url', c.url, '--device-id', DEVICE_ID, '--key-file', f.keyFile, f.envelope);
    expect(first).toMatchObject({ status: 0, stdout: expect.stringContaining('201 stored') });
    const again = await upload('--base-url', c.url, '--device-id', DEVICE_ID, '--key-file', f.keyFile, f.envelope);
    expect(again).toMatchObject({ status: 0, stdout: expect.stringContaining('200 already stored') });
    expect(c.stored()).toHaveLength(1);
  }, 30_000);

  it('exits 2 with the server\'s reason when refused, and 2 for an invalid envelope without sending it', async () => {
    const c = await central();
    const f = await files();
    c.failNext(1, { kind: 'status', status: 422 });
    const refused = await upload('--base-url', c.url, '--device-id', DEVICE_ID, '--key-file', f.keyFile, f.envelope);
    expect(refused).toMatchObject({ status: 2, stderr: expect.stringContaining('refused (HTTP 422): injected 422') });

    const broken = dayEnvelope(0);
    broken.cash.overShort = 5;
    const bad = await files(JSON.stringify(broken));
    const invalid = await upload('--base-url', c.url, '--device-id', DEVICE_ID, '--key-file', bad.keyFile, bad.envelope);
    expect(invalid).toMatchObject({ status: 2, stderr: expect.stringContaining('cash.overShort') });
    expect(c.stats().requests).toBe(1);
  }, 30_000);

  it('exits 3 when passing trouble outlasts --give-up-after', async () => {
    const c = await central();
    c.setFaultPolicy(() => ({ kind: 'status', status: 503 }));
    const f = await files();
    const result = await upload('--base-url', c.url, '--device-id', DEVICE_ID, '--key-file', f.keyFile, '--give-up-after', '1', f.envelope);
    expect(result).toMatchObject({ status: 3, stderr: expect.stringContaining('gave up') });
    expect(c.stats().requests).toBeGreaterThanOrEqual(1);
    expect(c.stored()).toHaveLength(0);
  }, 30_000);

  it('explains usage errors: no plain http off this computer, missing flags', async () => {
    const f = await files();
    const http = await upload('--base-url', 'http://central.example.org', '--device-id', DEVICE_ID, '--key-file', f.keyFile, f.envelope);
    expect(http).toMatchObject({ status: 1, stderr: expect.stringContaining('must start with https://') });
    const missing = await upload('--device-id', DEVICE_ID, f.envelope);
    expect(missing).toMatchObject({ status: 1, stderr: expect.stringMatching(/--base-url is required\nusage: npm run upload/) });
  }, 30_000);
});
