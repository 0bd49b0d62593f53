import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadSpotlights, useArtisanPhotoUrl, type Spotlight } from '../../app/artisan-photos';
import type { Station } from '../../app/station';

/** Seconds each artisan stays on screen. */
export const SPOTLIGHT_MS = 8_000;
/** The story is cut to about four lines of large type; the rest is for her web-shop page. */
export const STORY_CHARS = 240;

/** The story cut at a word near STORY_CHARS, with an ellipsis when cut. */
export function storyExcerpt(story: string, max = STORY_CHARS): string {
  const text = story.trim().replace(/\s+/g, ' ');
  if ([...text].length <= max) return text;
  const cut = [...text].slice(0, max).join('');
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), Math.floor(max * 0.6)));
  return `${atWord.trimEnd()}…`;
}

function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => [...w][0]).join('').toUpperCase();
}

/**
 * The idle sign-in screen (issue 12): the market's artisans one after another, with her
 * photo (or initials), name, craft, cooperative, village, a few lines of her story and
 * the fair-wage mark. Any touch or key ends it; `onWake` is called, and that touch or key
 * does nothing else (the key is not typed: a card scan's later keys still reach the
 * sign-in screen's scanner, which sees the whole burst, this key included).
 */
export function AttractScreen({ station, onWake }: { station: Station; onWake: () => void }) {
  const { t } = useTranslation();
  const [spotlights, setSpotlights] = useState<Spotlight[] | null>(null);
  const [index, setIndex] = useState(0);
  const onWakeRef = useRef(onWake);
  useEffect(() => { onWakeRef.current = onWake; }, [onWake]);

  useEffect(() => {
    let live = true;
    void loadSpotlights(station).then((s) => { if (live) setSpotlights(s); }, () => { if (live) setSpotlights([]); });
    return () => { live = false; };
  }, [station]);

  useEffect(() => {
    if (!spotlights || spotlights.length < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % spotlights.length), SPOTLIGHT_MS);
    return () => clearInterval(timer);
  }, [spotlights]);

  // Keys: capture phase, before the sign-in screen's own handler, which skips a handled key.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      event.preventDefault();
      onWakeRef.current();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  const current = spotlights && spotlights.length > 0 ? spotlights[index % spotlights.length]! : null;
  return (
    <div
      className="attract"
      role="dialog"
      aria-modal="true"
      aria-label={t('attract.label')}
      data-testid="attract-screen"
      // The whole screen is the "button": the click that wakes it must not reach the keypad beneath.
      onPointerDown={(e) => { e.preventDefault(); e.stopPropagation(); }}
      onClick={(e) => { e.preventDefault(); e.stopPropagation(); onWake(); }}
    >
      <p className="attract__store">{station.profile.name}</p>
      {current ? <SpotlightCard station={station} spotlight={current} n={index % spotlights!.length + 1} total={spotlights!.length} /> : null}
      <p className="attract__touch">{t('attract.touch')}</p>
    </div>
  );
}

function SpotlightCard({ station, spotlight, n, total }: { station: Station; spotlight: Spotlight; n: number; total: number }) {
  const { t } = useTranslation();
  const photo = useArtisanPhotoUrl(station, spotlight.id);
  const from = [spotlight.cooperative, spotlight.village].filter((s) => s.trim() !== '');
  return (
    <article className="attract__card" key={spotlight.id} data-testid="spotlight" data-code={spotlight.code} aria-live="polite">
      {photo ? <img className="attract__photo" src={photo} alt={t('attract.photoOf', { name: spotlight.name })} data-testid="spotlight-photo" />
        : <div className="attract__photo attract__photo--initials" aria-hidden="true" data-testid="spotlight-initials">{initials(spotlight.name)}</div>}
      <div className="attract__words">
        <h1 className="attract__name" data-testid="spotlight-name">{spotlight.name}</h1>
        {spotlight.craft ? <p className="attract__craft">{spotlight.craft}</p> : null}
        {from.length > 0 ? <p className="attract__from">{from.join(', ')}</p> : null}
        {spotlight.fairWageCertified ? (
          <p className="attract__fairwage" data-testid="spotlight-fairwage"><span aria-hidden="true">✓ </span>{t('attract.fairWage')}</p>
        ) : null}
        {spotlight.story.trim() ? <p className="attract__story" data-testid="spotlight-story">{storyExcerpt(spotlight.story)}</p> : null}
        <p className="attract__count">{t('attract.count', { n, total })}</p>
      </div>
    </article>
  );
}
