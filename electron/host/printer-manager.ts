import type { HostSettings, PrinterConfig } from '../../shared/contract';
import type { PrinterService } from '../printing/types';
import { getLogger } from './log';

const log = getLogger('printer');

export type PrinterFactory = (config: PrinterConfig, options: { fileDir: string; paperWidth: number; allowedPorts?: ReadonlySet<number> }) => PrinterService;

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
  /** The network printer ports the technician allows (printer-ports.json). */
  readAllowedPorts: () => Promise<ReadonlySet<number>>;
}): PrinterManager {
  let service: PrinterService | null = null;
  let key = '';
  return {
    async current() {
      const settings = await options.readSettings();
      const allowedPorts = settings.printer.kind === 'network' ? await options.readAllowedPorts() : undefined;
      const nextKey = JSON.stringify([settings.printer, settings.paperWidth, allowedPorts ? [...allowedPorts] : null]);
      if (!service || nextKey !== key) {
        service = options.factory(settings.printer, { fileDir: options.fileDir, paperWidth: settings.paperWidth, ...(allowedPorts ? { allowedPorts } : {}) });
        key = nextKey;
        log.info(`Printer: ${service.target}`);
      }
      return service;
    },
  };
}
