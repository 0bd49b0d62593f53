import Papa from 'papaparse';

/**
 * RFC 4180 reading and writing for the catalog files, through papaparse. What papaparse
 * does not give us is the physical line where each record starts, which a manager needs
 * to find a bad row in a spreadsheet; a quoted value may span lines, so the record index
 * is not the line number. We take it from the parser's cursor instead.
 */

export interface CsvRecord {
  /** 1-based physical line of the file where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvSyntaxIssue {
  line: number;
  message: string;
}

export interface CsvReadResult {
  records: CsvRecord[];
  issues: CsvSyntaxIssue[];
}

/**
 * Splits `text` into records. A BOM is dropped; CRLF, LF and lone CR all end a line, and
 * line breaks inside quoted values come back as "\n". Blank lines, and lines of empty
 * values only (spreadsheets leave ",,,," rows at the end), are left out.
 */
export function readCsv(text: string): CsvReadResult {
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  const issues: CsvSyntaxIssue[] = [];
  // Records arrive in order and their cursors only grow, so lines are counted once.
  let counted = 0;
  let line = 1;
  let start = 0;
  const lineAt = (offset: number): number => {
    for (; counted < offset; counted++) if (body.charCodeAt(counted) === 10) line++;
    return line;
  };
  Papa.parse<string[]>(body, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    // Blank lines must reach `step` so that every record's start is the previous cursor.
    skipEmptyLines: false,
    step: (result) => {
      const recordLine = lineAt(start);
      start = result.meta.cursor;
      for (const error of result.errors) {
        issues.push({
          line: recordLine,
          message: error.code === 'MissingQuotes'
            ? 'a value opens a double quote (") that is never closed, so the rest of the file reads as one value — close the quote or remove it'
            : 'a double quote (") is out of place — inside a quoted value write a quote as two quotes ("")',
        });
      }
      const fields = result.data;
      if (fields.every((f) => f.trim() === '')) return;
      records.push({ line: recordLine, fields });
    },
  });
  return { records, issues };
}

/**
 * One CSV text: the header, then a record per row, every record ending in CRLF as
 * RFC 4180 has it (the last one too, as spreadsheets write it). Values are quoted only
 * where they must be, so an export reads like the files managers write by hand.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const text = Papa.unparse([header.slice(), ...rows.map((r) => r.slice())], {
    delimiter: ',',
    newline: '\r\n',
    quotes: false,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    // Formula escaping would put a quote before "+91 …" phone numbers and change the data.
    escapeFormulae: false,
  });
  return `${text}\r\n`;
}
