/**
 * The part of escpos 3.0.0-alpha.6's Printer core this app uses (the package ships no
 * types). Methods write into the printer's buffer; flush() hands it to the adapter.
 */
declare module 'escpos' {
  interface EscposAdapter {
    write(data: Buffer, callback?: (error?: Error | null) => void): void;
  }

  class Printer {
    constructor(adapter: EscposAdapter, options?: { encoding?: string; width?: number });
    hardware(command: 'init' | 'select' | 'reset'): this;
    setCharacterCodeTable(table: number): this;
    align(align: 'lt' | 'ct' | 'rt'): this;
    size(width: number, height: number): this;
    text(content: string, encoding?: string): this;
    feed(lines?: number): this;
    raw(data: Buffer | string): this;
    flush(callback?: (error?: Error | null) => void): this;
  }

  export default Printer;
}
