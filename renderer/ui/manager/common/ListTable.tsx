import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchField } from '../../components/SearchField';

export interface Column {
  label: string;
  /** Figures: aligned to the end so the digits line up. */
  num?: boolean;
  /** Named for a screen reader only, e.g. the column of Edit buttons. */
  hidden?: boolean;
}

interface ListTableProps {
  columns: readonly Column[];
  /** The rows (`<tr>`s). */
  children: ReactNode;
  testId: string;
  /** A line above the table saying what is listed; read out when it changes. */
  summary?: ReactNode;
  summaryTestId?: string;
  busy?: boolean;
  /** Below the table, outside its scrolling: a pager. */
  footer?: ReactNode;
}

/** A manager's list page body: a summary line, then a table that scrolls under its headings. */
export function ListTable({ columns, children, testId, summary, summaryTestId, busy, footer }: ListTableProps) {
  return (
    <div className="panel mlist" aria-busy={busy}>
      {summary === undefined ? null : <p className="mlist__summary" aria-live="polite" data-testid={summaryTestId}>{summary}</p>}
      <div className="mlist__scroll">
        <table className="table mtable" data-testid={testId}>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                  {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {footer}
    </div>
  );
}

/**
 * The row of filters above a list: its search box (in the list's own words, `list.searchLabel`
 * and `list.searchPlaceholder`) and then any other filter.
 */
export function ListFilters({ list, query, onQuery, children }: {
  list: 'artisans' | 'products';
  query: string;
  onQuery: (query: string) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('manager');
  return (
    <div className="mfilters">
      <SearchField
        className="mfilters__search"
        value={query}
        onChange={onQuery}
        placeholder={t(`${list}.searchPlaceholder`)}
        label={t(`${list}.searchLabel`)}
        clearLabel={t('common.clear')}
        testId={`${list}-search`}
      />
      {children}
    </div>
  );
}
