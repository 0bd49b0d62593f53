import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseElectronArgs, parseWebArgs, UsageError } from '../../../electron/host/cli';

describe('host command line', () => {
  it('reads --port, --data-dir and --printer file:DIR, relative to the working folder', () => {
    expect(parseWebArgs(['--port', '0', '--data-dir', 'x', '--printer', 'file:out'], '/srv/kiosk')).toEqual({
      port: 0, dataDir: resolve('/srv/kiosk', 'x'), fileDirOverride: resolve('/srv/kiosk', 'out'),
    });
    expect(parseWebArgs(['--port=5174'], '/srv/kiosk')).toEqual({ port: 5174, dataDir: resolve('/srv/kiosk', '.data') });
  });

  it('leaves the port out when none is given (the folder\'s remembered one, else the default), and reads --move-origin', () => {
    const options = parseWebArgs(['--data-dir', 'x'], '/srv/kiosk');
    expect(options).toStrictEqual({ dataDir: resolve('/srv/kiosk', 'x') });
    expect(parseWebArgs(['--port', '5175', '--move-origin'], '/srv/kiosk')).toStrictEqual({ port: 5175, moveOrigin: true, dataDir: resolve('/srv/kiosk', '.data') });
    expect(() => parseWebArgs(['--move-origin=yes'])).toThrow(/Unknown option/);
  });

  it('rejects what it does not understand', () => {
    expect(() => parseWebArgs(['--port', 'eighty'])).toThrow(UsageError);
    expect(() => parseWebArgs(['--port', '70000'])).toThrow(UsageError);
    expect(() => parseWebArgs(['--printer', 'network:10.0.0.5'])).toThrow(/file:DIR/);
    expect(() => parseWebArgs(['--verbose'])).toThrow(/Unknown option/);
    expect(() => parseWebArgs(['--data-dir'])).toThrow(/needs a value/);
  });

  it('picks --printer out of Electron\'s argv and ignores Chromium switches', () => {
    expect(parseElectronArgs(['.', '--no-sandbox', '--printer', 'file:/tmp/out'], '/x')).toEqual({ fileDirOverride: '/tmp/out' });
    expect(parseElectronArgs(['.', '--enable-logging'], '/x')).toEqual({});
  });
});
