import type { ParsedPrintDocument } from '../../shared/documents';
import type { PrinterStatus } from '../../shared/contract';

/**
 * One printer, whatever carries the bytes (file, TCP 9100, USB device file, serial).
 * Failures throw HostFailure('printer-offline' | 'printer-error', message for the operator).
 */
export interface PrinterService {
  /** Encodes and sends one job; resolves once the transport accepted every byte. */
  print(document: ParsedPrintDocument, options: { openDrawer: boolean }): Promise<{ jobId: string; target: string; bytes: number }>;
  openDrawer(): Promise<{ target: string }>;
  status(): Promise<PrinterStatus>;
  /** People-readable target, e.g. "Network printer 192.168.1.50:9100". */
  readonly target: string;
}
