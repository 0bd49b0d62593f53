import type { HostSettings, PrinterConfig } from '../../shared/contract';
import type { PrinterService } from '../printing/types';
import { getLogger } from './log';

const log = getLogger('printer');

export type PrinterFactory = (config: PrinterConfig, options: { fileDir: string; paperWidth: number }) => PrinterService;

export interface PrinterManager {
  /** The printer for the current settings, created (or re-created) when they change. */
  current(): Promise<PrinterService>;
}

/**
 * Keeps one PrinterService for the settings in force. A new one is made only when the
 * printer or the paper width changed, so a printer with a connection keeps it between jobs.
 */
export function createPrinterManager(options: {
  readSettings: () => Promise<HostSettings>;
  factory: PrinterFactory;
  fileDir: string;
}): PrinterManager {
  let service: PrinterService | null = null;
  let key = '';
  return {
    async current() {
      const settings = await options.readSettings();
      const nextKey = JSON.stringify([settings.printer, settings.paperWidth]);
      if (!service || nextKey !== key) {
        service = options.factory(settings.printer, { fileDir: options.fileDir, paperWidth: settings.paperWidth });
        key = nextKey;
        log.info(`Printer: ${service.target}`);
      }
      return service;
    },
  };
}
