import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserEntity } from '../../../shared/entities';
import type { PrinterLight } from '../../app/printing';
import { usePrinterTargetText } from '../format/printerTarget';
import { LanguageSwitcher } from './LanguageSwitcher';

export type ScreenId = 'sell' | 'receipts' | 'manager';

interface HeaderProps {
  storeName: string;
  user: UserEntity;
  screen: ScreenId;
  onScreen: (screen: ScreenId) => void;
  printer: PrinterLight;
  onSignOut: () => void;
}

/** Memoised (give it stable handlers): the kiosk redraws on every scan, the header seldom changes. */
export const Header = memo(function Header({ storeName, user, screen, onScreen, printer, onSignOut }: HeaderProps) {
  const { t } = useTranslation();
  const screens: { id: ScreenId; label: string }[] = [
    { id: 'sell', label: t('nav.sell') },
    { id: 'receipts', label: t('nav.receipts') },
  ];
  // The manager's screens (renderer/ui/manager) are offered to managers only.
  if (user.role === 'manager') screens.push({ id: 'manager', label: t('nav.manager', { ns: 'manager' }) });
  // Each screen's <h1> is its title. The manager's pages show theirs in their own bar; the
  // counter and the receipts are named by the header's tab that is lit, so their <h1> is
  // that tab's word, for screen readers only (the tab already says it to the eye).
  const title = screen === 'manager' ? null : screens.find((s) => s.id === screen)?.label;
  return (
    <header className="topbar">
      {title ? <h1 className="visually-hidden" data-testid="screen-title">{title}</h1> : null}
      {/* dir="auto": a Latin store name on an Urdu screen keeps its own direction (and is cut, if ever, at its end). */}
      <div className="topbar__store" dir="auto" data-testid="header-store-name">{storeName}</div>
      <nav className="topbar__nav" aria-label={t('nav.label')}>
        {screens.map((s) => (
          <button
            key={s.id}
            type="button"
            className="topbar__tab"
            aria-current={screen === s.id ? 'page' : undefined}
            data-testid={`nav-${s.id}`}
            onClick={() => onScreen(s.id)}
          >
            {s.label}
          </button>
        ))}
      </nav>
      <PrinterStatus printer={printer} />
      <LanguageSwitcher className="topbar__langs" />
      <div className="topbar__user" data-testid="signed-in-user">
        <span className="topbar__name">{user.name}</span>
        <span className="topbar__role">{t(`roles.${user.role}`)}</span>
      </div>
      <button type="button" className="btn btn--ghost topbar__signout" data-testid="sign-out" onClick={onSignOut}>
        {t('nav.signOut')}
      </button>
    </header>
  );
});

/** A light plus words: the colour alone would not tell everyone what is wrong. */
function PrinterStatus({ printer }: { printer: PrinterLight }) {
  const { t } = useTranslation();
  const targetText = usePrinterTargetText();
  const label = {
    unknown: t('printer.unknown'),
    ready: t('printer.ready'),
    offline: t('printer.offline'),
    error: t('printer.error'),
  }[printer.state];
  const detail = printer.state === 'unknown' ? '' : printer.state === 'ready' ? targetText(printer.target) : printer.message;
  return (
    <div className={`printer printer--${printer.state}`} role="status" data-testid="printer-status" data-state={printer.state}>
      <span className="printer__light" aria-hidden="true" />
      <span className="printer__text">
        <span className="printer__label">{label}</span>
        {detail ? <span className="printer__detail">{detail}</span> : null}
      </span>
    </div>
  );
}
