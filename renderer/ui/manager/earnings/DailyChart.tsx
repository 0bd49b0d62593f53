import { useTranslation } from 'react-i18next';
import type { EarningsReport } from '../../../../shared/earnings';
import { useMoney } from '../../components/Money';

const W = 640;
const H = 220;
const PAD = { top: 24, bottom: 28, start: 8, end: 8 };

/**
 * Net earnings per day as bars, drawn as SVG (no chart library: a bar per day and a base
 * line is all it takes). A day of returns only goes below the line. Left to right is
 * time in every language, as on a calendar: SVG coordinates do not mirror in Urdu.
 */
export function DailyChart({ report }: { report: EarningsReport }) {
  const { t } = useTranslation('earnings');
  const money = useMoney();
  const days = report.daily;
  const max = Math.max(0, ...days.map((d) => d.net));
  const min = Math.min(0, ...days.map((d) => d.net));
  const span = max - min || 1;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + ((max - v) / span) * plotH;
  const step = (W - PAD.start - PAD.end) / Math.max(1, days.length);
  const bar = Math.max(1, step * 0.7);
  const labelEvery = Math.ceil(days.length / 8);
  // The last day (usually today) is named too, unless the label before it is too close.
  const labelled = (i: number) => i % labelEvery === 0 || (i === days.length - 1 && i % labelEvery >= Math.ceil(labelEvery / 2));
  return (
    <figure className="report__chart" data-testid="earnings-chart">
      <figcaption className="panel-title">{t('report.chartTitle')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('report.chartLabel', { from: report.from, to: report.to, max: money(max) })}>
        {days.map((d, i) => {
          const top = y(Math.max(0, d.net));
          const height = Math.abs(y(d.net) - y(0));
          return (
            <rect key={d.date} className="bar" data-testid="chart-bar" data-date={d.date} data-net={d.net}
              x={PAD.start + i * step + (step - bar) / 2} y={top} width={bar} height={Math.max(d.net === 0 ? 0 : 1, height)}>
              <title>{`${d.date}: ${money(d.net)}`}</title>
            </rect>
          );
        })}
        <line className="axis" x1={PAD.start} x2={W - PAD.end} y1={y(0)} y2={y(0)} />
        {/* The scale, on a touch screen that has no hover: the tallest bar's amount at its top. */}
        {max > 0 ? <line className="axis axis--max" x1={PAD.start} x2={W - PAD.end} y1={y(max)} y2={y(max)} /> : null}
        {max > 0 ? <text className="report__chart-max" x={PAD.start} y={PAD.top - 8} textAnchor="start" direction="ltr" data-testid="chart-max">{money(max)}</text> : null}
        {days.map((d, i) => (labelled(i) ? (
          <text key={d.date} x={PAD.start + i * step + step / 2} y={H - 8} textAnchor="middle">{d.date.slice(5)}</text>
        ) : null))}
      </svg>
    </figure>
  );
}
