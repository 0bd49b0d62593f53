import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBusinessDate, type BusinessDate } from '../../../../shared/time';
import { earningsCsv, shiftDay, today, useEarningsReport } from '../../../app/earnings';
import { csvObjectUrl } from '../../../app/catalog-files';
import { useObjectUrl } from '../../../hooks/useObjectUrl';
import { shown } from '../../../hooks/useLoadable';
import { Banner } from '../../components/Banner';
import { Money, useMoney, usePercent } from '../../components/Money';
import { PageBar } from '../common/fields';
import { isolate } from '../../format/bidi';
import type { ManagerPageProps } from '../route';
import { DailyChart } from './DailyChart';

/**
 * Every artisan's earnings for a day or a range: a chart of net earnings per day, the
 * share that went to women artisans, each cooperative's totals, the per-artisan table,
 * and the table as CSV.
 */
export function EarningsReportScreen({ station, onHome }: ManagerPageProps) {
  const { t } = useTranslation('earnings');
  const { t: tm } = useTranslation('manager');
  const percent = usePercent();
  const money = useMoney();
  const now = today(station);
  const [range, setRange] = useState<{ from: BusinessDate; to: BusinessDate }>({ from: shiftDay(now, -6), to: now });
  const valid = range.from <= range.to;
  const report = useEarningsReport(station, valid ? range.from : range.to, range.to);
  const r = shown(report);
  const csv = useObjectUrl(r && report.status === 'ready' ? earningsCsv(r) : null, csvObjectUrl);
  const set = (key: 'from' | 'to') => (e: { target: { value: string } }) => {
    const v = e.target.value;
    if (isBusinessDate(v)) setRange((x) => ({ ...x, [key]: v }));
  };

  return (
    <div className="mgr__page" data-testid="earnings-report">
      <PageBar title={t('report.title')} onBack={onHome} backLabel={tm('common.home')}>
        {csv && r ? <a className="btn btn--secondary" href={csv} download={`earnings-${r.from}-${r.to}.csv`} data-testid="earnings-csv">{t('report.csv')}</a> : null}
      </PageBar>
      <div className="report__range">
        <label>{t('report.from')}<input type="date" className="entry__input" value={range.from} max={now} onChange={set('from')} data-testid="range-from" /></label>
        <label>{t('report.to')}<input type="date" className="entry__input" value={range.to} max={now} onChange={set('to')} data-testid="range-to" /></label>
        <button type="button" className="btn btn--ghost" onClick={() => setRange({ from: now, to: now })} data-testid="range-today">{t('report.today')}</button>
        <button type="button" className="btn btn--ghost" onClick={() => setRange({ from: shiftDay(now, -6), to: now })}>{t('report.week')}</button>
        <button type="button" className="btn btn--ghost" onClick={() => setRange({ from: `${now.slice(0, 8)}01` as BusinessDate, to: now })}>{t('report.month')}</button>
      </div>
      {!valid ? <Banner tone="warn">{t('report.badRange')}</Banner> : null}
      {report.status === 'failed' ? <Banner tone="error">{t('report.loadFailed', { message: report.message })}</Banner> : null}
      {r ? (
        <>
          <div className="report__grid">
            <section className="panel report__panel"><DailyChart report={r} /></section>
            <section className="panel report__panel" data-testid="women-share">
              <h2 className="panel-title">{t('report.women')}</h2>
              {r.women.shareBps === null ? <p className="muted">{t('report.womenNone')}</p> : (
                <>
                  <p className="report__share">{percent(r.women.shareBps)}</p>
                  <p>{t('report.womenShare', { share: isolate(percent(r.women.shareBps)), amount: isolate(money(r.women.net)), total: isolate(money(r.women.totalNet)) })}</p>
                </>
              )}
            </section>
          </div>
          <section className="panel report__panel" aria-labelledby="coops-title">
            <h2 id="coops-title" className="panel-title">{t('report.cooperatives')}</h2>
            <table className="report__table" data-testid="coop-table">
              <thead><tr><th>{t('report.cooperative')}</th><th className="num">{t('report.artisans')}</th><th className="num">{t('report.pieces')}</th><th className="num">{t('report.gross')}</th><th className="num">{t('report.net')}</th><th className="num">{t('report.owed')}</th></tr></thead>
              <tbody>
                {r.cooperatives.map((c) => (
                  <tr key={c.cooperative}>
                    <td>{c.cooperative || t('report.noCooperative')}</td><td className="num">{c.artisanCount}</td><td className="num">{c.itemsSold - c.itemsReturned}</td>
                    <td className="num"><Money amount={c.gross} /></td><td className="num"><Money amount={c.net} /></td><td className="num"><Money amount={c.owed} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="panel report__panel" aria-labelledby="artisans-title">
            <h2 id="artisans-title" className="panel-title">{t('report.artisans')}</h2>
            {r.artisans.length === 0 ? <p className="mgr__empty">{t('report.empty')}</p> : (
              <table className="report__table" data-testid="earnings-table">
                <thead><tr>
                  <th>{t('report.code')}</th><th>{t('report.name')}</th><th className="num">{t('report.pieces')}</th><th className="num">{t('report.gross')}</th>
                  <th className="num">{t('report.returns')}</th><th className="num">{t('report.tax')}</th><th className="num">{t('report.commission')}</th>
                  <th className="num">{t('report.net')}</th><th className="num">{t('report.paid')}</th><th className="num">{t('report.owed')}</th>
                </tr></thead>
                <tbody>
                  {r.artisans.map((a) => (
                    <tr key={a.artisanId} data-testid="earnings-row">
                      <td dir="ltr" className="report__code">{a.artisanCode}</td><td>{a.name}</td><td className="num">{a.itemsSold - a.itemsReturned}</td>
                      <td className="num"><Money amount={a.gross} /></td><td className="num"><Money amount={a.returns} /></td><td className="num"><Money amount={a.tax} /></td>
                      <td className="num"><Money amount={a.commission} /></td><td className="num"><Money amount={a.net} /></td><td className="num"><Money amount={a.paid} /></td>
                      <td className="num"><Money amount={a.owed} /></td>
                    </tr>
                  ))}
                </tbody>
                <tfoot><tr>
                  <td colSpan={2}>{t('report.total')}</td><td className="num">{r.totals.itemsSold - r.totals.itemsReturned}</td>
                  <td className="num"><Money amount={r.totals.gross} /></td><td className="num"><Money amount={r.totals.returns} /></td><td className="num"><Money amount={r.totals.tax} /></td>
                  <td className="num"><Money amount={r.totals.commission} /></td><td className="num"><Money amount={r.totals.net} /></td><td className="num"><Money amount={r.totals.paid} /></td>
                  <td className="num"><Money amount={r.totals.owed} /></td>
                </tr></tfoot>
              </table>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
