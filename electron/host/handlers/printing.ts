import type { PrinterStatus, printingMethods } from '../../../shared/contract';
import { HostFailure } from '../../../shared/result';
import type { PrinterService } from '../../printing/types';
import type { FeatureHandlers, HostContext } from '../context';

export function printingHandlers(ctx: HostContext): FeatureHandlers<keyof typeof printingMethods> {
  /**
   * Runs one printer job and tells every screen how the printer is doing afterwards, so
   * the status badge follows reality without polling.
   */
  async function job<T>(run: (printer: PrinterService) => Promise<T>): Promise<T> {
    const printer = await ctx.printers.current();
    try {
      const result = await run(printer);
      ctx.events.emit('printer.status', { state: 'ready', target: printer.target, message: '' });
      return result;
    } catch (error) {
      ctx.events.emit('printer.status', statusAfterFailure(printer.target, error));
      throw error;
    }
  }

  return {
    'printer.print': ({ document, openDrawer }) => job((p) => p.print(document, { openDrawer })),
    'drawer.open': () => job((p) => p.openDrawer()),
    'printer.status': async () => (await ctx.printers.current()).status(),
  };
}

function statusAfterFailure(target: string, error: unknown): PrinterStatus {
  if (error instanceof HostFailure && error.code === 'printer-error') {
    return { state: 'error', target, message: error.message };
  }
  if (error instanceof HostFailure && error.code === 'printer-offline') {
    return { state: 'offline', target, message: error.message };
  }
  return { state: 'offline', target, message: 'The last print job failed. Check the printer, then press Reprint.' };
}
