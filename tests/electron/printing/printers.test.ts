import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { constants as fsc, openSync, closeSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentToText, PrintDocumentSchema, type ParsedPrintDocument } from '../../../shared/documents';
import { buildReceipt } from '../../../shared/receipt';
import { HostFailure } from '../../../shared/result';
import { encodeDocument, encodeDrawerKick } from '../../../electron/printing/escpos-encoder';
import { createPrinter } from '../../../electron/printing/printers';
import { unusedPort } from '../../fixtures/ports';
import { sampleSale, splitTenders, STORE } from './sample-sale';

/** The stand-in printers listen on 127.0.0.1 at a random port, which the host itself never allows. */
function localPrinter(port: number) {
  return { allowLoopback: true, allowedPorts: new Set([port]) };
}

const RECEIPT: ParsedPrintDocument = PrintDocumentSchema.parse(
  buildReceipt({ store: STORE, ...sampleSale({ tenders: splitTenders }), copy: 'original', width: 48 }),
);

let tmp: string;
beforeEach(async () => { tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'chinar-print-')); });
afterEach(async () => { await fs.rm(tmp, { recursive: true, force: true }); });

async function failureOf(promise: Promise<unknown>): Promise<HostFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HostFailure) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const PAPER_SENSOR_QUESTION = Buffer.from([0x10, 0x04, 0x04]);
/** DLE EOT 4's answer of a printer with paper (fixed bits 0001 0010). */
const PAPER_PRESENT = 0x12;

/**
 * A real TCP server on 127.0.0.1 that records what each connection sent after answering
 * the paper-sensor question a job starts with (`paper` is its answer; null: stays silent,
 * and the question is kept in what it received).
 */
async function tcpPrinter(onConnection?: (socket: net.Socket) => void, paper: () => number | null = () => PAPER_PRESENT) {
  const received: Buffer[] = [];
  let open = 0;
  let maxOpen = 0;
  const closed: Promise<void>[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    open++;
    maxOpen = Math.max(maxOpen, open);
    const chunks: Buffer[] = [];
    closed.push(new Promise((resolve) => socket.on('close', () => { open--; sockets.delete(socket); resolve(); })));
    socket.on('error', () => undefined);
    if (onConnection) { onConnection(socket); return; }
    let first = true;
    socket.on('data', (d) => {
      const answer = first && d.equals(PAPER_SENSOR_QUESTION) ? paper() : null;
      first = false;
      if (answer === null) chunks.push(d);
      else socket.write(Buffer.from([answer]));
    });
    socket.on('end', () => { received.push(Buffer.concat(chunks)); socket.end(); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port, received, closed, maxOpen: () => maxOpen,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('createPrinter', () => {
  describe('file printer', () => {
    it('writes the exact bytes and a readable preview, creating the folder', async () => {
      const dir = path.join(tmp, 'printer-out', 'nested');
      const printer = createPrinter({ kind: 'file' }, { fileDir: dir, paperWidth: 48 });
      expect(printer.target).toBe(`File printer (${dir})`);
      const result = await printer.print(RECEIPT, { openDrawer: true });
      const expected = encodeDocument(RECEIPT, { openDrawer: true });
      expect(result).toEqual({ jobId: expect.stringMatching(/^[0-9a-f-]{36}$/), target: printer.target, bytes: expected.length });
      const files = (await fs.readdir(dir)).sort();
      expect(files).toHaveLength(2);
      const stem = `-receipt-K01-2627-000123-${result.jobId.slice(0, 8)}`;
      expect(files[0]).toMatch(new RegExp(`^\\d{8}-\\d{6}${stem}\\.bin$`));
      expect(files[1]).toBe(files[0]!.replace(/\.bin$/, '.txt'));
      expect((await fs.readFile(path.join(dir, files[0]!))).equals(expected)).toBe(true);
      const preview = (await fs.readFile(path.join(dir, files[1]!), 'utf8')).split('\n');
      expect(preview).toEqual(['[drawer opened]', ...documentToText(RECEIPT), '[cut]', '']);
    });

    it('names files after the local time of the job', async () => {
      const before = new Date();
      await createPrinter({ kind: 'file' }, { fileDir: tmp, paperWidth: 48 }).print(RECEIPT, { openDrawer: false });
      const [file] = await fs.readdir(tmp);
      const m = /^(\d{4})(\d\d)(\d\d)-(\d\d)(\d\d)(\d\d)-/.exec(file!)!;
      const stamped = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
      expect(Math.abs(stamped.getTime() - before.getTime())).toBeLessThan(5_000);
    });

    it('keeps each job in its own pair of files and leaves no temporary files', async () => {
      const printer = createPrinter({ kind: 'file' }, { fileDir: tmp, paperWidth: 48 });
      const jobs = await Promise.all([1, 2, 3].map(() => printer.print(RECEIPT, { openDrawer: false })));
      const files = await fs.readdir(tmp);
      expect(files).toHaveLength(6);
      expect(files.filter((f) => f.startsWith('.') || f.endsWith('.tmp'))).toEqual([]);
      for (const j of jobs) expect(files.filter((f) => f.includes(j.jobId.slice(0, 8)))).toHaveLength(2);
    });

    it('records a no-sale drawer open as a job of its own', async () => {
      const printer = createPrinter({ kind: 'file' }, { fileDir: tmp, paperWidth: 48 });
      expect(await printer.openDrawer()).toEqual({ target: printer.target });
      const files = (await fs.readdir(tmp)).sort();
      expect(files[0]).toMatch(/-drawer-no-sale-[0-9a-f]{8}\.bin$/);
      expect((await fs.readFile(path.join(tmp, files[0]!))).equals(encodeDrawerKick())).toBe(true);
      expect(await fs.readFile(path.join(tmp, files[1]!), 'utf8')).toBe('[drawer opened]\n');
    });

    it('lays a document for wider paper out again at the printer’s width', async () => {
      await createPrinter({ kind: 'file' }, { fileDir: tmp, paperWidth: 32 }).print(RECEIPT, { openDrawer: false });
      const txt = (await fs.readdir(tmp)).find((f) => f.endsWith('.txt'))!;
      const lines = (await fs.readFile(path.join(tmp, txt), 'utf8')).trimEnd().split('\n');
      expect(lines).toEqual([...documentToText({ ...RECEIPT, width: 32 }), '[cut]']);
      expect(Math.max(...lines.map((l) => l.length))).toBe(32);
    });

    it('is ready when its folder is writable, and says what is wrong when it is not', async () => {
      expect(await createPrinter({ kind: 'file' }, { fileDir: path.join(tmp, 'new'), paperWidth: 48 }).status())
        .toEqual({ state: 'ready', target: `File printer (${path.join(tmp, 'new')})`, message: '' });
      await fs.writeFile(path.join(tmp, 'a-file'), '');
      const blocked = path.join(tmp, 'a-file', 'out');
      const printer = createPrinter({ kind: 'file' }, { fileDir: blocked, paperWidth: 48 });
      const status = await printer.status();
      expect(status.state).toBe('error');
      expect(status.message).toBe(`The file printer could not save receipts in ${blocked}: part of that path is a file, not a folder. Ask the person who set up the till to check it, then press Reprint.`);
      const failure = await failureOf(printer.print(RECEIPT, { openDrawer: false }));
      expect(failure.code).toBe('printer-error');
      expect(failure.message).toBe(status.message);
    });
  });

  describe('network printer', () => {
    it('sends exactly the encoded bytes and resolves once the connection is closed', async () => {
      const server = await tcpPrinter();
      try {
        const printer = createPrinter({ kind: 'network', host: '127.0.0.1', port: server.port }, { fileDir: tmp, paperWidth: 48, ...localPrinter(server.port) });
        expect(printer.target).toBe(`Network printer 127.0.0.1:${server.port}`);
        const result = await printer.print(RECEIPT, { openDrawer: true });
        const expected = encodeDocument(RECEIPT, { openDrawer: true });
        expect(server.received).toHaveLength(1);
        expect(server.received[0]!.equals(expected)).toBe(true);
        expect(result.bytes).toBe(expected.length);
        await printer.openDrawer();
        expect(server.received[1]).toEqual(encodeDrawerKick());
      } finally {
        await server.close();
      }
    });

    it('prints one job at a time: the printer takes one connection', async () => {
      const server = await tcpPrinter();
      try {
        const printer = createPrinter({ kind: 'network', host: '127.0.0.1', port: server.port }, { fileDir: tmp, paperWidth: 48, ...localPrinter(server.port) });
        await Promise.all([1, 2, 3, 4].map(() => printer.print(RECEIPT, { openDrawer: false })));
        expect(server.received).toHaveLength(4);
        expect(server.maxOpen()).toBe(1);
      } finally {
        await server.close();
      }
    });

    it('says the printer did not answer when nothing listens on its port', async () => {
      const port = await unusedPort();
      const printer = createPrinter({ kind: 'network', host: '127.0.0.1', port }, { fileDir: tmp, paperWidth: 48, ...localPrinter(port) });
      const failure = await failureOf(printer.print(RECEIPT, { openDrawer: false }));
      expect(failure.code).toBe('printer-offline');
      expect(failure.message).toBe(`The receipt printer at 127.0.0.1:${port} did not answer. Check that it is switched on and connected, then press Reprint.`);
      expect(await printer.status()).toEqual({ state: 'offline', target: printer.target, message: failure.message });
    });

    it('gives up on a printer that stops taking data, and says to check paper and cover', async () => {
      const server = await tcpPrinter((socket) => socket.pause());
      try {
        const printer = createPrinter({ kind: 'network', host: '127.0.0.1', port: server.port },
          { fileDir: tmp, paperWidth: 48, timeouts: { writeMs: 300 }, ...localPrinter(server.port) });
        const failure = await failureOf(printer.print(RECEIPT, { openDrawer: false }));
        expect(failure.code).toBe('printer-error');
        expect(failure.message).toBe(`The receipt printer at 127.0.0.1:${server.port} stopped taking the receipt. It may be out of paper or its cover may be open. Check it, then press Reprint.`);
      } finally {
        await server.close();
      }
    });

    it('probes the paper sensor with DLE EOT 4 for its status', async () => {
      let answer: number | null = 0x12; // paper present
      const asked: Buffer[] = [];
      const server = await tcpPrinter((socket) => socket.on('data', (d) => {
        asked.push(d);
        if (answer !== null) socket.write(Buffer.from([answer]));
      }));
      try {
        const printer = createPrinter({ kind: 'network', host: '127.0.0.1', port: server.port },
          { fileDir: tmp, paperWidth: 48, timeouts: { statusReplyMs: 200 }, ...localPrinter(server.port) });
        expect(await printer.status()).toEqual({ state: 'ready', target: printer.target, message: '' });
        expect(asked[0]).toEqual(Buffer.from([0x10, 0x04, 0x04]));
        answer = 0x72; // paper end: bits 5 and 6
        expect(await printer.status()).toEqual({
          state: 'error', target: printer.target,
          message: `The receipt printer at 127.0.0.1:${server.port} is out of paper. Load a new roll and close the cover.`,
        });
        answer = null; // printers that do not answer status requests
        expect((await printer.status()).state).toBe('ready');
      } finally {
        await server.close();
      }
    });
    it('asks for paper before each job and, out of paper, sends none of the receipt', async () => {
      let paper = 0x72; // paper end: bits 5 and 6
      const server = await tcpPrinter(undefined, () => paper);
      try {
        const printer = createPrinter({ kind: 'network', host: '127.0.0.1', port: server.port }, { fileDir: tmp, paperWidth: 48, ...localPrinter(server.port) });
        const failure = await failureOf(printer.print(RECEIPT, { openDrawer: false }));
        expect(failure.code).toBe('printer-error');
        expect(failure.message).toBe(`The receipt printer at 127.0.0.1:${server.port} is out of paper. Load a new roll and close the cover, then press Reprint.`);
        await Promise.all(server.closed);
        // Nothing of the receipt reached the printer's buffer, to come out after the Reprint.
        expect(server.received).toEqual([Buffer.alloc(0)]);
        paper = PAPER_PRESENT;
        await printer.print(RECEIPT, { openDrawer: false });
        expect(server.received[1]!.equals(encodeDocument(RECEIPT, { openDrawer: false }))).toBe(true);
      } finally {
        await server.close();
      }
    });

    it('stops asking a printer that never answers the paper question', async () => {
      const server = await tcpPrinter(undefined, () => null);
      try {
        const printer = createPrinter({ kind: 'network', host: '127.0.0.1', port: server.port },
          { fileDir: tmp, paperWidth: 48, timeouts: { statusReplyMs: 100 }, ...localPrinter(server.port) });
        await printer.print(RECEIPT, { openDrawer: false });
        await printer.print(RECEIPT, { openDrawer: false });
        const job = encodeDocument(RECEIPT, { openDrawer: false });
        expect(server.received[0]!.equals(Buffer.concat([PAPER_SENSOR_QUESTION, job]))).toBe(true);
        expect(server.received[1]!.equals(job)).toBe(true);
      } finally {
        await server.close();
      }
    });
  });

  describe('USB device printer', () => {
    it('writes exactly the encoded bytes to the device file', async () => {
      const device = path.join(tmp, 'lp0');
      await fs.writeFile(device, '');
      const printer = createPrinter({ kind: 'usb-device', path: device }, { fileDir: tmp, paperWidth: 48 });
      expect(printer.target).toBe(`USB printer ${device}`);
      const result = await printer.print(RECEIPT, { openDrawer: false });
      const expected = encodeDocument(RECEIPT, { openDrawer: false });
      expect((await fs.readFile(device)).equals(expected)).toBe(true);
      expect(result.bytes).toBe(expected.length);
      expect(await printer.status()).toEqual({ state: 'ready', target: printer.target, message: '' });
    });

    it('says the printer is not plugged in when the device file is missing, and creates nothing', async () => {
      const device = path.join(tmp, 'lp9');
      const printer = createPrinter({ kind: 'usb-device', path: device }, { fileDir: tmp, paperWidth: 48 });
      const failure = await failureOf(printer.print(RECEIPT, { openDrawer: false }));
      expect(failure.code).toBe('printer-offline');
      expect(failure.message).toBe(`The USB receipt printer (${device}) is not plugged in or is switched off. Plug it in and switch it on, then press Reprint.`);
      expect(await printer.status()).toEqual({ state: 'offline', target: printer.target, message: failure.message });
      await expect(fs.access(device)).rejects.toThrow();
    });

    it.skipIf(process.platform === 'win32')('gives up on a device that stops taking data instead of hanging', async () => {
      const fifo = path.join(tmp, 'stuck-lp');
      execFileSync('mkfifo', [fifo]);
      // A reader that never reads: once the pipe's buffer is full, writes get EAGAIN, as usblp's do.
      const reader = openSync(fifo, fsc.O_RDONLY | fsc.O_NONBLOCK);
      try {
        const big = PrintDocumentSchema.parse({
          type: 'report', title: 'long', width: 48,
          blocks: Array.from({ length: 3_000 }, (_, i) => ({ kind: 'pair', left: `Line ${i}`, right: 'Rs. 1,000.00' })),
        });
        const printer = createPrinter({ kind: 'usb-device', path: fifo }, { fileDir: tmp, paperWidth: 48, timeouts: { writeMs: 300 } });
        const failure = await failureOf(printer.print(big, { openDrawer: false }));
        expect(failure.code).toBe('printer-error');
        expect(failure.message).toBe(`The USB receipt printer (${fifo}) stopped taking the receipt. It may be out of paper or its cover may be open. Check it, then press Reprint.`);
      } finally {
        closeSync(reader);
      }
    });
  });

  describe('serial printer', () => {
    it('names the port and the baud rate', () => {
      const printer = createPrinter({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 }, { fileDir: tmp, paperWidth: 48 });
      expect(printer.target).toBe('Serial printer /dev/ttyUSB0 at 9600 baud');
    });

    it('says the printer is not plugged in when the port is missing', async () => {
      const device = path.join(tmp, 'ttyUSB7');
      const printer = createPrinter({ kind: 'serial', path: device, baudRate: 9600 }, { fileDir: tmp, paperWidth: 48 });
      const failure = await failureOf(printer.print(RECEIPT, { openDrawer: false }));
      expect(failure.code).toBe('printer-offline');
      expect(failure.message).toBe(`The serial receipt printer (${device}) is not plugged in or is switched off. Plug it in and switch it on, then press Reprint.`);
      expect((await printer.status()).state).toBe('offline');
    });

    const python = spawnSync('python3', ['--version']).status === 0 && process.platform === 'linux';
    it.skipIf(!python)('writes exactly the encoded bytes through a real serial port (a pseudo-terminal)', async () => {
      // python's pty module gives a raw pseudo-terminal pair: serialport opens the slave like
      // /dev/ttyUSB0, and the master side hands us every byte it received, as hex.
      const relay: ChildProcess = spawn('python3', ['-c', [
        'import os, pty, tty, select, sys',
        'm, s = pty.openpty()',
        'tty.setraw(m)',
        'print(os.ttyname(s), flush=True)',
        'data = b""',
        'while True:',
        '    r, _, _ = select.select([m], [], [], 1.5)',
        '    if not r: break',
        '    data += os.read(m, 65536)',
        'sys.stderr.write(data.hex())',
      ].join('\n')]);
      let out = '';
      let err = '';
      relay.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
      relay.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
      const exited = new Promise<void>((resolve) => relay.on('exit', () => resolve()));
      while (!out.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 20));
      const device = out.trim();
      const printer = createPrinter({ kind: 'serial', path: device, baudRate: 115200 }, { fileDir: tmp, paperWidth: 48 });
      await printer.print(RECEIPT, { openDrawer: true });
      await exited;
      expect(Buffer.from(err, 'hex').equals(encodeDocument(RECEIPT, { openDrawer: true }))).toBe(true);
    });
  });
});
