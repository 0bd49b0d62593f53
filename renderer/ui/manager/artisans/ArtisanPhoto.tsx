import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArtisanEntity, UserEntity } from '../../../../shared/entities';
import { Banner } from '../../components/Banner';
import { removeArtisanPhoto, setArtisanPhotoFromFile, useArtisanPhotoUrl } from '../../../app/artisan-photos';
import type { Station } from '../../../app/station';

type PhotoState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'done'; what: 'stored' | 'removed' }
  | { status: 'refused'; message: string }
  | { status: 'failed'; message: string };

/**
 * An artisan's photo on her page: a preview, "Choose photo…" (a file, made smaller and
 * stored at once, like a PIN change) and "Remove photo". A new artisan is saved first:
 * the photo is stored under her id.
 */
export function ArtisanPhoto({ station, user, artisan }: { station: Station; user: UserEntity; artisan: ArtisanEntity | null }) {
  const { t } = useTranslation('manager');
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<PhotoState>({ status: 'idle' });
  const url = useArtisanPhotoUrl(station, artisan?.id ?? null, generation);

  if (!artisan) {
    return (
      <div className="mfield artisan-photo">
        <span className="mfield__label">{t('photos.title')}</span>
        <p className="muted">{t('photos.saveFirst')}</p>
      </div>
    );
  }

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setState({ status: 'working' });
    const outcome = await setArtisanPhotoFromFile(station, user, artisan.id, file);
    if (outcome.status !== 'ok') setState({ status: outcome.status, message: outcome.message });
    else if (outcome.value.status === 'refused') setState({ status: 'refused', message: t(`photos.refused.${outcome.value.refusal.reason}`, { name: file.name }) });
    else {
      setState({ status: 'done', what: 'stored' });
      setGeneration((g) => g + 1);
    }
  };

  const remove = async () => {
    setState({ status: 'working' });
    const outcome = await removeArtisanPhoto(station, user, artisan.id);
    if (outcome.status !== 'ok') setState({ status: outcome.status, message: outcome.message });
    else {
      setState({ status: 'done', what: 'removed' });
      setGeneration((g) => g + 1);
    }
  };

  const working = state.status === 'working';
  return (
    <div className="mfield artisan-photo" data-testid="artisan-photo">
      <span className="mfield__label">{t('photos.title')}</span>
      {url ? <img className="artisan-photo__preview" src={url} alt={t('photos.alt', { name: artisan.name })} data-testid="artisan-photo-preview" />
        : <p className="muted" data-testid="artisan-photo-none">{t('photos.none')}</p>}
      <div className="filepick__buttons">
        <label className={`btn btn--secondary filepick__button${working ? ' is-disabled' : ''}`}>
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"
            className="filepick__input"
            disabled={working}
            data-testid="artisan-photo-input"
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          {working ? t('photos.working') : url ? t('photos.chooseOther') : t('photos.choose')}
        </label>
        {url ? <button type="button" className="btn btn--ghost" disabled={working} onClick={() => void remove()} data-testid="artisan-photo-remove">{t('photos.remove')}</button> : null}
      </div>
      <p className="mfield__hint">{t('photos.hint')}</p>
      <div aria-live="polite">
        {state.status === 'done' ? <Banner tone="ok" testId="artisan-photo-done">{t(state.what === 'stored' ? 'photos.stored' : 'photos.removed')}</Banner> : null}
        {state.status === 'refused' ? <Banner tone="error" testId="artisan-photo-error">{state.message}</Banner> : null}
        {state.status === 'failed' ? <Banner tone="error" testId="artisan-photo-error">{t('photos.failed', { message: state.message })}</Banner> : null}
      </div>
    </div>
  );
}
