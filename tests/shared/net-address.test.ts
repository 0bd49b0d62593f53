import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../shared/net-address';

describe('isLoopbackHost', () => {
  it.each([
    'localhost', 'LOCALHOST', 'localhost.', 'printer.localhost', '127.0.0.1', '127.1.2.3', '0.0.0.0',
    '::1', '[::1]', '0:0:0:0:0:0:0:1', '::', '[::ffff:127.0.0.1]', '::ffff:7f00:1',
  ])('%s is this computer', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['192.168.1.50', '10.0.0.127', 'printer.local', 'fe80::1', '[2001:db8::1]', '::ffff:192.168.1.5', '128.0.0.1'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
