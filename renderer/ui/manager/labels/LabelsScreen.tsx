import { useCallback, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildThermalLabel, labelDataFor, labelsForProducts, type LabelData } from '../../../../shared/labels';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { Money } from '../../components/Money';
import { SearchField } from '../../components/SearchField';
import { lookupBarcode, useProductSearch } from '../../../app/catalog';
import { isolate } from '../../format/bidi';
import { ReceiptPreview } from '../../receipt/ReceiptPreview';
import { useWedgeScanner } from '../../scanner/useWedgeScanner';
import { PageBar, Stepper } from '../common/fields';
import { useFormatCount } from '../common/numbers';
import { makeLabelSheet } from '../../../app/labels';
import { labelPicksReducer, MAX_COPIES, totalLabels, unprintablePicks, type LabelPick } from '../logic/labelPicks';
import type { ManagerPageProps } from '../route';
import { SheetPrint, ThermalPrint } from './PrintChoice';

const LABEL_LAYOUTS = ['3x8', '4x10'] as const;

/** A scan's outcome as a key and its values, so it follows a language switch. */
type ScanNote =
  | { tone: 'ok'; key: 'labels.scanned'; params: { name: string } }
  | { tone: 'error'; key: 'labels.unknownBarcode'; params: { code: string } }
  | { tone: 'error'; key: 'labels.lookupFailed'; params: { code: string; message: string } };

/**
 * Price labels: pick products (search, or scan an existing label), say how many of each
 * (one per piece in stock to start with), see the label, print it.
 */
export function LabelsScreen({ station, onHome }: ManagerPageProps) {
  const { t } = useTranslation('manager');
  const n = useFormatCount();
  const [picks, dispatch] = useReducer(labelPicksReducer, []);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [scanNote, setScanNote] = useState<ScanNote | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const width = station.settings.paperWidth;
  const storyBase = station.profile.storyBaseUrl;

  const add = useCallback((pick: Pick<LabelPick, 'product' | 'artisan'>) => {
    dispatch({ type: 'add', product: pick.product, artisan: pick.artisan });
    setPreviewId(pick.product.id);
  }, []);

  const onScan = useCallback(async (code: string) => {
    const found = await lookupBarcode(station, code);
    if (found.status !== 'ok') setScanNote({ tone: 'error', key: 'labels.lookupFailed', params: { code, message: found.message } });
    else if (found.value) {
      add(found.value);
      setScanNote({ tone: 'ok', key: 'labels.scanned', params: { name: isolate(found.value.product.name) } });
    } else setScanNote({ tone: 'error', key: 'labels.unknownBarcode', params: { code } });
  }, [station, add]);
  // Scanning an old label adds its product; not while the sheet dialog is in front.
  useWedgeScanner(!sheetOpen, (code) => void onScan(code));

  const total = totalLabels(picks);
  const bad = unprintablePicks(picks);
  const preview = picks.find((p) => p.product.id === previewId) ?? picks.at(-1) ?? null;
  const previewDoc = useMemo(() => {
    if (!preview) return null;
    try {
      return buildThermalLabel(labelDataFor(preview.product, preview.artisan, storyBase), width);
    } catch {
      return null;
    }
  }, [preview, storyBase, width]);

  // Built when printing starts, not on every render: a batch can be hundreds of labels.
  const labels = useCallback((): LabelData[] => labelsForProducts(picks, storyBase), [picks, storyBase]);
  const batchKey = picks.map((p) => `${p.product.id}×${p.copies}`).join(',');
  const blocked = bad.length > 0 ? t('labels.badBarcodes', { skus: bad.map((p) => p.product.sku).join(', ') }) : null;

  return (
    <div className="mgr__page" data-testid="labels-screen">
      <PageBar title={t('labels.title')} onBack={onHome} backLabel={t('common.home')} />
      <div className="labels">
        <ProductPicker station={station} onPick={add} note={scanNote} />

        <section className="panel labels__picks" aria-labelledby="picks-title">
          <div className="labels__picks-head">
            <h2 id="picks-title" className="panel-title">{t('labels.picksTitle')}</h2>
            {picks.length > 0 ? <button type="button" className="btn btn--ghost btn--small" onClick={() => dispatch({ type: 'clear' })}>{t('labels.clear')}</button> : null}
          </div>
          {picks.length === 0 ? <p className="labels__empty muted">{t('labels.none')}</p> : null}
          <ul className="picks" data-testid="label-picks">
            {picks.map((p) => (
              <li key={p.product.id} className={`pick${p === preview ? ' pick--previewed' : ''}`} data-testid="label-pick" data-sku={p.product.sku}>
                <button type="button" className="pick__show" onClick={() => setPreviewId(p.product.id)} aria-pressed={p === preview}>
                  <span className="pick__name">{p.product.name}</span>
                  <span className="pick__meta">
                    {t('labels.pickMeta', { sku: isolate(p.product.sku), artisan: isolate(p.artisan.name), stock: n(p.product.stock) })} · <Money amount={p.product.price} />
                  </span>
                </button>
                <Stepper
                  label={t('labels.copiesOf', { name: p.product.name })}
                  value={p.copies}
                  min={0}
                  max={MAX_COPIES}
                  onChange={(copies) => dispatch({ type: 'setCopies', productId: p.product.id, copies })}
                  compact
                  testId="label-copies"
                />
                <button type="button" className="btn btn--ghost btn--square pick__remove" onClick={() => dispatch({ type: 'remove', productId: p.product.id })} aria-label={t('labels.removeOf', { name: p.product.name })}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
          <footer className="labels__footer">
            <p className="labels__total" data-testid="labels-total">{t('labels.total', { count: total, shown: n(total) })}</p>
            {blocked ? <Banner tone="warn">{blocked}</Banner> : null}
            <ThermalPrint
              station={station}
              kind="labels"
              count={total}
              batchKey={batchKey}
              documents={() => labels().map((l) => buildThermalLabel(l, width))}
              disabled={blocked !== null}
            />
            <button
              type="button"
              className="btn btn--secondary btn--large"
              disabled={blocked !== null || total === 0}
              onClick={() => setSheetOpen(true)}
              data-testid="labels-sheet-open"
            >
              {t('labels.sheetOpen')}
            </button>
          </footer>
        </section>

        {/* Focusable: at 1024×768 the preview scrolls, and a keyboard must be able to scroll it. */}
        <aside className="panel labels__side" tabIndex={0} aria-labelledby="preview-title">
          <section aria-labelledby="preview-title" className="labels__preview">
            <h2 id="preview-title" className="panel-title">{t('labels.previewTitle')}</h2>
            {previewDoc ? <ReceiptPreview document={previewDoc} testId="label-preview" /> : <p className="muted">{preview ? t('labels.noPreview') : t('labels.previewHint')}</p>}
          </section>
        </aside>
      </div>
      {sheetOpen ? (
        <Dialog title={t('labels.sheetTitle', { count: total, shown: n(total) })} onClose={() => setSheetOpen(false)} closeLabel={t('common.close')} className="mdialog sheet-dialog" testId="labels-sheet-dialog">
          <SheetPrint
            station={station}
            kind="labels"
            count={total}
            batchKey={batchKey}
            layouts={LABEL_LAYOUTS}
            makeSheet={(layout, skip) => makeLabelSheet(station, { layout, labels: labels(), skip })}
            disabled={blocked !== null}
          />
        </Dialog>
      ) : null}
    </div>
  );
}

function ProductPicker({ station, onPick, note }: {
  station: ManagerPageProps['station'];
  onPick: (pick: Pick<LabelPick, 'product' | 'artisan'>) => void;
  note: ScanNote | null;
}) {
  const { t } = useTranslation('manager');
  const [query, setQuery] = useState('');
  const search = useProductSearch(station, query, 30);
  const results = search.status === 'done' || search.status === 'searching' ? search.results : [];
  return (
    <section className="panel labels__find" aria-labelledby="find-title">
      <h2 id="find-title" className="panel-title">{t('labels.findTitle')}</h2>
      <SearchField
        value={query}
        onChange={setQuery}
        placeholder={t('labels.searchPlaceholder')}
        label={t('labels.searchLabel')}
        clearLabel={t('common.clear')}
        testId="labels-search"
      />
      <div aria-live="polite">
        {note ? <Banner tone={note.tone} testId="labels-scan-note">{t(note.key, note.params)}</Banner> : null}
        {search.status === 'idle' ? <p className="muted">{t('labels.findHint')}</p> : null}
        {search.status === 'done' && results.length === 0 ? <p className="muted">{t('labels.noMatch', { query: search.query })}</p> : null}
        {search.status === 'failed' ? <p className="text-error">{t('labels.searchFailed', { message: search.message })}</p> : null}
      </div>
      <ul className="results" data-testid="labels-results">
        {results.map((found) => (
          <li key={found.product.id}>
            <button type="button" className="result" onClick={() => onPick(found)} data-testid="labels-result" data-sku={found.product.sku}>
              <span className="result__name">{found.product.name}</span>
              <Money className="result__price" amount={found.product.price} />
              <span className="result__meta">{t('labels.resultMeta', { sku: isolate(found.product.sku), artisan: isolate(found.artisan.name) })}</span>
              <span className="result__stock">{t('common.pieces', { count: found.product.stock })}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
