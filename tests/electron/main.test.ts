import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from './helpers';

/**
 * Electron cannot run here, so the main process runs against a stand-in `electron` module
 * that records what it was asked to do and lets the test fire its events.
 */
const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const state = { dataDir: '', lock: true, openPathError: '' };

  class FakeWebContents extends EventEmitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    send = vi.fn();
    reload = vi.fn();
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    isDestroyed() {
      return false;
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static instances: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    kiosk: boolean;
    minimized = false;
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    setKiosk = vi.fn((value: boolean) => {
      this.kiosk = value;
    });
    constructor(readonly options: { kiosk?: boolean; webPreferences?: Record<string, unknown> }) {
      super();
      this.kiosk = options.kiosk ?? false;
      FakeBrowserWindow.instances.push(this);
      // Real Electron announces every new WebContents on the app.
      app.emit('web-contents-created', {}, this.webContents);
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return this.minimized;
    }
    isKiosk() {
      return this.kiosk;
    }
  }

  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(async () => undefined),
    getPath: vi.fn(() => state.dataDir),
    getVersion: () => '0.1.0',
    isPackaged: true,
  });

  return {
    state,
    FakeBrowserWindow,
    FakeWebContents,
    electron: {
      app,
      BrowserWindow: FakeBrowserWindow,
      ipcMain: { handle: vi.fn() },
      Menu: { setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      // One screen: the counter's (the customer display has its own test, display-window.test.ts).
      screen: Object.assign(new EventEmitter(), {
        getPrimaryDisplay: () => ({ id: 1, bounds: { x: 0, y: 0, width: 1280, height: 800 } }),
        getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1280, height: 800 } }],
      }),
      session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
      safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
      // openPath answers '' when the desktop opened the file, else an error message.
      shell: { openPath: vi.fn(async (_path: string) => state.openPathError) },
    },
  };
});

vi.mock('electron', () => fake.electron);
// The real handlers would hook this test process's own uncaughtException.
vi.mock('../../electron/host/crash', () => ({ installCrashHandlers: vi.fn(() => () => undefined) }));

const { startMainProcess, APP_ENTRY_URL } = await import('../../electron/main-process');
const { installCrashHandlers } = await import('../../electron/host/crash');
const { app, ipcMain, protocol, session, Menu, shell } = fake.electron;

type IpcHandler = (event: unknown, method: unknown, input: unknown) => Promise<unknown>;
type Window = InstanceType<typeof fake.FakeBrowserWindow>;

async function launch(options: { kiosk?: boolean } = {}) {
  const dataDir = await tempDir();
  fake.state.dataDir = dataDir;
  if (options.kiosk) await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ kiosk: true, deviceId: 'demo-market/K01', printer: { kind: 'file' }, paperWidth: 48, cashDrawer: true, centralBaseUrl: null }));
  const rendererDir = join(await tempDir('chinar-renderer-'), 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Chinar POS</title>');
  await writeFile(join(rendererDir, '..', 'secret.txt'), 'outside');
  const started = await startMainProcess({ rendererDir, preloadPath: '/opt/chinar/dist/electron/preload.cjs', displayPreloadPath: '/opt/chinar/dist/electron/preload-display.cjs', argv: ['.'] });
  const window = fake.FakeBrowserWindow.instances.at(-1) as Window;
  const ipc = ipcMain.handle.mock.calls.find(([channel]) => channel === 'host:call')?.[1] as IpcHandler;
  const trusted = { sender: window?.webContents, senderFrame: { url: 'app://chinar/index.html', parent: null } };
  return { started, window, ipc, trusted, dataDir };
}

beforeEach(() => {
  vi.clearAllMocks();
  app.removeAllListeners();
  fake.electron.screen.removeAllListeners();
  fake.FakeBrowserWindow.instances.length = 0;
  fake.state.lock = true;
});

describe('Electron main process', () => {
  it('creates one sandboxed, context-isolated window with the preload and loads the app origin', async () => {
    const { window, started } = await launch();
    expect(started).not.toBeNull();
    expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/chinar/dist/electron/preload.cjs',
    });
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(window.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(installCrashHandlers).toHaveBeenCalledWith(expect.objectContaining({ dataDir: fake.state.dataDir }));
  });

  it('serves the renderer over app:// with the CSP and nothing outside it', async () => {
    await launch();
    const [scheme, handler] = protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const page = await handler(new Request('app://chinar/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(await page.text()).toContain('<title>Chinar POS</title>');
    const escape = await handler(new Request('app://chinar/..%2fsecret.txt'));
    expect(escape.status).toBe(403);
    expect(await escape.text()).not.toContain('outside');
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });

  it('denies every window.open', async () => {
    const { window } = await launch();
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler?.({ url: 'app://chinar/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects to any other origin, allows the app itself', async () => {
    const { window } = await launch();
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const away = { url: 'https://evil.example/phish', preventDefault: vi.fn() };
      window.webContents.emit(name, away);
      expect(away.preventDefault, name).toHaveBeenCalled();
      const lookalike = { url: 'app://chinar.evil.example/index.html', preventDefault: vi.fn() };
      window.webContents.emit(name, lookalike);
      expect(lookalike.preventDefault, name).toHaveBeenCalled();
      const home = { url: 'app://chinar/index.html#/sales', preventDefault: vi.fn() };
      window.webContents.emit(name, home);
      expect(home.preventDefault, name).not.toHaveBeenCalled();
    }
  });

  it('denies every permission request and check', async () => {
    await launch();
    const request = session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.defaultSession.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', 'app://chinar', {})).toBe(false);
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.state.lock = false;
    const { started } = await launch();
    expect(started).toBeNull();
    expect(app.quit).toHaveBeenCalled();
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });

  it('brings its window forward when a second instance starts', async () => {
    const { window } = await launch();
    window.minimized = true;
    app.emit('second-instance', {}, [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('refuses host:call from a foreign origin, a sub-frame or another WebContents', async () => {
    const { ipc, trusted, dataDir } = await launch();
    const callers = [
      { ...trusted, senderFrame: { url: 'https://evil.example/', parent: null } },
      { ...trusted, senderFrame: { url: 'app://chinar/index.html', parent: { url: 'app://chinar/index.html' } } },
      { ...trusted, senderFrame: null },
      { ...trusted, sender: new fake.FakeWebContents() },
    ];
    for (const event of callers) {
      expect(await ipc(event, 'settings.update', { kiosk: true })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dataDir)).not.toContain('settings.json');
    expect(await ipc(trusted, 'app.info', {})).toMatchObject({ ok: true, value: { transport: 'electron' } });
  });

  it('refuses a bad payload from the app itself', async () => {
    const { ipc, trusted } = await launch();
    expect(await ipc(trusted, 'settings.update', { paperWidth: 'wide' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('paperWidth') } });
    expect(await ipc(trusted, 42, {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await ipc(trusted, 'shell.openExternal', { url: 'https://evil.example' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('opens in kiosk mode without a menu when the settings say so, and follows a change', async () => {
    const normal = await launch();
    expect(normal.window.options.kiosk).toBe(false);
    expect(Menu.setApplicationMenu).not.toHaveBeenCalled();
    await normal.ipc(normal.trusted, 'settings.update', { kiosk: true });
    expect(normal.window.setKiosk).toHaveBeenCalledWith(true);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);

    vi.clearAllMocks();
    app.removeAllListeners();
    const kiosk = await launch({ kiosk: true });
    expect(kiosk.window.options.kiosk).toBe(true);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('follows a settings.changed event from the host, whichever call changed the settings', async () => {
    const { started, window } = await launch();
    // Straight to the host, past the IPC handler: only the event can tell main about it.
    expect(await started!.host.dispatch('settings.update', { kiosk: true })).toMatchObject({ ok: true });
    expect(window.setKiosk).toHaveBeenCalledWith(true);
    expect(window.webContents.send).toHaveBeenCalledWith('host:event:settings.changed', expect.objectContaining({ kiosk: true }));
    await started!.host.dispatch('settings.update', { kiosk: false });
    expect(window.setKiosk).toHaveBeenLastCalledWith(false);
  });

  it('refuses an IPC payload over the method\'s contract limit before running it, and takes one under it', async () => {
    const { ipc, trusted, dataDir } = await launch();
    const block = { kind: 'text', text: 'x'.repeat(2_000) };
    // ~1.1 MiB: valid for the schema (up to 5,000 blocks), over printer.print's 1 MiB.
    const big = { document: { type: 'test', title: 'Big', blocks: Array.from({ length: 560 }, () => block) } };
    expect(await ipc(trusted, 'printer.print', big)).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('larger than 1 MiB') } });
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dataDir)).not.toContain('printer-out');
    const small = { document: { ...big.document, blocks: big.document.blocks.slice(0, 400) } };
    expect(await ipc(trusted, 'printer.print', small)).toMatchObject({ ok: true });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await ipc(trusted, 'settings.update', cyclic)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('opens a sheet PDF it made in the desktop\'s PDF viewer by its name, and says so when none opens it', async () => {
    const { ipc, trusted, dataDir } = await launch();
    const made = await ipc(trusted, 'cards.pdf', { layout: '2x5', cards: [{ code: 'A017', name: 'Shahida Bano', craft: 'Pashmina', cooperative: '', fairWageCertified: true }] }) as { ok: true; value: { path: string; name: string } };
    expect(made).toMatchObject({ ok: true });
    expect(await ipc(trusted, 'labels.open', { name: made.value.name })).toEqual({ ok: true, value: { kind: 'opened' } });
    expect(shell.openPath).toHaveBeenCalledExactlyOnceWith(join(dataDir, 'labels', made.value.name));

    expect(await ipc(trusted, 'labels.open', { name: '../settings.json' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(shell.openPath).toHaveBeenCalledTimes(1);

    fake.state.openPathError = 'No application is registered as handling this file';
    try {
      expect(await ipc(trusted, 'labels.open', { name: made.value.name })).toMatchObject({
        ok: false, error: { code: 'not-configured', message: expect.stringContaining('Install a PDF viewer') },
      });
    } finally {
      fake.state.openPathError = '';
    }
  });

  it('forwards host events to the window on their own channel', async () => {
    const { ipc, trusted, window } = await launch();
    const result = await ipc(trusted, 'printer.print', { document: { type: 'test', title: 'Test print', blocks: [{ kind: 'text', text: 'Hello' }] } });
    expect(result).toMatchObject({ ok: true });
    expect(window.webContents.send).toHaveBeenCalledWith('host:event:printer.status', expect.objectContaining({ state: 'ready' }));
  });
});

describe('Electron main process after a renderer crash', () => {
  it('reloads the page, but not in an endless loop', async () => {
    const { window } = await launch();
    const crash = () => app.emit('render-process-gone', {}, window.webContents, { reason: 'crashed', exitCode: 139 });
    for (let i = 0; i < 5; i++) crash();
    expect(window.webContents.reload).toHaveBeenCalledTimes(3);
    app.emit('render-process-gone', {}, window.webContents, { reason: 'clean-exit', exitCode: 0 });
    expect(window.webContents.reload).toHaveBeenCalledTimes(3);
  });
});
