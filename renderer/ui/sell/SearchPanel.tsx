import { memo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductWithArtisan } from '../../db';
import { Money } from '../components/Money';
import { SearchField } from '../components/SearchField';
import { useProductSearch } from '../../app/catalog';
import type { Station } from '../../app/station';

/** A label's number typed by hand (a scanner that failed to read): digits only, long enough. */
const TYPED_BARCODE = /^\d{6,14}$/;

interface SearchPanelProps {
  station: Station;
  onPick: (found: ProductWithArtisan) => void;
  /** Enter on a typed barcode looks it up like a scan. */
  onBarcode: (code: string) => void;
}

/**
 * Search by name words or SKU; tap a result to add it. Memoised (its handlers are stable):
 * a scan redraws the cart, not the search.
 */
export const SearchPanel = memo(function SearchPanel({ station, onPick, onBarcode }: SearchPanelProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const search = useProductSearch(station, query);
  const results = search.status === 'done' || search.status === 'searching' ? search.results : [];

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const typed = query.trim();
    if (TYPED_BARCODE.test(typed)) {
      onBarcode(typed);
      setQuery('');
    } else if (search.status === 'done' && search.results.length === 1) {
      onPick(search.results[0]!);
    }
  };

  return (
    <section className="search" aria-labelledby="search-title">
      <h2 id="search-title" className="panel-title">{t('search.title')}</h2>
      <SearchField
        value={query}
        onChange={setQuery}
        onKeyDown={onKeyDown}
        placeholder={t('search.placeholder')}
        label={t('search.label')}
        clearLabel={t('search.clear')}
        testId="search-input"
      />
      <div className="search__status" aria-live="polite">
        {search.status === 'idle' ? <p className="muted">{t('search.hint')}</p> : null}
        {search.status === 'done' && results.length === 0 ? <p className="muted">{t('search.none', { query: search.query })}</p> : null}
        {search.status === 'failed' ? <p className="text-error">{t('search.failed', { message: search.message })}</p> : null}
      </div>
      <ResultList results={results} onPick={onPick} />
    </section>
  );
});

const ResultList = memo(function ResultList({ results, onPick }: { results: ProductWithArtisan[]; onPick: (found: ProductWithArtisan) => void }) {
  const { t } = useTranslation();
  if (results.length === 0) return null;
  return (
    <ul className="results" data-testid="search-results">
      {results.map((found) => {
        const { product, artisan } = found;
        return (
          <li key={product.id}>
            <button type="button" className="result" data-testid="search-result" onClick={() => onPick(found)}>
              <span className="result__name">{product.name}</span>
              <Money className="result__price" amount={product.price} />
              <span className="result__meta">
                {t('search.resultMeta', { sku: product.sku, artisan: artisan.name })}
              </span>
              <span className={`result__stock${product.stock <= 0 ? ' result__stock--out' : ''}`}>
                {product.stock > 0 ? t('search.inStock', { count: product.stock }) : t('search.outOfStock')}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
});
