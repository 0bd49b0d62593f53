/**
 * Whether a host name or IP literal means this very computer. A network printer with such
 * an address would let the renderer write bytes to, or probe, the kiosk's own services
 * (issue 10, item 7). Pure string rules; the host checks the resolved address again,
 * because a DNS name can resolve to loopback too.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) return isLoopbackV4(v4.slice(1).map(Number));
  if (h.includes(':')) return isLoopbackV6(h);
  return false;
}

/** 127.0.0.0/8 and 0.0.0.0/8 (which Linux and macOS connect to this host). */
function isLoopbackV4(octets: number[]): boolean {
  return octets[0] === 127 || octets[0] === 0;
}

function isLoopbackV6(h: string): boolean {
  // An IPv4-mapped address (::ffff:127.0.0.1) is the IPv4 address it carries.
  const mapped = /^(?:0{0,4}:){0,5}:?(?:ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (mapped) return isLoopbackV4(mapped.slice(1).map(Number));
  const groups = expandV6(h);
  if (!groups) return false;
  const zeroUpTo = (n: number) => groups.slice(0, n).every((g) => g === 0);
  if (zeroUpTo(7) && (groups[7] === 1 || groups[7] === 0)) return true; // ::1 and ::
  // ::ffff:7f00:1 is ::ffff:127.0.0.1 written in hex.
  if (zeroUpTo(5) && groups[5] === 0xffff) return (groups[6]! >> 8) === 127 || (groups[6]! >> 8) === 0;
  return false;
}

/** Eight 16-bit groups, or null when it is not an IPv6 address in hex form. */
function expandV6(h: string): number[] | null {
  const halves = h.split('::');
  if (halves.length > 2) return null;
  const part = (s: string | undefined) => (s ? s.split(':') : []);
  const head = part(halves[0]);
  const tail = part(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.map((g) => parseInt(g, 16));
}

/** Whether `text` (without brackets) is an IPv6 literal: eight hex groups, `::`, or IPv4-mapped. No zone ids. */
export function isIPv6Literal(text: string): boolean {
  const h = text.toLowerCase();
  if (!h.includes(':')) return false;
  const v4Tail = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4Tail) {
    if (!v4Tail.slice(2).every((o) => Number(o) <= 255)) return false;
    // The dotted quad stands for the last two groups.
    return expandV6(`${v4Tail[1]}0:0`) !== null;
  }
  return expandV6(h) !== null;
}

/**
 * A printer address as a person may type it, split into host and port: `[2001:db8::5]:9100`,
 * `[2001:db8::5]`, a bare `2001:db8::5` (no port can follow it: the colons are the
 * address's own), `192.168.1.50:9100`, `printer.local`. An IPv6 host comes back in
 * brackets, the way it is shown next to a port; `socketHost` takes them off to connect.
 */
export function splitHostPort(text: string): { host: string; port: number | null } {
  const t = text.trim();
  const bracketed = /^\[([^\]]*)\](?::(\d{1,5}))?$/.exec(t);
  if (bracketed) return { host: `[${bracketed[1]}]`, port: bracketed[2] === undefined ? null : Number(bracketed[2]) };
  if (isIPv6Literal(t)) return { host: `[${t}]`, port: null };
  const hostPort = /^([^:[\]]+):(\d{1,5})$/.exec(t);
  if (hostPort) return { host: hostPort[1]!, port: Number(hostPort[2]) };
  return { host: t, port: null };
}

/** The host as net.connect and the resolver want it: an IPv6 literal without its brackets. */
export function socketHost(host: string): string {
  return host.trim().replace(/^\[|\]$/g, '');
}
