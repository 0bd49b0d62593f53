import { z } from 'zod';
import { CardSheetSchema, LabelSheetSchema } from '../labels';
import type { MethodSpec } from './spec';

/**
 * The names the host gives its sheet PDFs (`labels-20260401-093005-a1b2c3.pdf`), and the
 * only names `labels.open` takes: the renderer is untrusted, so it names a file the host
 * made, never a path. No folder, no `..`, nothing the host could not have written.
 */
export const SHEET_FILE_NAME = /^(labels|cards)-\d{8}-\d{6}-[0-9a-f]{6}\.pdf$/;

export const SheetFileNameSchema = z.string()
  .refine((name) => !/[/\\]/.test(name) && !name.includes('..'), 'give the file name only, with no folder and no ".."')
  .regex(SHEET_FILE_NAME, 'not the name of a sheet PDF this kiosk made (labels-… or cards-….pdf)');

/** Where the host wrote an A4 sticker-sheet PDF, and how many pages to load into the printer. */
export const SheetPdfResultSchema = z.object({
  path: z.string(),
  /** The file's name in the host's labels folder: what `labels.open` takes. */
  name: z.string(),
  pages: z.number().int().min(1),
});
export type SheetPdfResult = z.infer<typeof SheetPdfResultSchema>;

/**
 * How the host showed a sheet: Electron opened it in this computer's PDF viewer; the
 * loopback host cannot start a desktop program, so it answers a short-lived address of
 * the PDF (same origin, one file) for the page to open in a new tab.
 */
export const OpenedSheetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opened') }),
  z.object({ kind: z.literal('url'), url: z.string().startsWith('/api/output/') }),
]);
export type OpenedSheet = z.infer<typeof OpenedSheetSchema>;

export const labelMethods = {
  /** Renders price labels on A4 sticker sheets into a PDF in the host's labels folder. */
  'labels.pdf': { input: LabelSheetSchema, output: SheetPdfResultSchema },
  /** Renders artisan cards (name, craft, cooperative, Code 128 of the code) the same way. */
  'cards.pdf': { input: CardSheetSchema, output: SheetPdfResultSchema },
  /** Shows a sheet PDF the host made (by its name, from either method above) to be viewed or printed. */
  'labels.open': { input: z.object({ name: SheetFileNameSchema }).strict(), output: OpenedSheetSchema },
} as const satisfies Record<string, MethodSpec>;
