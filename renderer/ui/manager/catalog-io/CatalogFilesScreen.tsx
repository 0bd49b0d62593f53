import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogProblem, ImportPlan } from '../../../../shared/catalog';
import { Banner } from '../../components/Banner';
import { PageBar } from '../common/fields';
import { useFormatCount } from '../common/numbers';
import { useObjectUrl } from '../../../hooks/useObjectUrl';
import {
  checkCatalogFiles, csvObjectUrl, exportCatalogFiles, importCatalogFiles, readChosenFile, webShopPhotosZip, type ChosenFile, type ChosenFiles,
} from '../../../app/catalog-files';
import { checkChosenFile, problemCounts, problemsCsv, sortProblems } from '../logic/importReview';
import type { ManagerPageProps } from '../route';
import {
  artisanCodesInStore, importArtisanPhotos, photoPlan, preparePhotos, type PhotoImportSummary, type PreparedOrRefused,
} from '../../../app/artisan-photos';
import { PhotoSlot, PhotoSummary, type PhotoFolder } from './PhotoFiles';

type Slot = 'artisans' | 'products';

type Check =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'problems'; problems: CatalogProblem[]; during: 'check' | 'import' }
  | { status: 'ready'; counts: ImportPlan['counts']; photos: PhotoImportSummary | null }
  | { status: 'importing'; counts: ImportPlan['counts']; photos: PhotoImportSummary | null }
  | { status: 'imported'; counts: ImportPlan['counts']; photos: PhotoImportSummary | null }
  | { status: 'error'; message: string; during: 'check' | 'import' };

/** Rows drawn at once: a file that is wrong throughout can have thousands of problems. */
const PROBLEM_ROWS = 500;

/**
 * Catalog in and out as CSV. Import is check first (a preview of what changes, or every
 * problem), then "Import", which writes all of it or nothing. Export gives the same two
 * files, so export → edit in a spreadsheet → import works.
 */
export function CatalogFilesScreen({ station, user, onHome, onOpen }: ManagerPageProps) {
  const { t } = useTranslation('manager');
  const [files, setFiles] = useState<ChosenFiles>({ artisans: null, products: null });
  const [fileNotes, setFileNotes] = useState<Partial<Record<Slot, string>>>({});
  const [check, setCheck] = useState<Check>({ status: 'idle' });
  // The first real import ends the demo (renderer/db); the boot-time flag does not know that.
  const [demo, setDemo] = useState(station.demo);
  // The photos/ folder (issue 12): read and made ready as soon as it is chosen.
  const [photoFolder, setPhotoFolder] = useState<PhotoFolder>({ status: 'none' });
  const [prepared, setPrepared] = useState<PreparedOrRefused[] | null>(null);

  const choosePhotos = async (chosen: File[]) => {
    setCheck({ status: 'idle' });
    if (chosen.length === 0) return;
    setPhotoFolder({ status: 'preparing', count: chosen.length });
    setPrepared(await preparePhotos(chosen));
    setPhotoFolder({ status: 'ready', count: chosen.length });
  };

  const choose = async (slot: Slot, file: File | undefined) => {
    setCheck({ status: 'idle' });
    if (!file) return;
    const first = checkChosenFile(file);
    if (!first.ok) {
      setFileNotes((n) => ({ ...n, [slot]: t(`files.fileProblem.${first.reason}`, { name: file.name }) }));
      setFiles((f) => ({ ...f, [slot]: null }));
      return;
    }
    try {
      const chosen: ChosenFile = await readChosenFile(file);
      setFileNotes((n) => ({ ...n, [slot]: undefined }));
      setFiles((f) => ({ ...f, [slot]: chosen }));
    } catch {
      setFileNotes((n) => ({ ...n, [slot]: t('files.fileProblem.unreadable', { name: file.name }) }));
    }
  };

  const remove = (slot: Slot) => {
    setFiles((f) => ({ ...f, [slot]: null }));
    setCheck({ status: 'idle' });
  };

  const runCheck = async () => {
    setCheck({ status: 'checking' });
    const outcome = await checkCatalogFiles(station, files);
    if (outcome.status !== 'ok') setCheck({ status: 'error', message: outcome.message, during: 'check' });
    else if (!outcome.value.ok) setCheck({ status: 'problems', problems: sortProblems(outcome.value.problems), during: 'check' });
    else {
      let photos: PhotoImportSummary | null = null;
      if (prepared) {
        // A photo may be for an artisan who arrives with this very artisans.csv.
        const inStore = await artisanCodesInStore(station);
        if (inStore.status !== 'ok') { setCheck({ status: 'error', message: inStore.message, during: 'check' }); return; }
        photos = photoPlan(prepared, [...inStore.value, ...outcome.value.plan.artisans.create.map((a) => a.code)]);
      }
      setCheck({ status: 'ready', counts: outcome.value.plan.counts, photos });
    }
  };

  const runImport = async (counts: ImportPlan['counts'], photosPlanned: PhotoImportSummary | null) => {
    setCheck({ status: 'importing', counts, photos: photosPlanned });
    let imported = counts;
    if (files.artisans !== null || files.products !== null) {
      const outcome = await importCatalogFiles(station, user, files);
      if (outcome.status !== 'ok') { setCheck({ status: 'error', message: outcome.message, during: 'import' }); return; }
      if (!outcome.value.ok) { setCheck({ status: 'problems', problems: sortProblems(outcome.value.problems), during: 'import' }); return; }
      imported = outcome.value.plan.counts;
      setFiles({ artisans: null, products: null });
      setDemo(false);
    }
    let photos: PhotoImportSummary | null = null;
    if (prepared) {
      // After the catalog, so the artisans new in artisans.csv are there to match.
      const outcome = await importArtisanPhotos(station, user, prepared);
      if (outcome.status !== 'ok') { setCheck({ status: 'error', message: t('files.photosFailed', { message: outcome.message }), during: 'import' }); return; }
      photos = outcome.value;
      setPrepared(null);
      setPhotoFolder({ status: 'none' });
    }
    setCheck({ status: 'imported', counts: imported, photos });
  };

  // The answer to "Check" or "Import" appears below the file choices: bring it into view,
  // or on a small screen the manager sees nothing happen.
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (check.status !== 'idle' && check.status !== 'checking') resultRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [check.status]);

  const nothingChosen = files.artisans === null && files.products === null && prepared === null;
  const busy = check.status === 'checking' || check.status === 'importing' || photoFolder.status === 'preparing';

  return (
    <div className="mgr__page mgr__page--scroll" data-testid="catalog-files-screen">
      <PageBar title={t('files.title')} onBack={onHome} backLabel={t('common.home')} />
      <div className="io">
        <section className="panel io__import" aria-labelledby="import-title">
          <h2 id="import-title" className="panel-title">{t('files.importTitle')}</h2>
          <p className="muted">{t('files.importAbout')}</p>
          <div className="io__files">
            {(['artisans', 'products'] as const).map((slot) => (
              <FileSlot key={slot} slot={slot} file={files[slot]} note={fileNotes[slot] ?? null} disabled={busy} onChoose={(f) => void choose(slot, f)} onRemove={() => remove(slot)} />
            ))}
            <PhotoSlot folder={photoFolder} disabled={busy} onChoose={(f) => void choosePhotos(f)} onRemove={() => { setPrepared(null); setPhotoFolder({ status: 'none' }); setCheck({ status: 'idle' }); }} />
          </div>
          <div className="io__actions">
            <button type="button" className="btn btn--primary btn--large" disabled={nothingChosen || busy} onClick={() => void runCheck()} data-testid="catalog-check">
              {check.status === 'checking' ? t('files.checking') : t('files.check')}
            </button>
            {nothingChosen && check.status !== 'imported' ? <span className="muted">{t('files.chooseFirst')}</span> : null}
          </div>
          <div ref={resultRef} className="io__result">
            <CheckResult check={check} onImport={(counts, photos) => void runImport(counts, photos)} onLabels={() => onOpen('labels')} demo={demo} />
          </div>
        </section>
        <ExportPanel station={station} />
      </div>
    </div>
  );
}

function FileSlot({ slot, file, note, disabled, onChoose, onRemove }: {
  slot: Slot;
  file: ChosenFile | null;
  note: string | null;
  disabled: boolean;
  onChoose: (file: File | undefined) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('manager');
  const n = useFormatCount();
  return (
    <div className={`filepick${file ? ' filepick--chosen' : ''}`} data-testid={`file-slot-${slot}`}>
      <div className="filepick__what">
        <strong>{t(`files.slot.${slot}`)}</strong>
        <span className="muted">{t(`files.slotAbout.${slot}`)}</span>
      </div>
      {file ? (
        <p className="filepick__chosen" data-testid={`file-chosen-${slot}`}>
          {t('files.chosen', { name: file.name, size: n(Math.max(1, Math.round(file.size / 1024))) })}
        </p>
      ) : null}
      {note ? <p className="mfield__error" role="alert">{note}</p> : null}
      <div className="filepick__buttons">
        <label className={`btn ${file ? 'btn--ghost' : 'btn--secondary'} filepick__button${disabled ? ' is-disabled' : ''}`}>
          <input
            type="file"
            accept=".csv,text/csv"
            className="filepick__input"
            disabled={disabled}
            data-testid={`file-input-${slot}`}
            onChange={(e) => {
              onChoose(e.target.files?.[0]);
              e.target.value = ''; // choosing the same file again (after fixing it) must fire again
            }}
          />
          {file ? t('files.chooseOther') : t('files.choose', { file: `${slot}.csv` })}
        </label>
        {file ? <button type="button" className="btn btn--ghost" disabled={disabled} onClick={onRemove}>{t('files.remove')}</button> : null}
      </div>
    </div>
  );
}

function Counts({ counts }: { counts: ImportPlan['counts'] }) {
  const { t } = useTranslation('manager');
  const n = useFormatCount();
  const row = (what: 'artisans' | 'products') => (
    <tr data-testid={`counts-${what}`}>
      <th scope="row">{t(`files.counts.${what}`)}</th>
      <td className="num" data-testid={`counts-${what}-new`}>{n(counts[what].new)}</td>
      <td className="num" data-testid={`counts-${what}-changed`}>{n(counts[what].changed)}</td>
      <td className="num" data-testid={`counts-${what}-unchanged`}>{n(counts[what].unchanged)}</td>
    </tr>
  );
  return (
    <table className="table counts" data-testid="import-counts">
      <thead>
        <tr>
          <th scope="col"><span className="visually-hidden">{t('files.counts.what')}</span></th>
          <th scope="col" className="num">{t('files.counts.new')}</th>
          <th scope="col" className="num">{t('files.counts.changed')}</th>
          <th scope="col" className="num">{t('files.counts.unchanged')}</th>
        </tr>
      </thead>
      <tbody>
        {row('artisans')}
        {row('products')}
      </tbody>
    </table>
  );
}

function CheckResult({ check, onImport, onLabels, demo }: { check: Check; onImport: (counts: ImportPlan['counts'], photos: PhotoImportSummary | null) => void; onLabels: () => void; demo: boolean }) {
  const { t } = useTranslation('manager');
  const n = useFormatCount();
  const problemsText = useMemo(() => (check.status === 'problems' ? problemsCsv(check.problems) : null), [check]);
  const problemsUrl = useObjectUrl(problemsText, csvObjectUrl);
  switch (check.status) {
    case 'idle':
    case 'checking':
      return null;
    case 'error':
      return <Banner tone="error" testId="import-error">{t(check.during === 'check' ? 'files.checkFailed' : 'files.importFailed', { message: check.message })}</Banner>;
    case 'ready':
    case 'importing': {
      const { counts } = check;
      const writes = counts.artisans.new + counts.artisans.changed + counts.products.new + counts.products.changed;
      const photoWrites = check.photos?.imported.length ?? 0;
      return (
        <div className="io__preview" data-testid="import-preview">
          <Banner tone="info">{writes + photoWrites > 0 ? t('files.previewOk') : t('files.previewNothing')}</Banner>
          <Counts counts={counts} />
          {check.photos ? <PhotoSummary summary={check.photos} done={false} /> : null}
          {counts.barcodesAssigned > 0 ? <p data-testid="import-barcodes">{t('files.barcodesAssigned', { count: counts.barcodesAssigned, shown: n(counts.barcodesAssigned) })}</p> : null}
          {demo && writes > 0 ? <p className="muted">{t('files.endsDemo')}</p> : null}
          <button type="button" className="btn btn--primary btn--large" disabled={writes + photoWrites === 0 || check.status === 'importing'} onClick={() => onImport(counts, check.photos)} data-testid="catalog-import">
            {check.status === 'importing' ? t('files.importing') : t('files.import', {
              artisans: n(counts.artisans.new + counts.artisans.changed),
              products: n(counts.products.new + counts.products.changed),
            })}
          </button>
        </div>
      );
    }
    case 'imported': {
      const { counts } = check;
      return (
        <div className="io__preview" data-testid="import-done">
          <Banner tone="ok" action={<button type="button" className="btn btn--secondary" onClick={onLabels}>{t('files.toLabels')}</button>}>
            {t('files.imported')}
          </Banner>
          <Counts counts={counts} />
          {check.photos ? <PhotoSummary summary={check.photos} done /> : null}
          {counts.barcodesAssigned > 0 ? <p>{t('files.barcodesGiven', { count: counts.barcodesAssigned, shown: n(counts.barcodesAssigned) })}</p> : null}
        </div>
      );
    }
    case 'problems': {
      const counts = problemCounts(check.problems);
      return (
        <div className="io__problems" data-testid="import-problems">
          <Banner tone="error" testId="import-refused">
            <strong>{t(check.during === 'check' ? 'files.refused' : 'files.refusedOnImport')}</strong>{' '}
            {t('files.problemCount', { count: check.problems.length, shown: n(check.problems.length), lines: n(counts.lines) })}
            <br />{t('files.whatToDo')}
          </Banner>
          {problemsUrl ? (
            <a className="btn btn--ghost io__download" href={problemsUrl} download="catalog-problems.csv">{t('files.downloadProblems')}</a>
          ) : null}
          <div className="io__problem-scroll">
            <table className="table mtable problems" data-testid="problems-table">
              <thead>
                <tr>
                  <th scope="col">{t('files.colFile')}</th>
                  <th scope="col" className="num">{t('files.colLine')}</th>
                  <th scope="col">{t('files.colColumn')}</th>
                  <th scope="col">{t('files.colProblem')}</th>
                </tr>
              </thead>
              <tbody>
                {check.problems.slice(0, PROBLEM_ROWS).map((p, i) => (
                  <tr key={i} data-testid="problem-row">
                    <td className="mtable__code" data-testid="problem-file">{p.file}</td>
                    <td className="num" data-testid="problem-line">{p.line}</td>
                    <td className="mtable__code" data-testid="problem-column">{p.column ?? t('files.wholeLine')}</td>
                    <td data-testid="problem-message">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {check.problems.length > PROBLEM_ROWS ? <p className="muted">{t('files.moreProblems', { count: check.problems.length - PROBLEM_ROWS })}</p> : null}
        </div>
      );
    }
  }
}

type Export =
  | { status: 'idle' }
  | { status: 'preparing' }
  | { status: 'ready'; artisansCsv: string; productsCsv: string; webShopFeedCsv: string; photos: { url: string; count: number } | null }
  | { status: 'failed'; message: string };

/**
 * Export makes both files, then offers each as a link: one tap per file, because a page
 * that starts two downloads at once is stopped by the browser's "multiple downloads" guard.
 */
function ExportPanel({ station }: { station: ManagerPageProps['station'] }) {
  const { t } = useTranslation('manager');
  const [state, setState] = useState<Export>({ status: 'idle' });
  const artisansUrl = useObjectUrl(state.status === 'ready' ? state.artisansCsv : null, csvObjectUrl);
  const productsUrl = useObjectUrl(state.status === 'ready' ? state.productsCsv : null, csvObjectUrl);
  const feedUrl = useObjectUrl(state.status === 'ready' ? state.webShopFeedCsv : null, csvObjectUrl);
  const photosUrl = state.status === 'ready' ? state.photos?.url ?? null : null;
  useEffect(() => () => { if (photosUrl) URL.revokeObjectURL(photosUrl); }, [photosUrl]);
  const run = async () => {
    setState({ status: 'preparing' });
    const [outcome, photos] = await Promise.all([exportCatalogFiles(station), webShopPhotosZip(station)]);
    if (outcome.status !== 'ok') { setState({ status: 'failed', message: outcome.message }); return; }
    if (photos.status !== 'ok') { setState({ status: 'failed', message: photos.message }); return; }
    const zip = photos.value.count > 0
      ? { url: URL.createObjectURL(new Blob([photos.value.zip as BlobPart], { type: 'application/zip' })), count: photos.value.count }
      : null;
    setState({ status: 'ready', ...outcome.value, photos: zip });
  };
  return (
    <section className="panel io__export" aria-labelledby="export-title" data-testid="export-panel">
      <h2 id="export-title" className="panel-title">{t('files.exportTitle')}</h2>
      <p className="muted">{t('files.exportAbout')}</p>
      <button type="button" className="btn btn--secondary btn--large" disabled={state.status === 'preparing'} onClick={() => void run()} data-testid="catalog-export">
        {state.status === 'preparing' ? t('files.exporting') : t('files.export')}
      </button>
      {state.status === 'failed' ? <Banner tone="error">{t('files.exportFailed', { message: state.message })}</Banner> : null}
      {state.status === 'ready' ? (
        <div className="io__downloads">
          <p>{t('files.exportReady')}</p>
          {artisansUrl ? <a className="btn btn--primary" href={artisansUrl} download="artisans.csv" data-testid="download-artisans">{t('files.download', { file: 'artisans.csv' })}</a> : null}
          {productsUrl ? <a className="btn btn--primary" href={productsUrl} download="products.csv" data-testid="download-products">{t('files.download', { file: 'products.csv' })}</a> : null}
          <p className="muted">{t('files.feedAbout')}</p>
          {feedUrl ? <a className="btn btn--secondary" href={feedUrl} download="webshop-feed.csv" data-testid="download-webshop-feed">{t('files.downloadFeed')}</a> : null}
          {state.photos ? <a className="btn btn--secondary" href={state.photos.url} download="webshop-photos.zip" data-testid="download-webshop-photos">{t('files.downloadPhotos', { count: state.photos.count })}</a> : null}
        </div>
      ) : null}
    </section>
  );
}
