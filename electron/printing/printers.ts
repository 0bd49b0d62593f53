import { randomUUID } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import { lookup } from 'node:dns/promises';
import fs, { type FileHandle } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { SerialPort } from 'serialport';
import type { PrinterStatus } from '../../shared/contract';
import type { PrinterConfig } from '../../shared/contract/settings';
import { documentToText, type ParsedPrintDocument } from '../../shared/documents';
import { isLoopbackHost, socketHost } from '../../shared/net-address';
import { HostFailure } from '../../shared/result';
import { encodeDocument, encodeDrawerKick, printableDocument } from './escpos-encoder';
import type { PrinterService } from './types';

/**
 * The printer transports: a file printer (the default of a fresh install), TCP port 9100,
 * a USB printer's device file and a serial port. Every failure is a HostFailure whose
 * message tells the operator what to check; the sale is already saved when printing starts.
 */

export interface PrinterTimeouts {
  /** How long to wait for a network printer to accept the connection. */
  connectMs: number;
  /** How long a transport may go without taking any bytes before the job is given up. */
  writeMs: number;
  /** How long a network status probe waits for the printer's paper-sensor answer. */
  statusReplyMs: number;
}

export const DEFAULT_TIMEOUTS: PrinterTimeouts = { connectMs: 3_000, writeMs: 10_000, statusReplyMs: 500 };

export interface PrinterOptions {
  /** The file printer's folder (created when missing). */
  fileDir: string;
  /** Characters per line of the paper in the printer: 48 for 80 mm, 32 for 58 mm. */
  paperWidth: number;
  timeouts?: Partial<PrinterTimeouts>;
  /**
   * The ports a network printer may use (electron/host/printer-ports.ts); default
   * 9100–9102. Checked again here, at connect time, whatever the settings say.
   */
  allowedPorts?: ReadonlySet<number>;
  /**
   * Tests only, for a stand-in printer on 127.0.0.1: the host never sets it, so no
   * setting can make a network printer talk to this computer's own services.
   */
  allowLoopback?: boolean;
}

const DEFAULT_PRINTER_PORTS: ReadonlySet<number> = new Set([9100, 9101, 9102]);

interface Job {
  id: string;
  /** For the file printer's names: the document type, or "drawer" for a no-sale open. */
  type: string;
  title: string;
  bytes: Buffer;
  /** What the paper shows, for the file printer's readable preview. */
  preview: string[];
}

interface Transport {
  target: string;
  send(job: Job): Promise<void>;
  status(): Promise<PrinterStatus>;
}

const REPRINT = 'then press Reprint';

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A stamp in the host's local time for file names: 20261122-180411. */
function fileStamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

function safeTitle(title: string): string {
  return title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '') || 'untitled';
}

/** Written under a temporary name, synced, then renamed: a reader sees the whole file or none. */
async function writeFileAtomically(file: string, data: string | Buffer): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID().slice(0, 8)}.tmp`);
  // Receipts name customers' purchases: only the kiosk's user may read them.
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

function fileProblem(dir: string, error: unknown): string {
  const reason = {
    ENOSPC: 'the disk is full. Free some space',
    EROFS: 'the disk is read-only. Ask the person who set up the till to check it',
    EACCES: 'this user may not write there. Ask the person who set up the till to check the folder’s permissions',
    EPERM: 'this user may not write there. Ask the person who set up the till to check the folder’s permissions',
    ENOTDIR: 'part of that path is a file, not a folder. Ask the person who set up the till to check it',
  }[errorCode(error)] ?? `${errorText(error)}. Ask the person who set up the till to check it`;
  return `The file printer could not save receipts in ${dir}: ${reason}, ${REPRINT}.`;
}

function filePrinter(dir: string): Transport {
  const target = `File printer (${dir})`;
  return {
    target,
    async send(job) {
      const base = `${fileStamp(new Date())}-${job.type}-${safeTitle(job.title)}-${job.id.slice(0, 8)}`;
      try {
        await fs.mkdir(dir, { recursive: true, mode: 0o700 });
        await writeFileAtomically(path.join(dir, `${base}.bin`), job.bytes);
        await writeFileAtomically(path.join(dir, `${base}.txt`), `${job.preview.join('\n')}\n`);
      } catch (error) {
        throw new HostFailure('printer-error', fileProblem(dir, error));
      }
    },
    async status() {
      try {
        await fs.mkdir(dir, { recursive: true });
        await fs.access(dir, fsc.W_OK);
        return { state: 'ready', target, message: '' };
      } catch (error) {
        return { state: 'error', target, message: fileProblem(dir, error) };
      }
    },
  };
}

function networkPrinter(host: string, port: number, t: PrinterTimeouts, allowedPorts: ReadonlySet<number>, allowLoopback: boolean): Transport {
  const where = `${host}:${port}`;
  // "[fe80::1]" is how a person writes an IPv6 address next to a port; the resolver and
  // net.connect want it bare.
  const bareHost = socketHost(host);
  const noAnswer = () => new HostFailure('printer-offline',
    `The receipt printer at ${where} did not answer. Check that it is switched on and connected, ${REPRINT}.`);
  const connectFailure = (error: unknown) => (['ENOTFOUND', 'EAI_AGAIN'].includes(errorCode(error))
    ? new HostFailure('printer-offline', `No printer called ${host} was found on the network. Check the printer address in Settings, ${REPRINT}.`)
    : noAnswer());

  const thisComputer = () => new HostFailure('printer-error',
    `The printer address ${host} is this computer, not a printer. Enter the printer's own IP address in Settings, ${REPRINT}.`);

  /**
   * Where to connect: the name resolved here, so that neither a loopback literal nor a
   * DNS name that resolves to loopback lets the renderer reach the kiosk's own services.
   */
  const resolveTarget = async (): Promise<string> => {
    if (!allowedPorts.has(port)) {
      throw new HostFailure('printer-error', `Printer port ${port} is not allowed (printers use ${[...allowedPorts].sort((a, b) => a - b).join(', ')}). Check the printer in Settings, ${REPRINT}.`);
    }
    if (!allowLoopback && isLoopbackHost(bareHost)) throw thisComputer();
    let addresses: { address: string }[];
    try {
      addresses = net.isIP(bareHost) ? [{ address: bareHost }] : await lookup(bareHost, { all: true });
    } catch (error) {
      throw connectFailure(error);
    }
    if (addresses.length === 0) throw connectFailure(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }));
    if (!allowLoopback && addresses.some((a) => isLoopbackHost(a.address))) throw thisComputer();
    return addresses[0]!.address;
  };

  /** Connects, or rejects with the operator's message; the caller owns the socket after. */
  const connect = async () => {
    const address = await resolveTarget();
    return openSocket(address);
  };
  const openSocket = (address: string) => new Promise<net.Socket>((resolve, reject) => {
    const socket = net.createConnection({ host: address, port });
    const timer = setTimeout(() => { socket.destroy(); reject(noAnswer()); }, t.connectMs);
    socket.once('connect', () => { clearTimeout(timer); socket.removeAllListeners('error'); resolve(socket); });
    socket.once('error', (error) => { clearTimeout(timer); socket.destroy(); reject(connectFailure(error)); });
  });

  const target = `Network printer ${where}`;
  const outOfPaper = `The receipt printer at ${where} is out of paper. Load a new roll and close the cover`;
  /** Unknown until the first job's question: true once it answered, false once it stayed silent. */
  let answersStatus: boolean | undefined;
  return {
    target,
    async send(job) {
      const socket = await connect();
      // Asked on the job's own connection before any byte of it: a printer out of paper
      // would keep a receipt sent now in its buffer and print it once a roll is in, on
      // top of the Reprint the operator was told to press. A printer that never answers
      // is not asked again (it would delay every receipt by the wait).
      if (answersStatus !== false) {
        const reply = await askPaperSensor(socket, t.statusReplyMs);
        if (socket.destroyed) throw new HostFailure('printer-offline',
          `The receipt printer at ${where} dropped the connection before printing. Check that it is switched on and connected, ${REPRINT}.`);
        answersStatus = reply !== null;
        if (isPaperEnd(reply)) {
          socket.destroy();
          throw new HostFailure('printer-error', `${outOfPaper}, ${REPRINT}.`);
        }
      }
      await new Promise<void>((resolve, reject) => {
        let finished = false;
        let settled = false;
        const settle = (error: HostFailure | null) => {
          if (settled) return;
          settled = true;
          socket.destroy();
          if (error) reject(error); else resolve();
        };
        // A printer that is out of paper or has its cover open stops reading, so the bytes stall.
        socket.setTimeout(t.writeMs, () => settle(new HostFailure('printer-error',
          `The receipt printer at ${where} stopped taking the receipt. It may be out of paper or its cover may be open. Check it, ${REPRINT}.`)));
        socket.on('error', () => settle(new HostFailure('printer-offline',
          `The receipt printer at ${where} dropped the connection while printing. Check that it is switched on and connected, ${REPRINT}.`)));
        socket.on('finish', () => { finished = true; });
        socket.on('close', () => settle(finished ? null : new HostFailure('printer-offline',
          `The receipt printer at ${where} closed the connection before the receipt was sent. Check it, ${REPRINT}.`)));
        socket.resume(); // the printer may send status bytes; reading lets its close reach us
        socket.end(job.bytes);
      });
    },
    async status() {
      let socket: net.Socket;
      try {
        socket = await connect();
      } catch (error) {
        return { state: 'offline', target, message: error instanceof HostFailure ? error.message : errorText(error) };
      }
      const reply = await askPaperSensor(socket, t.statusReplyMs);
      socket.destroy();
      if (isPaperEnd(reply)) return { state: 'error', target, message: `${outOfPaper}.` };
      return { state: 'ready', target, message: '' };
    },
  };
}

/**
 * DLE EOT 4, transmit roll paper sensor status: one byte back, fixed bits 0001 0010, paper
 * end sets bits 5–6, near end bits 2–3. Null when the printer does not answer in time
 * (some do not answer status requests at all) or the connection fails.
 */
function askPaperSensor(socket: net.Socket, replyMs: number): Promise<number | null> {
  return new Promise<number | null>((resolve) => {
    const done = (reply: number | null) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onGone);
      socket.off('close', onGone);
      resolve(reply);
    };
    const onData = (data: Buffer) => done(data[0] ?? null);
    const onGone = () => done(null);
    const timer = setTimeout(onGone, replyMs);
    socket.on('data', onData);
    socket.once('error', onGone);
    socket.once('close', onGone);
    socket.write(Buffer.from([0x10, 0x04, 0x04]));
  });
}

function isPaperEnd(reply: number | null): boolean {
  return reply !== null && (reply & 0x93) === 0x12 && (reply & 0x60) === 0x60;
}

/** What a device-file error means to the operator, for a USB or serial printer. */
function deviceFailure(kind: 'USB' | 'serial', device: string, error: unknown): HostFailure {
  const code = errorCode(error) || (/No such file/i.test(errorText(error)) ? 'ENOENT' : /Permission denied/i.test(errorText(error)) ? 'EACCES' : '');
  switch (code) {
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return new HostFailure('printer-offline',
        `The ${kind} receipt printer (${device}) is not plugged in or is switched off. Plug it in and switch it on, ${REPRINT}.`);
    case 'EACCES':
    case 'EPERM':
      return new HostFailure('printer-error',
        `This computer's user may not use the ${kind} printer ${device}. Ask the person who set up the till to add the user to the ${kind === 'USB' ? 'lp' : 'dialout'} group and sign in again, ${REPRINT}.`);
    case 'EBUSY':
      return new HostFailure('printer-offline',
        `The ${kind} printer ${device} is in use by another program. Close it, ${REPRINT}.`);
    default:
      return new HostFailure('printer-error',
        `The ${kind} receipt printer (${device}) reported a problem (${errorText(error)}). Check its paper and cover, ${REPRINT}.`);
  }
}

const stalled = (kind: 'USB' | 'serial', device: string) => new HostFailure('printer-error',
  `The ${kind} receipt printer (${device}) stopped taking the receipt. It may be out of paper or its cover may be open. Check it, ${REPRINT}.`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function deviceStatus(kind: 'USB' | 'serial', device: string, target: string): Promise<PrinterStatus> {
  try {
    if (/^COM\d+$/i.test(device)) {
      const ports = await SerialPort.list();
      if (!ports.some((p) => p.path.toUpperCase() === device.toUpperCase())) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
    } else {
      await fs.access(device, fsc.W_OK);
    }
    return { state: 'ready', target, message: '' };
  } catch (error) {
    const failure = deviceFailure(kind, device, error);
    return { state: failure.code === 'printer-offline' ? 'offline' : 'error', target, message: failure.message };
  }
}

function usbDevicePrinter(device: string, t: PrinterTimeouts): Transport {
  const target = `USB printer ${device}`;
  return {
    target,
    async send(job) {
      let handle: FileHandle;
      try {
        // Non-blocking: a printer out of paper makes usblp refuse writes (EAGAIN) instead of
        // parking a libuv thread in write() for good. No O_CREAT: a missing device is an error.
        handle = await fs.open(device, fsc.O_WRONLY | fsc.O_NONBLOCK);
      } catch (error) {
        throw deviceFailure('USB', device, error);
      }
      try {
        let offset = 0;
        let lastProgress = performance.now();
        while (offset < job.bytes.length) {
          let written = 0;
          try {
            written = (await handle.write(job.bytes, offset, job.bytes.length - offset)).bytesWritten;
          } catch (error) {
            if (errorCode(error) !== 'EAGAIN') throw deviceFailure('USB', device, error);
          }
          if (written > 0) {
            offset += written;
            lastProgress = performance.now();
            continue;
          }
          if (performance.now() - lastProgress > t.writeMs) throw stalled('USB', device);
          await sleep(25);
        }
      } finally {
        await handle.close().catch(() => undefined);
      }
    },
    status() {
      return deviceStatus('USB', device, target);
    },
  };
}

function serialPrinter(device: string, baudRate: number, t: PrinterTimeouts): Transport {
  const target = `Serial printer ${device} at ${baudRate} baud`;
  return {
    target,
    async send(job) {
      const port = new SerialPort({ path: device, baudRate, autoOpen: false });
      port.on('error', () => undefined); // errors arrive through the callbacks below
      const step = (run: (done: (error?: Error | null) => void) => void) => new Promise<void>((resolve, reject) => {
        run((error) => (error ? reject(error) : resolve()));
      });
      try {
        await step((done) => port.open(done));
      } catch (error) {
        throw deviceFailure('serial', device, error);
      }
      let timer: NodeJS.Timeout | undefined;
      try {
        // With hardware flow control a printer out of paper holds CTS, and drain never ends.
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(stalled('serial', device)), t.writeMs + (job.bytes.length * 10_000) / baudRate);
        });
        await Promise.race([
          (async () => {
            await step((done) => port.write(job.bytes, done));
            await step((done) => port.drain(done));
          })(),
          timeout,
        ]);
      } catch (error) {
        throw error instanceof HostFailure ? error : deviceFailure('serial', device, error);
      } finally {
        clearTimeout(timer);
        if (port.isOpen) await step((done) => port.close(done)).catch(() => undefined);
      }
    },
    status() {
      return deviceStatus('serial', device, target);
    },
  };
}

function transportFor(config: PrinterConfig, options: PrinterOptions, t: PrinterTimeouts): Transport {
  switch (config.kind) {
    case 'file': return filePrinter(options.fileDir);
    case 'network': return networkPrinter(config.host, config.port, t, options.allowedPorts ?? DEFAULT_PRINTER_PORTS, options.allowLoopback ?? false);
    case 'usb-device': return usbDevicePrinter(config.path, t);
    case 'serial': return serialPrinter(config.path, config.baudRate, t);
  }
}

export function createPrinter(config: PrinterConfig, options: PrinterOptions): PrinterService {
  const t: PrinterTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const transport = transportFor(config, options, t);
  // One job at a time: a network printer takes one connection, and receipts must not interleave.
  let queue: Promise<unknown> = Promise.resolve();
  let busy = 0;
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    busy++;
    const run = queue.then(work, work).finally(() => { busy--; });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    target: transport.target,
    async print(document, { openDrawer }) {
      // A document laid out for wider paper than the printer holds is laid out again at the
      // paper's width: the printer would otherwise wrap every full line in two.
      const doc: ParsedPrintDocument = document.width > options.paperWidth ? { ...document, width: options.paperWidth } : document;
      const bytes = encodeDocument(doc, { openDrawer });
      const preview = [
        ...(openDrawer ? ['[drawer opened]'] : []),
        // For people: lines the printer draws as images (Urdu, Devanagari) keep their real text.
        ...documentToText(printableDocument(doc, { keepOtherScripts: true })),
        ...(doc.cut ? ['[cut]'] : []),
      ];
      const job: Job = { id: randomUUID(), type: doc.type, title: doc.title, bytes, preview };
      await enqueue(() => transport.send(job));
      return { jobId: job.id, target: transport.target, bytes: bytes.length };
    },
    async openDrawer() {
      const job: Job = { id: randomUUID(), type: 'drawer', title: 'no-sale', bytes: encodeDrawerKick(), preview: ['[drawer opened]'] };
      await enqueue(() => transport.send(job));
      return { target: transport.target };
    },
    status() {
      // A probe would compete with the job for the printer's one connection.
      if (busy > 0) return Promise.resolve({ state: 'ready', target: transport.target, message: '' });
      return transport.status();
    },
  };
}
