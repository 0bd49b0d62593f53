import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductEntity } from '../../../../shared/entities';
import { Banner } from '../../components/Banner';
import { Money } from '../../components/Money';
import { PageBar, Stepper } from '../common/fields';
import { ListTable } from '../common/ListTable';
import { LOW_STOCK_LIMIT, useArtisans, useLowStock } from '../../../app/catalog-admin';
import { shown } from '../../../hooks/useLoadable';
import { useGeneration } from '../../../hooks/useGeneration';
import { ProductNameCell, useProductColumns } from '../products/productList';
import { StockDialog } from '../products/StockDialog';
import { DEFAULT_LOW_STOCK, type ManagerPageProps } from '../route';

/** Products on sale with this many pieces or fewer, emptiest first, with a quick adjustment. */
export function LowStockScreen({ station, user, onHome }: ManagerPageProps) {
  const { t } = useTranslation('manager');
  const [threshold, setThreshold] = useState(DEFAULT_LOW_STOCK);
  const [generation, reload] = useGeneration();
  const low = useLowStock(station, threshold, generation);
  const artisans = useArtisans(station, 0);
  const byId = useMemo(() => new Map((shown(artisans) ?? []).map((a) => [a.id, a])), [artisans]);
  const [adjusting, setAdjusting] = useState<ProductEntity | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = shown(low);
  const columns = useProductColumns();

  return (
    <div className="mgr__page" data-testid="low-stock-screen">
      <PageBar title={t('low.title')} onBack={onHome} backLabel={t('common.home')} />
      {notice ? <Banner tone="ok" testId="low-notice">{notice}</Banner> : null}
      <div className="mfilters mfilters--low">
        <Stepper label={t('low.threshold')} value={threshold} min={0} max={999} onChange={setThreshold} unit={t('low.piecesOrFewer')} testId="low-threshold" />
      </div>
      {low.status === 'failed' ? <Banner tone="error">{t('low.loadFailed', { message: low.message })}</Banner> : null}
      {rows && rows.length === 0 ? <p className="mgr__empty" data-testid="low-none">{t('low.none', { count: threshold })}</p> : null}
      {rows && rows.length > 0 ? (
        <ListTable
          columns={columns}
          testId="low-table"
          summary={rows.length >= LOW_STOCK_LIMIT ? t('low.countMany', { count: rows.length, threshold }) : t('low.count', { count: rows.length, threshold })}
        >
          {rows.map((p) => (
            <tr key={p.id} data-testid="low-row" data-sku={p.sku}>
              <ProductNameCell product={p} artisan={byId.get(p.artisanId)} />
              <td className="mtable__code">{p.sku}</td>
              <td className="num"><Money amount={p.price} /></td>
              <td className={`num mtable__stock${p.stock <= 0 ? ' mtable__out' : ''}`}>{p.stock}</td>
              <td className="mtable__actions">
                <button type="button" className="btn btn--secondary btn--small" onClick={() => setAdjusting(p)} data-testid="low-adjust">{t('low.adjust')}</button>
              </td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      {adjusting ? (
        <StockDialog
          station={station}
          user={user}
          product={adjusting}
          onClose={() => setAdjusting(null)}
          onSaved={(updated) => {
            setAdjusting(null);
            setNotice(t('stock.saved', { name: updated.name, count: updated.stock }));
            reload();
          }}
        />
      ) : null}
    </div>
  );
}
