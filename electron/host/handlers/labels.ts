import { join } from 'node:path';
import type { labelMethods } from '../../../shared/contract';
import { renderCardSheetPdf, renderLabelSheetPdf, writeLabelPdf } from '../../labels/pdf-sheet';
import type { FeatureHandlers, HostContext } from '../context';

/**
 * A4 sticker sheets as PDFs in `<dataDir>/labels/`; the manager prints them from any office
 * printer. Rendering and layout live in electron/labels; this only places the file.
 */
export function labelHandlers(ctx: HostContext): FeatureHandlers<keyof typeof labelMethods> {
  const dir = join(ctx.dataDir, 'labels');
  return {
    'labels.pdf': async (sheet) => writeLabelPdf(await renderLabelSheetPdf(sheet), dir, { baseName: 'labels', now: ctx.now() }),
    'cards.pdf': async (sheet) => writeLabelPdf(await renderCardSheetPdf(sheet), dir, { baseName: 'cards', now: ctx.now() }),
  };
}
