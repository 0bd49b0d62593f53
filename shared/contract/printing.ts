import { z } from 'zod';
import { PrintDocumentSchema } from '../documents';

export const PrinterStatusSchema = z.object({
  state: z.enum(['ready', 'offline', 'error']),
  /** Where jobs go, for people: "File printer (…/printer-out)", "Network 192.168.1.50:9100". */
  target: z.string(),
  /** What is wrong and what to do, when not ready. */
  message: z.string(),
});
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;

export const printingMethods = {
  'printer.print': {
    input: z.object({
      document: PrintDocumentSchema,
      /** Kick the cash drawer after printing (cash sales). */
      openDrawer: z.boolean().default(false),
    }).strict(),
    output: z.object({ jobId: z.string(), target: z.string(), bytes: z.number().int() }),
  },
  'printer.status': { input: z.object({}), output: PrinterStatusSchema },
  /** A no-sale drawer open; the renderer records who approved it in the audit log. */
  'drawer.open': { input: z.object({}), output: z.object({ target: z.string() }) },
} as const;
