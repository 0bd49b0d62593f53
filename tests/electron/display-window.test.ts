import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cartDisplayState, idleDisplayState } from '../fixtures/display-state';
import { tempDir } from './helpers';

/**
 * The customer display window in Electron, against a stand-in `electron` whose screens the
 * test sets: a second window on the second screen with its own preload, fed the display's
 * states over its own channel, unable to call the host.
 */
const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const state = { dataDir: '', screens: [] as { id: number; bounds: { x: number; y: number; width: number; height: number } }[] };

  class FakeWebContents extends EventEmitter {
    send = vi.fn();
    reload = vi.fn();
    setWindowOpenHandler = vi.fn();
    isDestroyed() {
      return false;
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static instances: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    destroyed = false;
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    showInactive = vi.fn();
    close = vi.fn(() => {
      this.destroyed = true;
      this.emit('closed');
    });
    constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
      super();
      FakeBrowserWindow.instances.push(this);
    }
    isDestroyed() {
      return this.destroyed;
    }
    isKiosk() {
      return false;
    }
    setKiosk = vi.fn();
  }

  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => true,
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    whenReady: async () => undefined,
    getPath: () => state.dataDir,
    getVersion: () => '0.1.0',
    isPackaged: true,
  });
  const screen = Object.assign(new EventEmitter(), {
    getPrimaryDisplay: () => state.screens[0]!,
    getAllDisplays: () => state.screens,
  });

  return {
    state,
    FakeBrowserWindow,
    electron: {
      app,
      screen,
      BrowserWindow: FakeBrowserWindow,
      ipcMain: { handle: vi.fn() },
      Menu: { setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
      safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
      shell: { openPath: vi.fn(async () => '') },
    },
  };
});

vi.mock('electron', () => fake.electron);
vi.mock('../../electron/host/crash', () => ({ installCrashHandlers: vi.fn(() => () => undefined) }));

const { startMainProcess, APP_DISPLAY_URL } = await import('../../electron/main-process');
const { ipcMain, screen } = fake.electron;
type Handler = (event: unknown, ...args: unknown[]) => unknown;
type Window = InstanceType<typeof fake.FakeBrowserWindow>;

const COUNTER = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
const CUSTOMER = { id: 2, bounds: { x: 1366, y: 0, width: 1024, height: 600 } };

async function launch() {
  fake.state.dataDir = await tempDir();
  const rendererDir = join(await tempDir('chinar-renderer-'), 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Chinar POS</title>');
  const started = await startMainProcess({ rendererDir, preloadPath: '/opt/p/preload.cjs', displayPreloadPath: '/opt/p/preload-display.cjs', argv: ['.'] });
  const handler = (channel: string) => ipcMain.handle.mock.calls.find(([c]) => c === channel)?.[1] as Handler;
  return { started: started!, handler };
}

const frame = (win: Window, url: string) => ({ sender: win.webContents, senderFrame: { url, parent: null } });

beforeEach(() => {
  vi.clearAllMocks();
  fake.electron.app.removeAllListeners();
  screen.removeAllListeners();
  fake.FakeBrowserWindow.instances.length = 0;
});

describe('customer display window', () => {
  it('opens on the second screen, full screen, unfocusable, sandboxed, with its own preload, on the display page', async () => {
    fake.state.screens = [COUNTER, CUSTOMER];
    const { started } = await launch();
    expect(fake.FakeBrowserWindow.instances).toHaveLength(2);
    const display = started.displayWindow() as unknown as Window;
    expect(display).toBe(fake.FakeBrowserWindow.instances[1]);
    expect(display.options).toMatchObject({ x: 1366, y: 0, width: 1024, height: 600, fullscreen: true, focusable: false, show: false });
    expect(display.options.webPreferences).toMatchObject({
      preload: '/opt/p/preload-display.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false,
    });
    expect(display.loadURL).toHaveBeenCalledWith(APP_DISPLAY_URL);
    display.emit('ready-to-show');
    // Shown without taking focus from the counter, where the scanner types.
    expect(display.showInactive).toHaveBeenCalled();
  });

  it('sends it every published state, answers its reload with the last one, and refuses it the host', async () => {
    fake.state.screens = [COUNTER, CUSTOMER];
    const { started, handler } = await launch();
    const [counter, display] = fake.FakeBrowserWindow.instances as [Window, Window];
    const last = handler('display:last');
    const displayFrame = frame(display, 'app://chinar/display.html');
    expect(last(displayFrame)).toBeNull();

    const call = handler('host:call');
    const counterFrame = frame(counter, 'app://chinar/index.html');
    expect(await call(counterFrame, 'display.publish', { state: cartDisplayState })).toEqual({ ok: true, value: {} });
    expect(display.webContents.send).toHaveBeenCalledWith('display:state', cartDisplayState);
    expect(last(displayFrame)).toEqual(cartDisplayState);

    // The display window may not call the host, not even to publish.
    expect(await call(displayFrame, 'display.publish', { state: idleDisplayState })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call(displayFrame, 'printer.print', { document: { type: 'receipt', title: 'x', blocks: [] } })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(started.host.display.last()).toEqual(cartDisplayState);
    // And only the display page of the display window may read its state.
    expect(last(frame(counter, 'app://chinar/display.html'))).toBeNull();
    expect(last(frame(display, 'app://chinar/index.html'))).toBeNull();
  });

  it('opens no display window on one screen, opens one when a second is plugged in, closes it when unplugged', async () => {
    fake.state.screens = [COUNTER];
    const { started } = await launch();
    expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
    expect(started.displayWindow()).toBeNull();
    fake.state.screens = [COUNTER, CUSTOMER];
    screen.emit('display-added', {}, CUSTOMER);
    expect(fake.FakeBrowserWindow.instances).toHaveLength(2);
    screen.emit('display-added', {}, CUSTOMER);
    expect(fake.FakeBrowserWindow.instances).toHaveLength(2);
    const display = started.displayWindow() as unknown as Window;
    fake.state.screens = [COUNTER];
    screen.emit('display-removed', {}, CUSTOMER);
    expect(display.close).toHaveBeenCalled();
    expect(started.displayWindow()).toBeNull();
  });
});
