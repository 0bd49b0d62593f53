import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayArtisan, DisplayLine, DisplayPhase, DisplayState } from '../../shared/display';
import { Money, useMoney } from '../ui/components/Money';
import { TouristTotals } from '../ui/components/TouristTotals';
import { isolate } from '../ui/format/bidi';
import { SymbolCanvas } from '../ui/receipt/SymbolCanvas';
import type { FeedStatus } from './feed';

/**
 * The customer display: what the tourist across the counter sees, in large type for a
 * metre or two away. It draws only the display state (shared/display.ts) and follows the
 * counter's language, Urdu right to left like the counter. An amount inside a sentence is
 * isolated, so Urdu's order does not move its ₹ to the wrong end.
 */
export function DisplayApp({ state, status }: { state: DisplayState | null; status: FeedStatus }) {
  const { t, i18n } = useTranslation('display');
  const language = state?.language;
  useEffect(() => {
    // i18next itself, not chooseLanguage: that would also change the language the counter
    // remembers (the same origin's localStorage in a browser).
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);

  if (status === 'no-key') {
    return <main className="cd cd--message" data-testid="display-no-key"><p className="cd__message">{t('noKey')}</p></main>;
  }
  return (
    <main className="cd" data-testid="customer-display" data-phase={state?.phase.kind ?? 'waiting'}>
      {state ? <header className="cd__store">{state.storeName}</header> : null}
      {state ? <Phase phase={state.phase} storeName={state.storeName} /> : (
        <section className="cd__welcome"><p className="cd__message">{t('connecting')}</p></section>
      )}
      {status === 'lost' ? <p className="cd__lost" role="status" data-testid="display-lost">{t('lost')}</p> : null}
    </main>
  );
}

function Phase({ phase, storeName }: { phase: DisplayPhase; storeName: string }) {
  const { t } = useTranslation('display');
  const money = useMoney();
  switch (phase.kind) {
    case 'idle':
      return (
        <section className="cd__welcome" data-testid="display-idle">
          <h1 className="cd__title">{t('waiting')}</h1>
          <p className="cd__lead">{storeName}</p>
          <p className="cd__note">{t('waitingNote')}</p>
        </section>
      );
    case 'cart':
      return (
        <section className="cd__sale" data-testid="display-cart">
          <Lines lines={phase.lines} moreLines={phase.moreLines} />
          <aside className="cd__side">
            <Total total={phase.total} itemCount={phase.itemCount} />
            <TouristTotals amounts={phase.tourist} className="cd__tourist" testId="display-tourist" />
          </aside>
        </section>
      );
    case 'paying':
      return (
        <section className="cd__sale" data-testid="display-paying">
          {/* The tourist amounts go under the lines here, so the QR stays whole beside them on a 768 px high screen. */}
          <div className="cd__main">
            <Lines lines={phase.lines} moreLines={phase.moreLines} />
            <TouristTotals amounts={phase.tourist} className="cd__tourist" testId="display-tourist" />
          </div>
          <aside className="cd__side">
            <h1 className="cd__title">{t('payTitle')}</h1>
            <Total total={phase.total} itemCount={phase.itemCount} />
            {phase.upi ? (
              <div className="cd__upi">
                <SymbolCanvas bcid="qrcode" text={phase.upi.uri} scale={7} label={t('upiQrLabel', { amount: money(phase.upi.amount) })} className="cd__qr" testId="display-upi-qr" />
                <p className="cd__upi-hint" data-testid="display-upi-amount">{t('upiScan', { amount: isolate(money(phase.upi.amount)) })}</p>
              </div>
            ) : <p className="cd__note">{t('payAtCounter')}</p>}
          </aside>
        </section>
      );
    case 'thanks':
      return (
        <section className="cd__thanks" data-testid="display-thanks">
          <h1 className="cd__title">{t('thanksTitle')}</h1>
          <p className="cd__lead">{t('thanksLead')}</p>
          <ul className="cd__artisans">
            {phase.artisans.map((a) => <Artisan key={a.artisanId} artisan={a} />)}
          </ul>
          <p className="cd__shares" data-testid="display-shares-total">{t('sharesTotal', { share: isolate(money(phase.artisansShare)), total: isolate(money(phase.total)) })}</p>
          <TouristTotals amounts={phase.tourist} className="cd__tourist" testId="display-tourist" />
        </section>
      );
  }
}

function Lines({ lines, moreLines }: { lines: readonly DisplayLine[]; moreLines: number }) {
  const { t } = useTranslation('display');
  return (
    <div className="cd__cart">
      <h1 className="cd__heading">{t('cartTitle')}</h1>
      {moreLines > 0 ? <p className="cd__more">{t('moreLines', { count: moreLines })}</p> : null}
      <ol className="cd__lines">
        {lines.map((line) => (
          <li key={line.productId} className="cd__line" data-testid="display-line">
            <span className="cd__piece">
              <span className="cd__name">{line.name}</span>
              <span className="cd__maker" data-testid="display-maker">{t('by', { maker: line.makerName })}</span>
            </span>
            {line.qty !== 1 ? <span className="cd__qty">{t('qty', { count: line.qty })}</span> : null}
            <Money amount={line.amount} className="cd__amount" />
          </li>
        ))}
      </ol>
    </div>
  );
}

function Total({ total, itemCount }: { total: number; itemCount: number }) {
  const { t } = useTranslation('display');
  return (
    <div className="cd__total" data-testid="display-total">
      <span className="cd__total-label">{t('total')} <span className="cd__count">({t('items', { count: itemCount })})</span></span>
      <Money amount={total} className="cd__total-amount" />
    </div>
  );
}

/** First letters of the first two words: "Shahida Bano" → "SB"; any script. */
export function initialsOf(name: string): string {
  return name.trim().split(/\s+/).slice(0, 2).map((word) => Array.from(word)[0] ?? '').join('').toLocaleUpperCase();
}

function Artisan({ artisan }: { artisan: DisplayArtisan }) {
  const { t } = useTranslation('display');
  const money = useMoney();
  return (
    <li className="cd__artisan" data-testid="display-artisan">
      {artisan.photoUrl
        ? <img className="cd__photo" src={artisan.photoUrl} alt={artisan.name} />
        : <span className="cd__photo cd__photo--initials" role="img" aria-label={t('initialsLabel', { name: artisan.name })}>{initialsOf(artisan.name)}</span>}
      <span className="cd__artisan-name">{artisan.name}</span>
      <span className="cd__artisan-share" data-testid="display-share" data-paise={artisan.share}>{t('share', { amount: isolate(money(artisan.share)) })}</span>
    </li>
  );
}
