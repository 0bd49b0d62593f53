import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, type Language } from '../../i18n';

const CHOICES = Object.entries(LANGUAGES) as [Language, (typeof LANGUAGES)[Language]][];

/**
 * "English · हिन्दी · اردو": each language named in itself, a touch target each, so anyone
 * can switch without a keyboard. The pick is remembered on this kiosk; Urdu flips the page
 * right to left (the i18n module sets the document's `dir`).
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div role="group" aria-label={t('language.label')} className={className ? `langs ${className}` : 'langs'} data-testid="language-switcher">
      {CHOICES.map(([code, { name }], i) => (
        <Fragment key={code}>
          {i > 0 ? <span className="langs__sep" aria-hidden="true">·</span> : null}
          <button
            type="button"
            className="langs__option"
            lang={code}
            dir={i18n.dir(code)}
            aria-pressed={current === code}
            data-testid={`language-${code}`}
            onClick={() => void chooseLanguage(code)}
          >
            {name}
          </button>
        </Fragment>
      ))}
    </div>
  );
}
