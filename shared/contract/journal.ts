import { z } from 'zod';
import { JournalRecordInputSchema, JournalRecordSchema } from '../journal';

/**
 * The journal (issue 8): the host's append-only, hash-chained copy of every committed
 * store transaction, and what the renderer needs to rebuild its store from it.
 *
 * Size limits, declared here so every transport and caller reads the same numbers:
 * one record's canonical JSON ≤ JOURNAL_RECORD_MAX_BYTES (shared/journal.ts, 4 MiB: a
 * busy day's close); an append call carries at most JOURNAL_APPEND_MAX_RECORDS records
 * and, as JSON, at most JOURNAL_APPEND_MAX_BYTES (its body limit on every transport), so
 * a backlog goes in several calls; a page of `journal.read` stops before
 * JOURNAL_PAGE_MAX_BYTES (always at least one record).
 */
export const JOURNAL_APPEND_MAX_RECORDS = 100;
/** The largest record and its JSON escaping (a body string's quotes each take two bytes), with room to spare. */
export const JOURNAL_APPEND_MAX_BYTES = 6 * 1024 * 1024;
export const JOURNAL_PAGE_MAX_RECORDS = 1_000;
/**
 * Answers are not size-limited by the transports (only request bodies are), so a page may
 * be big: 4 MiB is about 1,000 sale records (the record limit), and a year's rebuild (200,000 records) makes
 * a few hundred calls instead of 1,600 at 512 KiB. Still small enough that a page never
 * holds the renderer's thread for long while it is parsed.
 */
export const JOURNAL_PAGE_MAX_BYTES = 4 * 1024 * 1024;

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** Where the chain ends: the last record's seq and hash (seq 0 and "0"×64 when empty). */
export const JournalHeadSchema = z.object({ seq: z.number().int().min(0), hash: HashSchema });

/** The last sale, return or void journaled, for "last recorded: K01/2627/000123, 14:02, ₹2,600". */
export const LastSaleSchema = z.object({
  saleId: z.string(),
  receiptNo: z.string(),
  /** The sale row's createdAt, else the record's `at`. */
  at: z.string(),
  /** Paise, as on the sale row; null when the row had none. */
  total: z.number().int().nullable(),
  /** The sale row's kind ('sale' | 'return' | 'void'), when it had one. */
  kind: z.string().nullable(),
});

export const JournalStatusSchema = z.object({
  count: z.number().int().min(0),
  lastSeq: z.number().int().min(0),
  lastHash: HashSchema,
  /** The last record's `at`; null when the journal is empty. */
  lastAt: z.string().nullable(),
  lastSale: LastSaleSchema.nullable(),
  /**
   * The highest invoice number issued per counter key (series/financial year), e.g.
   * { "K01/2627": 123 }. Before a commit, the renderer makes its counter start above
   * these, so a store rebuilt or wiped cannot issue a number twice. Under the key "Z"
   * (Z_NUMBER_KEY), the highest Z number, which the day's close starts above in the same way.
   */
  highestNumbers: z.record(z.string(), z.number().int().min(0)),
});

export const AppendedEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int().min(1),
  hash: HashSchema,
  /** 'already': this id was journaled before with the same content (a resend); nothing written. */
  status: z.enum(['appended', 'already']),
});

/** What a journal file offered for import holds, once its whole chain has been checked. */
export const JournalImportSummarySchema = z.object({
  fileName: z.string(),
  count: z.number().int().min(0),
  lastSeq: z.number().int().min(0),
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  lastSale: LastSaleSchema.nullable(),
  highestNumbers: z.record(z.string(), z.number().int().min(0)),
  /** Bytes of an unfinished last line that will be left out (the source host was cut off mid-write). */
  tornBytes: z.number().int().min(0),
});

/** A file name in the host's `journal-import/` folder: no folders, so the renderer names no path. */
const ImportFileNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/, 'Give the name of a file in the kiosk\'s journal-import folder, e.g. chinar-journal.jsonl');

export const journalMethods = {
  /**
   * Appends committed transactions, in order, and answers only after they are on disk
   * (fsync). All or nothing: if any record is refused, none is written. Refusals:
   * 'conflict' (the id is journaled with other content), 'number-reused' (an invoice number
   * at or below one already issued in its series, on another sale: the store must be
   * restored from the journal), 'journal-damaged', 'io-error'.
   */
  'journal.append': {
    maxBodyBytes: JOURNAL_APPEND_MAX_BYTES,
    input: z.object({ records: z.array(JournalRecordInputSchema).min(1).max(JOURNAL_APPEND_MAX_RECORDS) }).strict(),
    output: z.object({
      /** How many records were new (the rest were resends). */
      appended: z.number().int().min(0),
      /** One per input record, in input order. */
      entries: z.array(AppendedEntrySchema),
      last: JournalHeadSchema,
    }),
  },
  /** Cheap (held in memory): what the journal holds, its last sale and the highest invoice numbers. */
  'journal.status': { input: z.object({}).strict(), output: JournalStatusSchema },
  /**
   * A page of records after `afterSeq`, for rebuilding the store. Pass `nextSeq` back as
   * `afterSeq` until `done`. The host checks every record's hash against its stored bytes
   * as it reads (refused with 'journal-damaged' when one differs); check that each page
   * links on with verifyJournalLinks from the previous page's head, then put back
   * rowsToRestore(page) (shared/journal.ts).
   */
  'journal.read': {
    input: z.object({
      afterSeq: z.number().int().min(0),
      limit: z.number().int().min(1).max(JOURNAL_PAGE_MAX_RECORDS).default(JOURNAL_PAGE_MAX_RECORDS),
    }).strict(),
    output: z.object({
      records: z.array(JournalRecordSchema),
      /** The seq of the last record in this page (afterSeq when the page is empty). */
      nextSeq: z.number().int().min(0),
      /** True when no record follows this page. */
      done: z.boolean(),
      lastSeq: z.number().int().min(0),
    }),
  },
  /** The journal files a manager copied into the host's `journal-import/` folder (from a USB stick). */
  'journal.importFiles': {
    input: z.object({}).strict(),
    output: z.object({
      folder: z.string(),
      files: z.array(z.object({ fileName: z.string(), bytes: z.number().int().min(0) })),
    }),
  },
  /** Checks a file's whole chain and says what it holds; changes nothing. */
  'journal.checkImport': {
    input: z.object({ fileName: ImportFileNameSchema }).strict(),
    output: JournalImportSummarySchema,
  },
  /**
   * Makes a checked file this kiosk's journal (a new kiosk, or one whose journal is empty),
   * after which the renderer rebuilds its store with journal.read. Refused with 'conflict'
   * when this kiosk's journal already holds records: two journals are never merged.
   */
  'journal.import': {
    input: z.object({ fileName: ImportFileNameSchema }).strict(),
    output: JournalImportSummarySchema,
  },
} as const;

export type JournalStatus = z.infer<typeof JournalStatusSchema>;
export type JournalImportSummary = z.infer<typeof JournalImportSummarySchema>;
export type LastSale = z.infer<typeof LastSaleSchema>;
