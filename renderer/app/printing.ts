import { useEffect, useState } from 'react';
import type { HostApi, PrinterStatus } from '../../shared/contract';
import type { PrintDocument } from '../../shared/documents';
import { callHost, type Outcome } from './outcome';

/** A print job that went out, and where (`message` of a failure is the host's: "Printer is out of paper."). */
export type PrintOutcome = Outcome<{ target: string }>;

/** Sends a document to the printer. Never throws: a print failure must not look like a lost sale. */
export function printDocument(host: HostApi, document: PrintDocument, openDrawer: boolean): Promise<PrintOutcome> {
  return callHost(host, 'printer.print', { document, openDrawer });
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
    void callHost(host, 'printer.status', {}).then((r) => {
      if (live) setStatus(r.status === 'ok' ? r.value : { state: 'offline', target: '', message: r.message });
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [host]);
  return status;
}
