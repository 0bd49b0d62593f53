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
