import { readFile } from 'node:fs/promises';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type Display,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { hostEvents, type HostEvent, type HostSettings } from '../shared/contract';
import { fail, HostFailure, type HostResult } from '../shared/result';
import { createHost, type Host, type SheetOpener } from './host';
import { refuseOversizeInput } from './host/body-limit';
import { parseElectronArgs } from './host/cli';
import { installCrashHandlers } from './host/crash';
import { RENDERER_SECURITY_HEADERS } from './host/csp';
import { getLogger } from './host/log';
import { lookupStaticFile, NOT_BUILT_PAGE } from './host/static-files';
import { DISPLAY_LAST_CHANNEL, DISPLAY_STATE_CHANNEL, HOST_CALL_CHANNEL, hostEventChannel } from './ipc';

/**
 * The Electron main process, hardened along Electron's security checklist: one instance,
 * a sandboxed and context-isolated renderer served from a custom scheme (not file://,
 * which would let the page read any file), no new windows, no navigation away, no
 * permissions, and an IPC handler that checks who is calling before doing anything.
 */

const log = getLogger('main');

export const APP_SCHEME = 'app';
export const APP_HOST = 'chinar';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The customer display's page (renderer/display.html), in its own window on the second screen. */
export const APP_DISPLAY_URL = `${APP_ORIGIN}/display.html`;

/**
 * Node's URL gives custom schemes an opaque ("null") origin, so scheme and host are
 * compared directly; Chromium parses app:// as a standard scheme the same way.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Only the top frame of our own window, showing our own origin, may use the host. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, expected: WebContents | null): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!expected || event.sender !== expected) return false;
  return isAppUrl(frame.url);
}

/** Only the top frame of the customer display window, showing the display page, may ask for its state. */
export function isDisplaySender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, expected: WebContents | null): boolean {
  if (!isTrustedSender(event, expected)) return false;
  return new URL(event.senderFrame!.url).pathname === '/display.html';
}

/** Serves app://chinar/… from the built renderer folder, with the CSP on every file. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const text = (status: number, body: string): Response =>
    new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, 'Bad request');
    }
    if (!isAppUrl(request.url)) return text(404, 'Not found');
    const found = await lookupStaticFile(rendererDir, url.pathname);
    switch (found.status) {
      case 'forbidden': return text(403, 'Forbidden');
      case 'not-found': return text(404, 'Not found');
      case 'not-built':
        return new Response(NOT_BUILT_PAGE, { status: 503, headers: { ...RENDERER_SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' } });
      case 'found': {
        const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(found.path));
        return new Response(body, { status: 200, headers: { ...RENDERER_SECURITY_HEADERS, 'content-type': found.contentType } });
      }
    }
  };
}

export interface MainProcessOptions {
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  /** The bundled preload (`dist/electron/preload.cjs`). */
  preloadPath: string;
  /** The customer display window's preload (`dist/electron/preload-display.cjs`). */
  displayPreloadPath: string;
  argv?: readonly string[];
}

export interface MainProcess {
  host: Host;
  window: BrowserWindow;
  /** The customer display window, while a second screen is connected. */
  displayWindow(): BrowserWindow | null;
}

/**
 * Starts the app. Resolves to null when another instance already runs (this one quits
 * and the other comes to the front).
 */
export async function startMainProcess(options: MainProcessOptions): Promise<MainProcess | null> {
  // Both must happen before `ready`: app:// needs standard+secure privileges to get a
  // real origin (so 'self' in the CSP and the sender check mean something), and
  // enableSandbox makes every renderer sandboxed even if a window forgets to ask.
  protocol.registerSchemesAsPrivileged([
    // corsEnabled stays off on purpose: with it, any origin could read app:// responses.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
  app.enableSandbox();

  // Two tills on one machine would share one data folder and one printer: refuse.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const dataDir = app.getPath('userData');
  installCrashHandlers({ dataDir, appVersion: app.getVersion(), onFatal: () => app.exit(1) });

  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  const recentReloads: number[] = [];
  app.on('render-process-gone', (_event, contents, details) => {
    log.error(`Renderer process gone (${details.reason}, exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit' || contents.isDestroyed()) return;
    // A kiosk has nobody to press reload, and the store of record is in IndexedDB, so a
    // reload loses nothing committed. A page that dies again at once is not reloaded
    // forever: after three tries a minute, the crash stays on screen for a technician.
    const now = Date.now();
    while (recentReloads.length > 0 && now - recentReloads[0]! > 60_000) recentReloads.shift();
    if (recentReloads.length >= 3) return;
    recentReloads.push(now);
    contents.reload();
  });

  await app.whenReady();

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`Denied permission request: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererDir));

  const host = createHost({
    dataDir,
    transport: 'electron',
    appVersion: app.getVersion(),
    safeStorage,
    openSheet: openInDesktopViewer,
    ...parseElectronArgs(options.argv ?? process.argv.slice(1)),
  });

  ipcMain.handle(HOST_CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<HostResult<unknown>> => {
    if (!isTrustedSender(event, mainWindow?.webContents ?? null)) {
      log.warn(`Refused a host call from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return fail('unauthorized', 'This page may not use the kiosk host.');
    }
    if (typeof method !== 'string') return fail('bad-request', 'The host method name must be a string.');
    const tooLarge = refuseOversizeInput(method, input);
    if (tooLarge) {
      log.warn(`Refused an over-size ${method.slice(0, 60)} call`);
      return tooLarge;
    }
    return host.dispatch(method, input);
  });

  // Kiosk mode follows the settings however they changed, not only through this handler.
  host.on('settings.changed', (settings) => {
    if (mainWindow) applyKiosk(mainWindow, settings.kiosk);
  });

  // The customer display (issue 12): a window of its own on the second screen, which gets
  // the display's states and nothing else (its preload has no contract, and the host:call
  // handler above answers only the counter's window).
  let displayWindow: BrowserWindow | null = null;
  host.display.on((state) => {
    if (displayWindow && !displayWindow.isDestroyed()) displayWindow.webContents.send(DISPLAY_STATE_CHANNEL, state);
  });
  ipcMain.handle(DISPLAY_LAST_CHANNEL, (event) => {
    if (!isDisplaySender(event, displayWindow?.webContents ?? null)) {
      log.warn(`Refused a display read from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return null;
    }
    return host.display.last();
  });
  const openDisplayWindow = (): void => {
    if (displayWindow && !displayWindow.isDestroyed()) return;
    const target = secondScreen();
    // One screen only: no display window (a window over the counter's own screen would
    // hide the till); it opens when a second screen is plugged in.
    if (!target) return;
    const { x, y, width, height } = target.bounds;
    const win = new BrowserWindow({
      title: 'Chinar POS: customer display',
      x, y, width, height,
      show: false,
      fullscreen: true,
      frame: false,
      // The tourist's screen never takes the keyboard (and the scanner) from the counter.
      focusable: false,
      backgroundColor: '#7a1c1c',
      autoHideMenuBar: true,
      webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.displayPreloadPath, devTools: false },
    });
    displayWindow = win;
    win.once('ready-to-show', () => win.showInactive());
    win.on('closed', () => {
      if (displayWindow === win) displayWindow = null;
    });
    win.loadURL(APP_DISPLAY_URL).catch((error: unknown) => log.error('The customer display did not load', error));
  };
  const closeDisplayWithoutScreen = (): void => {
    if (displayWindow && !displayWindow.isDestroyed() && !secondScreen()) displayWindow.close();
  };
  screen.on('display-added', openDisplayWindow);
  screen.on('display-removed', closeDisplayWithoutScreen);

  for (const event of Object.keys(hostEvents) as HostEvent[]) {
    host.on(event, (payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(hostEventChannel(event), payload);
    });
  }

  const current = await host.dispatch('settings.get', {});
  const kiosk = current.ok && (current.value as { settings: HostSettings }).settings.kiosk;
  if (kiosk) Menu.setApplicationMenu(null);

  mainWindow = new BrowserWindow({
    title: 'Chinar POS',
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    backgroundColor: '#7a1c1c',
    kiosk,
    autoHideMenuBar: true,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preloadPath, devTools: !app.isPackaged },
  });
  const win = mainWindow;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
    // Without the counter the display has nothing to follow; closing it lets the app quit.
    if (displayWindow && !displayWindow.isDestroyed()) displayWindow.close();
  });
  await win.loadURL(APP_ENTRY_URL);
  openDisplayWindow();
  return { host, window: win, displayWindow: () => displayWindow };
}

/** Every window's renderer: sandboxed, isolated, no Node, nothing loosened. */
const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

/** A screen other than the primary one (where the counter's window opens), if any. */
function secondScreen(): Display | null {
  const primary = screen.getPrimaryDisplay();
  return screen.getAllDisplays().find((d) => d.id !== primary.id) ?? null;
}

/**
 * labels.open in Electron: the computer's own PDF viewer, where the manager also prints
 * (the Labels screen's Print opens it the same way and says to print from there). Printing
 * it ourselves would mean a hidden window with the PDF plugin on (`plugins: true`), which
 * widens what our windows may run, for no better print than the viewer's own dialog.
 */
export const openInDesktopViewer: SheetOpener = async (file) => {
  // openPath answers an error message, or '' when the viewer was started.
  const error = await shell.openPath(file.path);
  if (error) {
    log.warn(`Could not open ${file.name}: ${error}`);
    throw new HostFailure('not-configured', `This computer did not open the PDF (${error}). Install a PDF viewer, or open ${file.path} by hand and print it from there.`);
  }
  return { kind: 'opened' };
};

/** Applied to every WebContents the app ever creates, including ones we did not ask for. */
function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`Blocked a new window for ${url}`);
    return { action: 'deny' };
  });
  const stayInApp = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) {
      log.warn(`Blocked navigation to ${event.url}`);
      event.preventDefault();
    }
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function applyKiosk(win: BrowserWindow, kiosk: boolean): void {
  if (win.isDestroyed() || win.isKiosk() === kiosk) return;
  // Leaving kiosk mode keeps the menu off until the next start; entering it removes the
  // menu at once, with its reload and developer-tools shortcuts.
  if (kiosk) Menu.setApplicationMenu(null);
  win.setKiosk(kiosk);
}
