import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArtisanEntity } from '../../../../shared/entities';
import { buildArtisanCard, cardDataFor, CardDataSchema } from '../../../../shared/labels';
import { Dialog } from '../../components/Dialog';
import type { Station } from '../../../app/station';
import { ReceiptPreview } from '../../receipt/ReceiptPreview';
import { makeCardSheet } from '../../../app/labels';
import { SheetPrint, ThermalPrint } from '../labels/PrintChoice';
import { useFormatCount } from '../common/numbers';
import { Banner } from '../../components/Banner';

const CARD_LAYOUTS = ['2x5', '3x8'] as const;

/**
 * Artisan ID cards (name, craft, cooperative, Code 128 of the code): scanned at the
 * kiosk to open the artisan's earnings. One card each; a preview of any of them.
 */
export function CardsDialog({ station, artisans, onClose }: { station: Station; artisans: readonly ArtisanEntity[]; onClose: () => void }) {
  const { t } = useTranslation('manager');
  const [previewId, setPreviewId] = useState(artisans[0]?.id ?? null);
  const cards = useMemo(() => artisans.map(cardDataFor), [artisans]);
  // A code the host would refuse (not printable ASCII) is named before anything is sent.
  const bad = artisans.filter((a) => !CardDataSchema.safeParse(cardDataFor(a)).success);
  const preview = artisans.find((a) => a.id === previewId) ?? artisans[0];
  const width = station.settings.paperWidth;
  const n = useFormatCount();
  const batchKey = artisans.map((a) => a.id).join(',');
  const blocked = bad.length > 0 ? t('cards.badCodes', { codes: bad.map((a) => a.code).join(', ') }) : null;
  return (
    <Dialog title={t('cards.title')} onClose={onClose} closeLabel={t('common.close')} className="mdialog cards-dialog" testId="cards-dialog">
      <div className="cards-dialog__layout">
        <div className="cards-dialog__preview">
          <div className="chips" role="group" aria-label={t('cards.previewOf')}>
            {artisans.map((a) => (
              <button key={a.id} type="button" className="chip" aria-pressed={a.id === preview?.id} onClick={() => setPreviewId(a.id)}>{a.code}</button>
            ))}
          </div>
          {preview ? <ReceiptPreview document={buildArtisanCard(cardDataFor(preview), width)} testId="card-preview" /> : null}
        </div>
        <section className="printchoice" aria-labelledby="print-cards-title" data-testid="print-cards">
          <h2 id="print-cards-title" className="panel-title">{t('print.cards.title', { count: cards.length, shown: n(cards.length) })}</h2>
          {blocked ? <Banner tone="warn">{blocked}</Banner> : null}
          <div className="printchoice__way">
            <h3 className="printchoice__heading">{t('print.thermalHeading')}</h3>
            <p className="muted">{t('print.cards.thermalHint')}</p>
            <ThermalPrint
              station={station}
              kind="cards"
              count={cards.length}
              batchKey={batchKey}
              documents={() => cards.map((c) => buildArtisanCard(c, width))}
              disabled={blocked !== null}
            />
          </div>
          <div className="printchoice__way">
            <h3 className="printchoice__heading">{t('print.sheetHeading')}</h3>
            <SheetPrint
              station={station}
              kind="cards"
              count={cards.length}
              batchKey={batchKey}
              layouts={CARD_LAYOUTS}
              makeSheet={(layout, skip) => makeCardSheet(station, { layout, cards, skip })}
              disabled={blocked !== null}
            />
          </div>
        </section>
      </div>
    </Dialog>
  );
}
