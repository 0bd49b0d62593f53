/**
 * Errors cross the host boundary as data (Electron drops Error subclasses), and the
 * renderer decides per `code` whether to retry or to tell the person what to do.
 */
export type ErrorCode =
  | 'bad-request'      // the call broke the contract: a bug in the caller
  | 'unauthorized'     // loopback transport: missing or wrong token
  | 'not-found'
  | 'printer-offline'  // could not reach the printer; the job can be retried
  | 'printer-error'    // the printer answered with a fault (paper out, cover open)
  | 'not-configured'   // a setting the call needs is missing
  | 'io-error'         // the host could not read or write its data folder
  | 'conflict'         // journal: this record id is already journaled with other content
  | 'number-reused'    // journal: the invoice number was issued before; restore the store
  | 'journal-damaged'  // journal: the file is damaged in the middle; nothing more is appended
  | 'busy'             // the same heavy call (a backup, a PDF sheet) is already running; try again in a moment
  | 'internal';        // anything else; the message says what to do

export interface HostError { code: ErrorCode; message: string }

export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostError };

export function ok<T>(value: T): HostResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): HostResult<T> {
  return { ok: false, error: { code, message } };
}

/** Thrown inside host handlers to answer with a specific code and a person-readable message. */
export class HostFailure extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }
}
