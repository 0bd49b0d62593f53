import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArtisanLineFigures } from '../../../shared/day-report';
import { isBusinessDate, type BusinessDate } from '../../../shared/time';
import type { SignedInArtisan } from '../../app/auth';
import { printMySlip, shiftDay, today, useMyEarnings } from '../../app/earnings';
import type { Station } from '../../app/station';
import { currentDateLocale } from '../../i18n';
import { Banner } from '../components/Banner';
import { Money } from '../components/Money';
import { formatTime } from '../format';
import { LanguageSwitcher } from '../shell/LanguageSwitcher';
import { formatBusinessDate } from './dates';

type Printing = { status: 'idle' } | { status: 'printing' } | { status: 'printed' } | { status: 'failed'; message: string };

/**
 * An artisan's own earnings, in large type, in her language: the day she picks (today
 * first), each piece sold with its price, GST, commission and her net, what she earned,
 * what she has been paid and what is still owed, and her slip on the printer. It is
 * given her id and nothing else: there is no way from here to anyone else's figures.
 */
export function ArtisanEarningsScreen({ station, artisan, onSignOut }: { station: Station; artisan: SignedInArtisan; onSignOut: () => void }) {
  const { t } = useTranslation('earnings');
  const todayDate = today(station);
  const [day, setDay] = useState<BusinessDate>(todayDate);
  const [printing, setPrinting] = useState<Printing>({ status: 'idle' });
  const earnings = useMyEarnings(station, artisan.id, day, 0);
  const figures = earnings.status === 'ready' ? earnings.value : earnings.status === 'loading' ? earnings.previous : null;

  const pick = (next: BusinessDate) => {
    if (next > todayDate) return;
    setDay(next);
    setPrinting({ status: 'idle' });
  };
  const print = async () => {
    setPrinting({ status: 'printing' });
    const outcome = await printMySlip(station, artisan.id, day);
    setPrinting(outcome.status === 'ok' ? { status: 'printed' } : { status: 'failed', message: outcome.message });
  };

  return (
    <main className="earn" data-testid="artisan-earnings">
      <header className="earn__head">
        <div>
          <h1 className="earn__name">{t('artisan.title', { name: artisan.name })}</h1>
          <p className="earn__code">{t('artisan.code', { code: artisan.code })}</p>
        </div>
        <LanguageSwitcher className="earn__langs" />
        <button type="button" className="btn btn--secondary btn--large" onClick={onSignOut} data-testid="artisan-sign-out">{t('artisan.signOut')}</button>
      </header>

      <nav className="earn__days" aria-label={t('artisan.day')}>
        <button type="button" className="btn btn--secondary btn--large" onClick={() => pick(shiftDay(day, -1))} data-testid="day-earlier">{t('artisan.earlier')}</button>
        <label className="earn__day">
          <span className="visually-hidden">{t('artisan.day')}</span>
          <input
            type="date"
            className="entry__input earn__date"
            value={day}
            max={todayDate}
            lang={currentDateLocale()}
            onChange={(e) => { if (isBusinessDate(e.target.value)) pick(e.target.value); }}
            data-testid="day-picker"
          />
          <span className="earn__dayname" data-testid="day-name">{formatBusinessDate(day)}</span>
        </label>
        <button type="button" className="btn btn--secondary btn--large" disabled={day >= todayDate} onClick={() => pick(shiftDay(day, 1))} data-testid="day-later">{t('artisan.later')}</button>
        <button type="button" className="btn btn--ghost btn--large" disabled={day === todayDate} onClick={() => pick(todayDate)} data-testid="day-today">{t('artisan.today')}</button>
      </nav>

      {earnings.status === 'failed' ? <Banner tone="error" testId="earnings-error">{t('artisan.loadFailed', { message: earnings.message })}</Banner> : null}

      {figures ? (
        <>
          <section className="earn__sums" aria-live="polite">
            <div className="earn__sum" data-testid="sum-earned"><span>{t('artisan.earned')}</span><Money amount={figures.net} className="earn__big" /></div>
            <div className="earn__sum" data-testid="sum-paid"><span>{t('artisan.paid')}</span><Money amount={figures.paid} className="earn__big" /></div>
            <div className="earn__sum earn__sum--owed" data-testid="sum-owed"><span>{t('artisan.owed')}</span><Money amount={figures.owed} className="earn__big" /></div>
          </section>

          <section className="earn__pieces" aria-labelledby="earn-pieces">
            <h2 id="earn-pieces" className="earn__subtitle">{t('artisan.pieces')} ({figures.itemsSold})</h2>
            {figures.lines.length === 0 ? <p className="earn__none" data-testid="earn-none">{t('artisan.none')}</p> : (
              <ul className="earn__list">
                {figures.lines.map((l) => <PieceRow key={l.lineId} line={l} timeZone={station.profile.timeZone} />)}
              </ul>
            )}
          </section>

          <div className="earn__print">
            <button type="button" className="btn btn--primary btn--large" disabled={printing.status === 'printing'} onClick={() => void print()} data-testid="print-slip">
              {printing.status === 'printing' ? t('artisan.printing') : t('artisan.print')}
            </button>
            {printing.status === 'printed' ? <Banner tone="ok" testId="slip-printed">{t('artisan.printed')}</Banner> : null}
            {printing.status === 'failed' ? <Banner tone="error" testId="slip-failed">{t('artisan.printFailed', { message: printing.message })}</Banner> : null}
          </div>
        </>
      ) : null}
    </main>
  );
}

function PieceRow({ line: l, timeZone }: { line: ArtisanLineFigures; timeZone: string }) {
  const { t } = useTranslation('earnings');
  return (
    <li className={`earn__piece${l.qty < 0 ? ' earn__piece--return' : ''}`} data-testid="earn-piece">
      <div className="earn__piece-head">
        <span className="earn__piece-name">{l.qty < 0 ? `${t('artisan.returned')}: ` : ''}{Math.abs(l.qty) > 1 ? `${Math.abs(l.qty)} × ` : ''}{l.name}</span>
        <span className="earn__piece-time">{formatTime(l.createdAt, timeZone, currentDateLocale())}</span>
      </div>
      <dl className="earn__piece-figures">
        <div><dt>{t('artisan.price')}</dt><dd><Money amount={l.gross} /></dd></div>
        <div><dt>{t('artisan.gst')}</dt><dd><Money amount={-l.tax} /></dd></div>
        <div><dt>{t('artisan.commission')}</dt><dd><Money amount={-l.commission} /></dd></div>
        <div className="earn__piece-net"><dt>{t('artisan.net')}</dt><dd data-testid="piece-net"><Money amount={l.net} /></dd></div>
      </dl>
    </li>
  );
}
