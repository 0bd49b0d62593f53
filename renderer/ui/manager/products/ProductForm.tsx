import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GST_RATES_BPS } from '../../../../shared/catalog';
import type { ArtisanEntity, ProductEntity, UserEntity } from '../../../../shared/entities';
import { Banner } from '../../components/Banner';
import { Keypad } from '../../components/Keypad';
import { editAmount } from '../../components/keypadInput';
import { useMoney } from '../../components/Money';
import type { Station } from '../../../app/station';
import { PageBar, TextField, Toggle } from '../common/fields';
import { FormActions, SwitchActive, useRecordForm } from '../common/form';
import { saveProduct, setProductActive } from '../../../app/catalog-admin';
import {
  checkPrice, editDigits, percentText, productDraftFrom, productFormFrom,
  type ProductField, type ProductForm as Form,
} from '../logic/forms';

type KeypadTarget = 'price' | 'stock' | 'hsn';

interface ProductFormProps {
  station: Station;
  user: UserEntity;
  /** null: a new product. */
  product: ProductEntity | null;
  artisans: readonly ArtisanEntity[];
  onDone: (saved: ProductEntity | null) => void;
  onAdjustStock: (product: ProductEntity) => void;
}

/**
 * Creates or edits a product. Numbers (price, HSN, stock) can be typed on the keypad
 * beside the form; the price is rupees as typed and becomes paise exactly (parseRupees).
 * Stock of an existing product only changes through an adjustment with a reason.
 */
export function ProductForm({ station, user, product, artisans, onDone, onAdjustStock }: ProductFormProps) {
  const { t } = useTranslation('manager');
  const money = useMoney();
  const { form, setForm, set, errors, save, run, submit: write } = useRecordForm<Form, ProductField>(() => productFormFrom(product));
  const [target, setTarget] = useState<KeypadTarget>('price');
  const artisanSelect = useId();
  const gstSelect = useId();
  const isNew = product === null;

  const chooseArtisan = (artisanId: string) => setForm((f) => {
    // A new product usually has its maker's craft: fill it in, but never overwrite what was typed.
    const craft = f.craft === '' ? artisans.find((a) => a.id === artisanId)?.craft ?? '' : f.craft;
    return { ...f, artisanId, craft };
  });

  const pricePreview = useMemo(() => {
    const price = checkPrice(form.price);
    return price.ok ? money(price.value) : null;
  }, [form.price, money]);

  const press = (key: Parameters<typeof editAmount>[1]) => {
    if (target === 'price') set('price', editAmount(form.price, key));
    else if (target === 'hsn') set('hsn', editDigits(form.hsn, key, 8, 'code'));
    else if (isNew) set('stock', editDigits(form.stock, key, 7));
  };

  const submit = () => write(productDraftFrom(form, product?.stock ?? null), (draft) => saveProduct(station, user, draft), onDone);

  const toggleActive = async () => {
    if (!product) return;
    await run(() => setProductActive(station, user, product.id, !product.active), () => onDone({ ...product, active: !product.active }));
  };

  const activeArtisans = artisans.filter((a) => a.active || a.id === form.artisanId);

  return (
    <div className="mgr__page" data-testid="product-form">
      <PageBar title={isNew ? t('productForm.newTitle') : t('productForm.editTitle', { name: product.name })} onBack={() => onDone(null)} backLabel={t('productForm.back')} />
      {save.status === 'refused' ? <Banner tone="error" testId="product-form-error">{save.message}</Banner> : null}
      {product && !product.active ? <Banner tone="warn">{t('productForm.inactiveNote')}</Banner> : null}
      <div className="mform">
        <div className="panel mform__fields">
          <TextField label={t('productForm.name')} value={form.name} onChange={(v) => set('name', v)} error={errors.name} testId="product-name" maxLength={200} />
          <div className="mfield">
            <label className="mfield__label" htmlFor={artisanSelect}>{t('productForm.artisan')}</label>
            <select
              id={artisanSelect}
              className={`mselect${errors.artisanId ? ' mselect--error' : ''}`}
              value={form.artisanId}
              onChange={(e) => chooseArtisan(e.target.value)}
              data-testid="product-artisan"
            >
              <option value="">{t('productForm.chooseArtisan')}</option>
              {activeArtisans.map((a) => <option key={a.id} value={a.id}>{t('common.artisanOption', { code: a.code, name: a.name })}</option>)}
            </select>
            {errors.artisanId ? <p className="mfield__error">{t(`errors.${errors.artisanId.key}`)}</p> : null}
          </div>
          <TextField label={t('productForm.sku')} value={form.sku} onChange={(v) => set('sku', v)} error={errors.sku} hint={t('productForm.skuHint')} testId="product-sku" maxLength={40} />
          <TextField
            label={t('productForm.barcode')}
            value={form.barcode}
            onChange={(v) => set('barcode', v)}
            error={errors.barcode}
            hint={form.barcode.trim() === '' ? t('productForm.barcodeEmptyHint') : t('productForm.barcodeHint')}
            testId="product-barcode"
            maxLength={48}
          />
          <TextField label={t('productForm.craft')} value={form.craft} onChange={(v) => set('craft', v)} error={errors.craft} testId="product-craft" maxLength={60} />
          <TextField
            label={t('productForm.hsn')}
            value={form.hsn}
            onChange={(v) => set('hsn', v)}
            digits={8}
            error={errors.hsn}
            hint={t('productForm.hsnHint')}
            active={target === 'hsn'}
            onFocus={() => setTarget('hsn')}
            testId="product-hsn"
          />
          <TextField
            label={t('productForm.price')}
            value={form.price}
            onChange={(v) => set('price', v.trim())}
            inputMode="decimal"
            prefix="₹"
            error={errors.price}
            hint={pricePreview ? t('productForm.priceShows', { price: pricePreview }) : t('productForm.priceHint')}
            active={target === 'price'}
            onFocus={() => setTarget('price')}
            testId="product-price"
          />
          <div className="mfield">
            <label className="mfield__label" htmlFor={gstSelect}>{t('productForm.gst')}</label>
            <select id={gstSelect} className="mselect" value={form.gstOverride} onChange={(e) => set('gstOverride', e.target.value)} data-testid="product-gst">
              <option value="">{t('productForm.gstFromTable')}</option>
              {GST_RATES_BPS.map((bps) => <option key={bps} value={String(bps)}>{t('productForm.gstRate', { rate: percentText(bps) })}</option>)}
            </select>
            <p className="mfield__hint">{t('productForm.gstHint')}</p>
          </div>
          <Toggle
            label={t('productForm.handmade')}
            checked={form.handmade}
            onChange={(v) => set('handmade', v)}
            onText={t('productForm.handmadeYes')}
            offText={t('productForm.handmadeNo')}
            testId="product-handmade"
          />
          {isNew ? (
            <TextField
              label={t('productForm.stockNew')}
              value={form.stock}
              onChange={(v) => set('stock', v)}
              digits={7}
              error={errors.stock}
              active={target === 'stock'}
              onFocus={() => setTarget('stock')}
              testId="product-stock"
            />
          ) : (
            <div className="mfield">
              <span className="mfield__label">{t('productForm.stock')}</span>
              <div className="mform__stock">
                <strong className="mform__stock-count">{t('common.pieces', { count: product.stock })}</strong>
                <button type="button" className="btn btn--secondary" onClick={() => onAdjustStock(product)} data-testid="product-adjust-stock">
                  {t('productForm.adjustStock')}
                </button>
              </div>
              <p className="mfield__hint">{t('productForm.stockHint')}</p>
            </div>
          )}
        </div>
        <aside className="mform__side">
          <div className="mform__keypad">
            <p className="mform__keypad-target">{t('productForm.keypadFor', { field: t(`productForm.keypadTargets.${target}`) })}</p>
            <Keypad onKey={press} extraKey={target === 'price' ? '.' : 'clear'} label={t('productForm.keypad')} disabled={target === 'stock' && !isNew} />
          </div>
          <FormActions save={save} saveLabel={isNew ? t('productForm.create') : t('productForm.save')} onSave={() => void submit()} onCancel={() => onDone(null)} testId="product-save">
            {product ? (
              <SwitchActive active={product.active} name={product.name} words="productForm" onSwitch={() => void toggleActive()} testId="product-toggle-active" />
            ) : null}
          </FormActions>
        </aside>
      </div>
    </div>
  );
}
