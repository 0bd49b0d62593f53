/**
 * Page arithmetic for lists that never load the whole table: 100,000 products are
 * shown a page at a time, and only the page on screen is in React state.
 */
export interface PageWindow {
  /** 0-based page number, clamped to the pages there are. */
  page: number;
  pages: number;
  offset: number;
  /** 1-based positions of the first and last row shown; both 0 when there are none. */
  first: number;
  last: number;
}

export function pageWindow(total: number, page: number, size: number): PageWindow {
  if (!Number.isInteger(size) || size <= 0) throw new RangeError(`Page size must be a whole number above 0, got ${size}`);
  const pages = Math.max(1, Math.ceil(Math.max(0, total) / size));
  const clamped = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const offset = clamped * size;
  if (total <= 0) return { page: 0, pages: 1, offset: 0, first: 0, last: 0 };
  return { page: clamped, pages, offset, first: offset + 1, last: Math.min(total, offset + size) };
}
