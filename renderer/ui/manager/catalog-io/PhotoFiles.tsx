import { useTranslation } from 'react-i18next';
import type { PhotoImportSummary, PhotoRefusal } from '../../../app/artisan-photos';
import { useFormatCount } from '../common/numbers';

/** The photo folder chosen for the import (issue 12): nothing, being read, or read. */
export type PhotoFolder =
  | { status: 'none' }
  | { status: 'preparing'; count: number }
  | { status: 'ready'; count: number };

/** The third slot beside artisans.csv and products.csv: the pictures of the photos/ folder. */
export function PhotoSlot({ folder, disabled, onChoose, onRemove }: {
  folder: PhotoFolder;
  disabled: boolean;
  onChoose: (files: File[]) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('manager');
  const chosen = folder.status !== 'none';
  return (
    <div className={`filepick${chosen ? ' filepick--chosen' : ''}`} data-testid="file-slot-photos">
      <div className="filepick__what">
        <strong>{t('files.slot.photos')}</strong>
        <span className="muted">{t('files.slotAbout.photos')}</span>
      </div>
      {folder.status === 'preparing' ? <p className="filepick__chosen" role="status">{t('files.photosPreparing')}</p> : null}
      <div className="filepick__buttons">
        <label className={`btn ${chosen ? 'btn--ghost' : 'btn--secondary'} filepick__button${disabled ? ' is-disabled' : ''}`}>
          <input
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"
            className="filepick__input"
            disabled={disabled}
            data-testid="file-input-photos"
            onChange={(e) => {
              onChoose([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
          {t('files.choosePhotos')}
        </label>
        {chosen ? <button type="button" className="btn btn--ghost" disabled={disabled} onClick={onRemove}>{t('files.remove')}</button> : null}
      </div>
    </div>
  );
}

/** "N photos ready/imported, M refused", and each refusal in the manager's words. */
export function PhotoSummary({ summary, done }: { summary: PhotoImportSummary; done: boolean }) {
  const { t } = useTranslation('manager');
  const n = useFormatCount();
  const counts = { ready: n(summary.imported.length), count: n(summary.imported.length), refused: n(summary.refused.length) };
  return (
    <div className="io__photos" data-testid="photo-summary">
      <p data-testid="photo-counts">{t(done ? 'files.photosImported' : 'files.photosReady', counts)}</p>
      {summary.refused.length > 0 ? (
        <>
          <strong>{t('files.photosRefusedTitle')}</strong>
          <ul className="io__photo-refusals" data-testid="photo-refusals">
            {summary.refused.map((r) => <li key={r.file} data-testid="photo-refusal">{refusalText(t, r)}</li>)}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function refusalText(t: ReturnType<typeof useTranslation<'manager'>>['t'], r: PhotoRefusal): string {
  return t(`photos.refused.${r.reason}`, { name: r.file });
}
