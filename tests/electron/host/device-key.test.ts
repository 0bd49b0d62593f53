import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { HOST_METHOD_NAMES, hostMethods, type HostMethod } from '../../../shared/contract';
import { createHost, readDeviceKey, type SecretStorage } from '../../../electron/host';
import { keyFingerprint } from '../../../electron/host/device-key';
import { Journal, JOURNAL_FILE } from '../../../electron/host/journal';
import { backupMeta, fakePrinterFactory, smallReceipt, tempDir } from '../helpers';
import { dayBody, startTestCentral } from '../upload/fixtures';

// 32 random-looking bytes as the central system issues them (base64url, 43 characters).
const KEY = 'q3S0l1_yN8w-ZrFh2kP9aXcVbM4uT7eJdG6oLiWn5sE';
const KEY_BYTES = Buffer.from(KEY, 'base64url');

/** A stand-in for Electron's safeStorage: reversible, and visibly not the plaintext. */
function fakeSafeStorage(available = true): SecretStorage & { sealed: number } {
  const storage = {
    sealed: 0,
    isEncryptionAvailable: () => available,
    encryptString: (text: string) => {
      storage.sealed++;
      return Buffer.from(`sealed:${Buffer.from(text).reverse().toString('hex')}`);
    },
    decryptString: (data: Buffer) => Buffer.from(data.toString().replace(/^sealed:/, ''), 'hex').reverse().toString(),
  };
  return storage;
}

const enrolment = { deviceId: 'srinagar-polo-view/K01', deviceKey: KEY, centralBaseUrl: 'https://central.example.org' };

/** Every form in which the key could leak. */
const KEY_FORMS = [KEY, KEY_BYTES.toString('hex'), KEY_BYTES.toString('base64')];

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('device key', () => {
  it('fingerprints the key bytes: the first 8 hex digits of their SHA-256', () => {
    // SHA-256 of 32 zero bytes is 66687aad f862bd77…; the key of all-zero bytes is 43 "A"s.
    expect(keyFingerprint(Buffer.alloc(32))).toBe('66687aad');
    expect(keyFingerprint(Buffer.from('A'.repeat(43), 'base64url'))).toBe('66687aad');
    expect(keyFingerprint(KEY_BYTES)).toBe(createHash('sha256').update(KEY_BYTES).digest('hex').slice(0, 8));
  });

  it('enrols without keyring into a 0600 file and reports only set + fingerprint', async () => {
    const dir = await tempDir();
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory });
    expect(await readDeviceKey({ dataDir: dir })).toBeNull();
    const result = await host.dispatch('device.enrol', enrolment);
    expect(result).toEqual({ ok: true, value: { set: true, fingerprint: keyFingerprint(KEY_BYTES) } });
    const file = join(dir, 'device-key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readDeviceKey({ dataDir: dir })).toEqual(KEY_BYTES);

    const settings = await host.dispatch('settings.get', {});
    expect(settings).toMatchObject({
      ok: true,
      value: { settings: { deviceId: 'srinagar-polo-view/K01', centralBaseUrl: 'https://central.example.org' }, deviceKey: { set: true } },
    });
    // The plaintext fallback is logged as a warning so a technician can fix the keyring.
    expect(await readFile(join(dir, 'logs', 'host.log'), 'utf8')).toMatch(/WARN .*device key is kept in a file/);
  });

  it('never returns the key from any method, nor writes it to settings.json or the log', async () => {
    const dir = await tempDir();
    // upload.send really signs with the key and sends, to a receiver on 127.0.0.1.
    const central = await startTestCentral({ devices: { [enrolment.deviceId]: KEY } });
    onTestFinished(() => central.close());
    const local = { ...enrolment, centralBaseUrl: central.url };
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory, openSheet: async () => ({ kind: 'opened' }) });
    const outputs: unknown[] = [await host.dispatch('device.enrol', local)];
    // An import file that continues the journal the loop below appends to, so journal.import succeeds.
    const record = { id: 'rec-1', kind: 'settings', at: '2026-04-01T10:00:00+05:30', data: { settings: [{ key: 'x', value: 1 }] } };
    const other = await tempDir();
    const journal = await Journal.open(other);
    await journal.append([record]);
    await journal.close();
    await mkdir(join(dir, 'journal-import'));
    await copyFile(join(other, JOURNAL_FILE), join(dir, 'journal-import', 'usb.jsonl'));
    await mkdir(join(dir, 'backups'));
    await writeFile(join(dir, 'backups', 'chinar-backup-2026-04-01T04-00-00-000Z.jsonl'), 'not read for its content\n');
    await mkdir(join(dir, 'labels'));
    await writeFile(join(dir, 'labels', 'labels-20260401-093000-a1b2c3.pdf'), '%PDF-1.4\n');
    const BACKUP_CONTENT = '{"formatName":"dexie"}';
    let begunId = '';
    const backupId = () => begunId;
    const inputs: Record<HostMethod, unknown> = {
      'app.info': {},
      'backup.begin': { meta: backupMeta(BACKUP_CONTENT) },
      // The parts go to the id begin answered (the loop runs the methods in this order).
      get 'backup.part'() { return { id: backupId(), index: 0, data: Buffer.from(BACKUP_CONTENT).toString('base64') }; },
      get 'backup.finish'() { return { id: backupId(), bytes: BACKUP_CONTENT.length, sha256: createHash('sha256').update(BACKUP_CONTENT).digest('hex') }; },
      get 'backup.abort'() { return { id: backupId() }; },
      'backup.list': {},
      'backup.read': { name: 'chinar-backup-2026-04-01T04-00-00-000Z.jsonl', offset: 0, length: 1024 },
      'printer.print': { document: smallReceipt },
      'printer.status': {},
      'drawer.open': {},
      'settings.get': {},
      'settings.update': { kiosk: false },
      'device.enrol': local,
      'upload.send': { body: dayBody(0) },
      'upload.saveEnvelope': { body: dayBody(0), businessDate: '2026-11-01', zNumber: 100 },
      'labels.pdf': {
        layout: '3x8',
        labels: [{
          sku: 'PSH-001', productName: 'Pashmina stole', artisanName: 'Shahida Bano', artisanCode: 'A017', craft: 'Pashmina',
          price: 1_250_000, barcode: 'PSH-001', symbology: 'code128', handmade: true, fairWageCertified: true, storyUrl: null,
        }],
      },
      'cards.pdf': { layout: '2x5', cards: [{ code: 'A017', name: 'Shahida Bano', craft: 'Pashmina', cooperative: '', fairWageCertified: true }] },
      'labels.open': { name: 'labels-20260401-093000-a1b2c3.pdf' },
      'journal.append': { records: [record] },
      'journal.status': {},
      'journal.read': { afterSeq: 0 },
      'journal.importFiles': {},
      'journal.checkImport': { fileName: 'usb.jsonl' },
      'journal.import': { fileName: 'usb.jsonl' },
      'display.publish': { state: { language: 'en', storeName: 'Chinar Crafts Market', phase: { kind: 'idle' } } },
    };
    for (const method of HOST_METHOD_NAMES) {
      const result = await host.dispatch(method, inputs[method]);
      expect(result.ok, `${method} should succeed`).toBe(true);
      if (method === 'backup.begin' && result.ok) begunId = (result.value as { id: string }).id;
      outputs.push(result);
    }
    expect(outputs).toContainEqual({ ok: true, value: { outcome: 'delivered', status: 201 } });
    const everythingSent = JSON.stringify(outputs);
    const settingsFile = await readFile(join(dir, 'settings.json'), 'utf8');
    const log = await readFile(join(dir, 'logs', 'host.log'), 'utf8');
    for (const form of KEY_FORMS) {
      expect(everythingSent).not.toContain(form);
      expect(settingsFile).not.toContain(form);
      expect(log).not.toContain(form);
    }
    // Only the key file itself holds it (PDFs are compressed, so they are read as bytes).
    const holders: string[] = [];
    for (const file of await allFiles(dir)) {
      const text = await readFile(file, 'latin1');
      if (KEY_FORMS.some((form) => text.includes(form))) holders.push(file);
    }
    expect(holders).toEqual([join(dir, 'device-key')]);
  });

  it('declares no method output that could carry a secret: only the key\'s set/fingerprint status', () => {
    // Walks every output schema's JSON Schema: a property named like a key or secret is
    // allowed only as the { set, fingerprint } status (or the public Idempotency-Key).
    const offending: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [name, child] of Object.entries(properties)) {
        if (/key|secret|token|password/i.test(name) && name !== 'idempotencyKey') {
          const inner = Object.keys((child as { properties?: object }).properties ?? {}).sort();
          if (inner.join() !== 'fingerprint,set') offending.push(`${path}.${name}`);
        }
      }
      for (const [name, child] of Object.entries(node)) walk(child, `${path}/${name}`);
    };
    for (const method of HOST_METHOD_NAMES) walk(z.toJSONSchema(hostMethods[method].output, { unrepresentable: 'any' }), method);
    expect(offending).toEqual([]);
    // And the walk does see such a property: settings.get's deviceKey is found and passes.
    const seen = JSON.stringify(z.toJSONSchema(hostMethods['settings.get'].output, { unrepresentable: 'any' }));
    expect(seen).toContain('"deviceKey"');
  });

  it('stores the key sealed by safeStorage when it is available, and removes an older plain file', async () => {
    const dir = await tempDir();
    await createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory }).dispatch('device.enrol', enrolment);
    expect(await readdir(dir)).toContain('device-key');

    const safeStorage = fakeSafeStorage();
    const host = createHost({ dataDir: dir, transport: 'electron', safeStorage, printerFactory: fakePrinterFactory().factory });
    expect(await host.dispatch('device.enrol', enrolment)).toEqual({ ok: true, value: { set: true, fingerprint: keyFingerprint(KEY_BYTES) } });
    expect(safeStorage.sealed).toBe(1);
    const names = await readdir(dir);
    expect(names).toContain('device-key.enc');
    expect(names).not.toContain('device-key');
    const sealed = await readFile(join(dir, 'device-key.enc'), 'utf8');
    for (const form of KEY_FORMS) expect(sealed).not.toContain(form);
    expect(await readDeviceKey({ dataDir: dir, safeStorage })).toEqual(KEY_BYTES);
  });

  it('reports no key when the sealed key cannot be opened (keyring gone)', async () => {
    const dir = await tempDir();
    await createHost({ dataDir: dir, transport: 'electron', safeStorage: fakeSafeStorage(), printerFactory: fakePrinterFactory().factory })
      .dispatch('device.enrol', enrolment);
    const later = createHost({ dataDir: dir, transport: 'electron', safeStorage: fakeSafeStorage(false), printerFactory: fakePrinterFactory().factory });
    expect(await later.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { deviceKey: { set: false, fingerprint: null } } });
  });

  it('refuses a malformed key, naming the field, and stores nothing', async () => {
    const dir = await tempDir();
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory });
    const result = await host.dispatch('device.enrol', { ...enrolment, deviceKey: 'too-short' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(!result.ok && result.error.message).toContain('deviceKey');
    expect(await readDeviceKey({ dataDir: dir })).toBeNull();
    expect(await readdir(dir)).not.toContain('settings.json');
  });
});
