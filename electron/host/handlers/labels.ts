import type { labelMethods } from '../../../shared/contract';
import { HostFailure } from '../../../shared/result';
import { findSheetPdf, labelsDir } from '../../labels/output';
import { renderCardSheetPdf, renderLabelSheetPdf, writeLabelPdf } from '../../labels/pdf-sheet';
import type { FeatureHandlers, HostContext } from '../context';

/**
 * A4 sticker sheets as PDFs in `<dataDir>/labels/`; the manager prints them from any office
 * printer. Rendering and layout live in electron/labels; this only places the file, and
 * shows one again by its name through the transport's opener (electron/labels/output.ts).
 */
export function labelHandlers(ctx: HostContext): FeatureHandlers<keyof typeof labelMethods> {
  const dir = labelsDir(ctx.dataDir);
  return {
    'labels.pdf': async (sheet) => writeLabelPdf(await renderLabelSheetPdf(sheet), dir, { baseName: 'labels', now: ctx.now() }),
    'cards.pdf': async (sheet) => writeLabelPdf(await renderCardSheetPdf(sheet), dir, { baseName: 'cards', now: ctx.now() }),
    'labels.open': async ({ name }) => {
      const file = await findSheetPdf(ctx.dataDir, name);
      if (!ctx.openSheet) {
        throw new HostFailure('not-configured', `This kiosk host cannot show files. Open ${file.path} on this computer and print it from there.`);
      }
      return ctx.openSheet(file);
    },
  };
}
