import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArtisanEntity } from '../../../../shared/entities';
import { Banner } from '../../components/Banner';
import { useRecordList } from '../common/useRecordList';
import { PageBar } from '../common/fields';
import { ListFilters, ListTable } from '../common/ListTable';
import { shown } from '../../../hooks/useLoadable';
import { useArtisans } from '../../../app/catalog-admin';
import { percentText } from '../logic/forms';
import type { ManagerPageProps } from '../route';
import { ArtisanForm } from './ArtisanForm';
import { CardsDialog } from './CardsDialog';

type View = { kind: 'list' } | { kind: 'edit'; artisan: ArtisanEntity | null };

/** Lower-case words of what a manager may type to find an artisan. */
function matches(artisan: ArtisanEntity, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (q === '') return true;
  const hay = `${artisan.code} ${artisan.name} ${artisan.craft} ${artisan.village} ${artisan.cooperative}`.toLocaleLowerCase();
  return q.split(/\s+/).every((w) => hay.includes(w));
}

/**
 * Artisans: the list (a market has tens to hundreds, so it is filtered on the page),
 * the form, and ID cards for the ones ticked.
 */
export function ArtisansScreen({ station, user, onHome }: ManagerPageProps) {
  const { t } = useTranslation('manager');
  const { view, show, generation, notice, formDone } = useRecordList<View>({ kind: 'list' });
  const artisans = useArtisans(station, generation);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [cards, setCards] = useState(false);
  const all = useMemo(() => shown(artisans) ?? [], [artisans]);
  const rows = useMemo(() => all.filter((a) => matches(a, query)), [all, query]);
  const pickedArtisans = useMemo(() => all.filter((a) => picked.has(a.id)), [all, picked]);

  if (view.kind === 'edit') {
    return (
      <ArtisanForm
        station={station}
        user={user}
        artisan={view.artisan}
        onDone={formDone((saved) => (saved.active ? t('artisans.saved', { name: saved.name, code: saved.code }) : t('artisans.savedInactive', { name: saved.name })))}
      />
    );
  }

  const columns = [
    { label: t('artisans.colCard') },
    { label: t('artisans.colCode') },
    { label: t('artisans.colName') },
    { label: t('artisans.colCommission'), num: true },
    { label: t('artisans.colMarks') },
    { label: t('artisans.colActions'), hidden: true },
  ];
  const toggle = (id: string) => setPicked((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });

  return (
    <div className="mgr__page" data-testid="artisans-screen">
      <PageBar title={t('artisans.title')} onBack={onHome} backLabel={t('common.home')}>
        <button type="button" className="btn btn--primary" onClick={() => show({ kind: 'edit', artisan: null })} data-testid="artisan-new">
          {t('artisans.new')}
        </button>
      </PageBar>
      {notice ? <Banner tone="ok" testId="artisans-notice">{notice}</Banner> : null}
      <ListFilters list="artisans" query={query} onQuery={setQuery} />
      {artisans.status === 'failed' ? <Banner tone="error">{t('artisans.loadFailed', { message: artisans.message })}</Banner> : null}
      <ListTable columns={columns} testId="artisans-table" summary={t('artisans.count', { count: rows.length, total: all.length })}>
        {rows.map((a) => (
          <tr key={a.id} className={a.active ? undefined : 'is-inactive'} data-testid="artisan-row" data-code={a.code}>
            <td className="mtable__pick">
              <button
                type="button"
                role="checkbox"
                aria-checked={picked.has(a.id)}
                aria-label={t('artisans.pickForCard', { name: a.name })}
                className="pickbox"
                onClick={() => toggle(a.id)}
                data-testid="artisan-pick"
              >
                <span aria-hidden="true">{picked.has(a.id) ? '✓' : ''}</span>
              </button>
            </td>
            <td className="mtable__code">{a.code}</td>
            <td>
              <div className="mtable__name">{a.name}</div>
              <div className="mtable__meta">{[a.craft, a.village, a.cooperative].filter(Boolean).join(' · ')}</div>
            </td>
            <td className="num">{t('artisans.percent', { value: percentText(a.commissionBps) })}</td>
            <td>
              <div className="mtable__marks">
                {a.fairWageCertified ? <span className="mark mark--fairwage">{t('artisans.fairWage')}</span> : null}
                {a.pinHash ? null : <span className="badge">{t('artisans.noPin')}</span>}
                {!a.active ? <span className="badge badge--off">{t('common.inactive')}</span> : null}
              </div>
            </td>
            <td className="mtable__actions">
              <button type="button" className="btn btn--secondary btn--small" onClick={() => show({ kind: 'edit', artisan: a })} data-testid="artisan-edit">{t('common.edit')}</button>
            </td>
          </tr>
        ))}
      </ListTable>
      <div className="panel mgr__footer">
        <span>{picked.size > 0 ? t('artisans.picked', { count: picked.size }) : t('artisans.pickHint')}</span>
        {picked.size > 0 ? <button type="button" className="btn btn--ghost" onClick={() => setPicked(new Set())}>{t('artisans.unpick')}</button> : null}
        <button type="button" className="btn btn--primary" disabled={picked.size === 0} onClick={() => setCards(true)} data-testid="artisans-cards">
          {picked.size === 0 ? t('artisans.printCardsNone') : t('artisans.printCards', { count: picked.size })}
        </button>
      </div>
      {cards ? <CardsDialog station={station} artisans={pickedArtisans} onClose={() => setCards(false)} /> : null}
    </div>
  );
}
