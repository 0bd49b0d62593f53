import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArtisanEntity, ProductEntity } from '../../../../shared/entities';
import { Banner } from '../../components/Banner';
import { Money } from '../../components/Money';
import { useRecordList } from '../common/useRecordList';
import { PageBar } from '../common/fields';
import { ListFilters, ListTable } from '../common/ListTable';
import { useFormatCount } from '../common/numbers';
import { shown } from '../../../hooks/useLoadable';
import { useArtisans, useProductList } from '../../../app/catalog-admin';
import { useDebounced } from '../../../hooks/useDebounced';
import { pageWindow } from '../logic/paging';
import type { ManagerPageProps } from '../route';
import { ProductForm } from './ProductForm';
import { ProductNameCell, useProductColumns } from './productList';
import { StockDialog } from './StockDialog';

const PAGE_SIZE = 50;

type View = { kind: 'list' } | { kind: 'edit'; product: ProductEntity | null };

/**
 * The catalog a page at a time. Typing searches the name/SKU index; otherwise pages go
 * by SKU, optionally one artisan's. Only the page on screen is held, so it stays quick
 * with 100,000 products.
 */
export function ProductsScreen({ station, user, onHome }: ManagerPageProps) {
  const { t } = useTranslation('manager');
  const { view, setView, show, generation, reload, notice, setNotice, formDone } = useRecordList<View>({ kind: 'list' });
  const [query, setQuery] = useState('');
  const [artisanId, setArtisanId] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [stockFor, setStockFor] = useState<ProductEntity | null>(null);
  const artisans = useArtisans(station, generation);
  const artisanList = useMemo(() => shown(artisans) ?? [], [artisans]);

  const afterStock = (updated: ProductEntity) => {
    setStockFor(null);
    setNotice(t('stock.saved', { name: updated.name, count: updated.stock }));
    setView((v) => (v.kind === 'edit' && v.product?.id === updated.id ? { kind: 'edit', product: updated } : v));
    reload();
  };

  const stockDialog = stockFor ? (
    <StockDialog station={station} user={user} product={stockFor} onClose={() => setStockFor(null)} onSaved={afterStock} />
  ) : null;

  if (view.kind === 'edit') {
    return (
      <>
        <ProductForm
          station={station}
          user={user}
          product={view.product}
          artisans={artisanList}
          onAdjustStock={setStockFor}
          onDone={formDone((saved) => (saved.active
            ? t('products.saved', { name: saved.name, barcode: saved.barcode })
            : t('products.savedInactive', { name: saved.name })))}
        />
        {stockDialog}
      </>
    );
  }

  return (
    <div className="mgr__page" data-testid="products-screen">
      <PageBar title={t('products.title')} onBack={onHome} backLabel={t('common.home')}>
        <button type="button" className="btn btn--primary" onClick={() => setView({ kind: 'edit', product: null })} data-testid="product-new">
          {t('products.new')}
        </button>
      </PageBar>
      {notice ? <Banner tone="ok" testId="products-notice">{notice}</Banner> : null}
      <ProductFilters
        query={query}
        onQuery={(q) => { setQuery(q); setPage(0); }}
        artisanId={artisanId}
        onArtisan={(id) => { setArtisanId(id); setPage(0); }}
        artisans={artisanList}
      />
      <ProductTable
        station={station}
        query={query}
        artisanId={artisanId}
        page={page}
        onPage={setPage}
        generation={generation}
        artisans={artisanList}
        onEdit={(product) => show({ kind: 'edit', product })}
        onStock={setStockFor}
      />
      {stockDialog}
    </div>
  );
}

function ProductFilters({ query, onQuery, artisanId, onArtisan, artisans }: {
  query: string;
  onQuery: (q: string) => void;
  artisanId: string | null;
  onArtisan: (id: string | null) => void;
  artisans: readonly ArtisanEntity[];
}) {
  const { t } = useTranslation('manager');
  const selectId = useId();
  return (
    <ListFilters list="products" query={query} onQuery={onQuery}>
      <label className="visually-hidden" htmlFor={selectId}>{t('products.artisanFilter')}</label>
      <select
        id={selectId}
        className="mselect mfilters__artisan"
        value={artisanId ?? ''}
        onChange={(e) => onArtisan(e.target.value === '' ? null : e.target.value)}
        data-testid="products-artisan-filter"
      >
        <option value="">{t('products.allArtisans')}</option>
        {artisans.map((a) => <option key={a.id} value={a.id}>{t('common.artisanOption', { code: a.code, name: a.name })}</option>)}
      </select>
    </ListFilters>
  );
}

interface ProductTableProps {
  station: ManagerPageProps['station'];
  query: string;
  artisanId: string | null;
  page: number;
  onPage: (page: number) => void;
  generation: number;
  artisans: readonly ArtisanEntity[];
  onEdit: (product: ProductEntity) => void;
  onStock: (product: ProductEntity) => void;
}

function ProductTable({ station, query, artisanId, page, onPage, generation, artisans, onEdit, onStock }: ProductTableProps) {
  const { t } = useTranslation('manager');
  const count = useFormatCount();
  const columns = useProductColumns();
  const settledQuery = useDebounced(query.trim(), 150);
  const list = useProductList(station, { query: settledQuery, artisanId, offset: page * PAGE_SIZE, limit: PAGE_SIZE, generation });
  const data = shown(list);
  const byId = useMemo(() => new Map(artisans.map((a) => [a.id, a])), [artisans]);

  if (list.status === 'failed') return <Banner tone="error">{t('products.loadFailed', { message: list.message })}</Banner>;
  if (!data) return <p className="muted mgr__loading">{t('common.loading')}</p>;

  const win = data.mode === 'page' ? pageWindow(data.total, Math.floor(data.offset / PAGE_SIZE), PAGE_SIZE) : null;
  const summary = (
    <>
      {data.mode === 'search'
        ? data.rows.length === 0
          ? t('products.noMatch', { query: settledQuery })
          : data.more ? t('products.firstMatches', { count: data.rows.length }) : t('products.matches', { count: data.rows.length })
        : data.total === 0
          ? t('products.empty')
          : t('products.showing', { first: count(win!.first), last: count(win!.last), total: count(data.total) })}
      {data.mode === 'search' ? <span className="muted"> {t('products.searchActiveOnly')}</span> : null}
    </>
  );
  const pager = win && win.pages > 1 ? (
    <nav className="pager" aria-label={t('products.pages')}>
      <button type="button" className="btn btn--ghost" disabled={win.page === 0} onClick={() => onPage(0)}>{t('pager.first')}</button>
      <button type="button" className="btn btn--ghost" disabled={win.page === 0} onClick={() => onPage(win.page - 1)} data-testid="pager-prev">{t('pager.previous')}</button>
      <span className="pager__where">{t('pager.where', { page: count(win.page + 1), pages: count(win.pages) })}</span>
      <button type="button" className="btn btn--ghost" disabled={win.page >= win.pages - 1} onClick={() => onPage(win.page + 1)} data-testid="pager-next">{t('pager.next')}</button>
      <button type="button" className="btn btn--ghost" disabled={win.page >= win.pages - 1} onClick={() => onPage(win.pages - 1)}>{t('pager.last')}</button>
    </nav>
  ) : null;
  return (
    <ListTable columns={columns} testId="products-table" summary={summary} summaryTestId="products-summary" busy={list.status === 'loading'} footer={pager}>
      {data.rows.map((p) => (
        <tr key={p.id} className={p.active ? undefined : 'is-inactive'} data-testid="product-row" data-sku={p.sku}>
          <ProductNameCell product={p} artisan={byId.get(p.artisanId)} />
          <td className="mtable__code">
            <div>{p.sku}</div>
            <div className="mtable__meta">{p.barcode}</div>
          </td>
          <td className="num"><Money amount={p.price} /></td>
          <td className={`num${p.stock <= 0 ? ' mtable__out' : ''}`}>{count(p.stock)}</td>
          <td className="mtable__actions">
            <button type="button" className="btn btn--ghost btn--small" onClick={() => onStock(p)} data-testid="product-stock-button">{t('products.stockButton')}</button>
            <button type="button" className="btn btn--secondary btn--small" onClick={() => onEdit(p)} data-testid="product-edit">{t('common.edit')}</button>
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
