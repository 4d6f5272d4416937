// "In figures": people reached, ongoing and completed projects, volunteers and budget spent for
// a year, and people reached by sector. A suppressed count (null) reads "fewer than N".
import { BarTable } from '../reports/bar_table';
import { formatCount, formatMoney } from '../reports/numbers';
import { usePublicI18n, vocabulary, type PublicTranslate } from './i18n';
import type { PublicFigures, Suppressed } from './public_types';

/** The last five years: the public figures are per calendar year. */
const kYears = 5;

export function suppressedText(t: PublicTranslate, lang: string, value: Suppressed, threshold: number | undefined): string {
  if (value !== null) return formatCount(lang, value);
  return threshold ? t('figures.fewerThan', { n: formatCount(lang, threshold) }) : '—';
}

interface Props { figures: PublicFigures; onYear: (year: number) => void }

export function FiguresSection({ figures: f, onYear }: Props) {
  const { t, lang } = usePublicI18n();
  const shown = (value: Suppressed) => suppressedText(t, lang, value, f.threshold);
  const year = Number(f.period.to.slice(0, 4)) || Number(f.period.from.slice(0, 4));
  const latest = Math.max(year, new Date().getFullYear());
  const years = Array.from({ length: kYears }, (_, i) => latest - i);
  const sectors = f.by_sector.map((s) => ({
    key: s.sector, label: vocabulary(t, 'sector', s.sector), values: [s.people_reached],
  }));

  return (
    <section class="card" aria-labelledby="figures-title">
      <div class="section-head">
        <h2 id="figures-title">{t('figures.title')}</h2>
        <div class="field inline-field">
          <label for="figures-year">{t('figures.year')}</label>
          <select id="figures-year" value={String(year)} onChange={(e) => onYear(Number(e.currentTarget.value))}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
      </div>
      <p class="muted">{t('figures.period', { from: isolate(f.period.from), to: isolate(f.period.to) })}</p>
      <dl class="counts public-counts">
        <div><dt>{t('figures.people')}</dt><dd>{shown(f.people_reached)}</dd></div>
        <div><dt>{t('figures.ongoing')}</dt><dd>{formatCount(lang, f.projects.ongoing)}</dd></div>
        <div><dt>{t('figures.completed')}</dt><dd>{formatCount(lang, f.projects.completed)}</dd></div>
        <div><dt>{t('figures.volunteers')}</dt><dd>{shown(f.volunteers)}</dd></div>
        <div>
          <dt>{t('figures.budgetSpent')}</dt>
          {f.budget.length === 0 && <dd class="small">{t('figures.noBudget')}</dd>}
          {f.budget.map((b) => (
            <dd key={b.currency} class="money">
              {t('figures.spentOf', { spent: formatMoney(lang, b.spent, b.currency), budget: formatMoney(lang, b.budget, b.currency) })}
            </dd>
          ))}
        </div>
      </dl>
      <h3 id="figures-sector">{t('figures.bySector')}</h3>
      <BarTable caption={t('figures.bySector')} head={t('figures.sector')} rows={sectors} empty={t('figures.noSectors')}
        series={[{ label: t('figures.people') }]} format={(n) => formatCount(lang, n)}
        missing={suppressedText(t, lang, null, f.threshold)} />
    </section>
  );
}

/** A date inside a sentence of either direction keeps its own left-to-right order. */
function isolate(date: string): string {
  return `\u2068${date}\u2069`;
}
