import { describe, expect, it } from 'vitest';
import { isIPv6Literal, isLoopbackHost, socketHost, splitHostPort } from '../../shared/net-address';

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

describe('printer addresses with IPv6', () => {
  it.each([
    ['[2001:db8::5]:9100', '[2001:db8::5]', 9100],
    ['[2001:db8::5]', '[2001:db8::5]', null],
    ['2001:db8::5', '[2001:db8::5]', null],
    [' [fe80::1]:9101 ', '[fe80::1]', 9101],
    ['192.168.1.50:9100', '192.168.1.50', 9100],
    ['printer.local:9102', 'printer.local', 9102],
    ['printer.local', 'printer.local', null],
    ['192.168.1.50', '192.168.1.50', null],
  ])('%s is host %s, port %s', (text, host, port) => {
    expect(splitHostPort(text)).toEqual({ host, port });
  });

  it('strips the brackets for the socket, and knows an IPv6 literal', () => {
    expect(socketHost('[2001:db8::5]')).toBe('2001:db8::5');
    expect(socketHost('2001:db8::5')).toBe('2001:db8::5');
    expect(socketHost('192.168.1.50')).toBe('192.168.1.50');
    for (const ok of ['2001:db8::5', '::1', '::', 'fe80::1', '::ffff:192.168.1.5', '2001:db8:0:0:0:0:0:5']) expect(isIPv6Literal(ok), ok).toBe(true);
    for (const bad of ['192.168.1.5', ':::', '2001:db8::5::1', '2001:db8:0:0:0:0:0:0:5', 'gggg::1', '::ffff:300.1.1.1', 'fe80::1%eth0']) expect(isIPv6Literal(bad), bad).toBe(false);
  });

  it('a bracketed or bare IPv6 loopback is still this computer', () => {
    for (const h of ['[::1]', '::1', '[::ffff:127.0.0.1]', '::ffff:7f00:1', '[0:0:0:0:0:0:0:1]']) expect(isLoopbackHost(h), h).toBe(true);
  });
});
