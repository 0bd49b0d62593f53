import { useEffect, useState } from 'react';
import type { HostApi, PrinterStatus } from '../../../shared/contract';
import type { PrintDocument } from '../../../shared/documents';
import { messageOf } from './boot';

export type PrintOutcome =
  | { status: 'printed'; target: string }
  /** `message` is the host's, in the operator's words ("Printer is out of paper."). */
  | { status: 'failed'; message: string };

/** Sends a document to the printer. Never throws: a print failure must not look like a lost sale. */
export async function printDocument(host: HostApi, document: PrintDocument, openDrawer: boolean): Promise<PrintOutcome> {
  try {
    const result = await host.call('printer.print', { document, openDrawer });
    return result.ok ? { status: 'printed', target: result.value.target } : { status: 'failed', message: result.error.message };
  } catch (error) {
    return { status: 'failed', message: messageOf(error) };
  }
}

/** The host's printer messages usually end "…, then press Reprint"; the screen need not say it twice. */
export function mentionsReprint(message: string): boolean {
  return /\breprint\b/i.test(message);
}

export type PrinterLight = { state: 'unknown' } | PrinterStatus;

/** The printer's state: asked once, then kept current by the host's `printer.status` events. */
export function usePrinterStatus(host: HostApi): PrinterLight {
  const [status, setStatus] = useState<PrinterLight>({ state: 'unknown' });
  useEffect(() => {
    let live = true;
    const unsubscribe = host.on('printer.status', (s) => { if (live) setStatus(s); });
    host.call('printer.status', {}).then(
      (r) => { if (live && r.ok) setStatus(r.value); else if (live && !r.ok) setStatus({ state: 'offline', target: '', message: r.error.message }); },
      (error: unknown) => { if (live) setStatus({ state: 'offline', target: '', message: messageOf(error) }); },
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [host]);
  return status;
}
