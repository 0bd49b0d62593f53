import { z } from 'zod';
import { CardSheetSchema, LabelSheetSchema } from '../labels';

/** Where the host wrote an A4 sticker-sheet PDF, and how many pages to load into the printer. */
export const SheetPdfResultSchema = z.object({
  path: z.string(),
  pages: z.number().int().min(1),
});
export type SheetPdfResult = z.infer<typeof SheetPdfResultSchema>;

export const labelMethods = {
  /** Renders price labels on A4 sticker sheets into a PDF in the host's labels folder. */
  'labels.pdf': { input: LabelSheetSchema, output: SheetPdfResultSchema },
  /** Renders artisan cards (name, craft, cooperative, Code 128 of the code) the same way. */
  'cards.pdf': { input: CardSheetSchema, output: SheetPdfResultSchema },
} as const;
