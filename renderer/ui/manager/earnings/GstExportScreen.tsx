import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GstRateRow } from '../../../../shared/gst-export';
import { csvObjectUrl } from '../../../app/catalog-files';
import { today, useGstExport } from '../../../app/earnings';
import { shown } from '../../../hooks/useLoadable';
import { useObjectUrl } from '../../../hooks/useObjectUrl';
import { Banner } from '../../components/Banner';
import { Money, usePercent } from '../../components/Money';
import { PageBar } from '../common/fields';
import type { ManagerPageProps } from '../route';

/** The month's GSTR-1 figures for B2C sales (table 7 by rate, table 12 by HSN), credit notes netted, as two CSV downloads. */
export function GstExportScreen({ station, onHome }: ManagerPageProps) {
  const { t } = useTranslation('earnings');
  const { t: tm } = useTranslation('manager');
  const percent = usePercent();
  const [month, setMonth] = useState(today(station).slice(0, 7));
  const exp = useGstExport(station, month);
  const g = shown(exp);
  const ready = exp.status === 'ready' ? exp.value : null;
  const b2csUrl = useObjectUrl(ready ? ready.b2csCsv : null, csvObjectUrl);
  const hsnUrl = useObjectUrl(ready ? ready.hsnCsv : null, csvObjectUrl);
  const figures = (r: Omit<GstRateRow, 'rateBps'>) => (
    <>
      <td className="num"><Money amount={r.taxable} /></td><td className="num"><Money amount={r.cgst} /></td>
      <td className="num"><Money amount={r.sgst} /></td><td className="num"><Money amount={r.tax} /></td><td className="num"><Money amount={r.gross} /></td>
    </>
  );
  const heads = (
    <><th className="num">{t('gst.taxable')}</th><th className="num">{t('gst.cgst')}</th><th className="num">{t('gst.sgst')}</th><th className="num">{t('gst.tax')}</th><th className="num">{t('gst.gross')}</th></>
  );
  return (
    <div className="mgr__page" data-testid="gst-export">
      <PageBar title={t('gst.title')} onBack={onHome} backLabel={tm('common.home')} />
      <p className="muted">{t('gst.about')}</p>
      <div className="report__range">
        <label>{t('gst.month')}<input type="month" className="entry__input" value={month} onChange={(e) => { if (/^\d{4}-\d{2}$/.test(e.target.value)) setMonth(e.target.value); }} data-testid="gst-month" /></label>
        <div className="report__actions">
          {b2csUrl ? <a className="btn btn--secondary" href={b2csUrl} download={`gstr1-b2cs-${month}.csv`} data-testid="gst-b2cs-csv">{t('gst.b2csCsv')}</a> : null}
          {hsnUrl ? <a className="btn btn--secondary" href={hsnUrl} download={`gstr1-hsn-${month}.csv`} data-testid="gst-hsn-csv">{t('gst.hsnCsv')}</a> : null}
        </div>
      </div>
      {exp.status === 'failed' ? <Banner tone="error">{t('gst.loadFailed', { message: exp.message })}</Banner> : null}
      {g && g.month.b2cs.length === 0 ? <p className="mgr__empty" data-testid="gst-empty">{t('gst.empty')}</p> : null}
      {g && g.month.b2cs.length > 0 ? (
        <>
          <section className="panel report__panel">
            <h2 className="panel-title">{t('gst.b2cs')}</h2>
            <table className="report__table" data-testid="gst-b2cs">
              <thead><tr><th>{t('gst.rate')}</th>{heads}</tr></thead>
              <tbody>{g.month.b2cs.map((r) => <tr key={r.rateBps}><td>{percent(r.rateBps)}</td>{figures(r)}</tr>)}</tbody>
              <tfoot><tr><td>{t('gst.total')}</td>{figures(g.month.totals)}</tr></tfoot>
            </table>
          </section>
          <section className="panel report__panel">
            <h2 className="panel-title">{t('gst.hsn')}</h2>
            <table className="report__table" data-testid="gst-hsn">
              <thead><tr><th>{t('gst.hsnCode')}</th><th>{t('gst.rate')}</th><th className="num">{t('gst.qty')}</th>{heads}</tr></thead>
              <tbody>{g.month.hsn.map((h) => <tr key={`${h.hsn}-${h.rateBps}`}><td dir="ltr">{h.hsn}</td><td>{percent(h.rateBps)}</td><td className="num">{h.qty}</td>{figures(h)}</tr>)}</tbody>
            </table>
          </section>
        </>
      ) : null}
    </div>
  );
}
