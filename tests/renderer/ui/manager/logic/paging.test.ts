import { describe, expect, it } from 'vitest';
import { pageWindow } from '../../../../../renderer/ui/manager/logic/paging';

describe('manager paging', () => {
  it('shows positions 1-based and the last page short', () => {
    expect(pageWindow(100_000, 0, 50)).toEqual({ page: 0, pages: 2000, offset: 0, first: 1, last: 50 });
    expect(pageWindow(420, 8, 50)).toEqual({ page: 8, pages: 9, offset: 400, first: 401, last: 420 });
  });

  it('clamps a page past the end (the list shrank after a filter) to the last page', () => {
    expect(pageWindow(120, 7, 50)).toMatchObject({ page: 2, offset: 100, first: 101, last: 120 });
    expect(pageWindow(120, -3, 50)).toMatchObject({ page: 0, first: 1 });
  });

  it('says 0–0 of an empty list, on one page', () => {
    expect(pageWindow(0, 4, 50)).toEqual({ page: 0, pages: 1, offset: 0, first: 0, last: 0 });
  });
});
