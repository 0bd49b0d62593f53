import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getLogger } from './log';

/**
 * The TCP ports a network printer may use. Raw printing listens on 9100 (9101 and 9102
 * for a print server's second and third port); any other port could be a service on the
 * shop's network that a compromised renderer wants to write to or scan. A technician who
 * has a printer on another port adds it on the machine itself, in
 * `<dataDir>/printer-ports.json` (`{ "allow": [9200] }`): no contract call can change it.
 */

const log = getLogger('printer');

export const PRINTER_PORTS: readonly number[] = Object.freeze([9100, 9101, 9102]);
export const PRINTER_PORTS_FILE = 'printer-ports.json';

export async function allowedPrinterPorts(dataDir: string): Promise<ReadonlySet<number>> {
  const allowed = new Set(PRINTER_PORTS);
  let text: string;
  try {
    text = await readFile(join(dataDir, PRINTER_PORTS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn(`${PRINTER_PORTS_FILE} could not be read; only ports ${PRINTER_PORTS.join(', ')} are allowed`);
    return allowed;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    const extra = parsed && typeof parsed === 'object' && 'allow' in parsed && Array.isArray(parsed.allow) ? parsed.allow : null;
    if (!extra) throw new Error('no "allow" list');
    for (const port of extra) {
      if (Number.isInteger(port) && port >= 1 && port <= 65_535) allowed.add(port as number);
      else log.warn(`${PRINTER_PORTS_FILE}: ${JSON.stringify(port)} is not a port number; ignored`);
    }
  } catch (error) {
    log.warn(`${PRINTER_PORTS_FILE} is not {"allow": [port, …]} (${(error as Error).message}); only ports ${PRINTER_PORTS.join(', ')} are allowed`);
  }
  return allowed;
}

/** The manager's message for a port outside the list. */
export function printerPortProblem(port: number, allowed: ReadonlySet<number>): string | null {
  if (allowed.has(port)) return null;
  const list = [...allowed].sort((a, b) => a - b).join(', ');
  return `Printer port ${port} is not allowed: printers use ${list}. A technician can allow another port in ${PRINTER_PORTS_FILE} in the kiosk's data folder`;
}
