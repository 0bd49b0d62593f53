import { useTranslation } from 'react-i18next';
import type { ArtisanEntity, ProductEntity } from '../../../../shared/entities';
import type { Column } from '../common/ListTable';

/** The columns of a list of products, on the catalog and the low-stock pages alike. */
export function useProductColumns(): Column[] {
  const { t } = useTranslation('manager');
  return [
    { label: t('products.colProduct') },
    { label: t('products.colSku') },
    { label: t('products.colPrice'), num: true },
    { label: t('products.colStock'), num: true },
    { label: t('products.colActions'), hidden: true },
  ];
}

/** A product's first cell: its name, who made it, and whether it is switched off. */
export function ProductNameCell({ product, artisan }: { product: ProductEntity; artisan: ArtisanEntity | undefined }) {
  const { t } = useTranslation('manager');
  return (
    <td>
      <div className="mtable__name">{product.name}</div>
      <div className="mtable__meta">
        {artisan ? t('products.byArtisan', { name: artisan.name, code: artisan.code }) : null}
        {!product.active ? <span className="badge badge--off">{t('common.inactive')}</span> : null}
      </div>
    </td>
  );
}
