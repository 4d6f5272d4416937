// One indicator (`#/indicators/{id}`): its definition, its progress over a period (value
// against target, unique people and times served, by sex × age group × population group, and
// by month or by governorate), and for managers the form to change it.
import { useState } from 'preact/hooks';
import { href } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { PlaceName } from '../referrals/place_name';
import { Figures } from '../assistance/figures';
import { IndicatorForm, kindText } from './indicator_form';
import { RatioBar } from './indicators_section';
import { listOf, localName } from './labels';
import { formatNumber, percent } from './money';
import { getIndicator, indicatorProgress } from './programmes_api';
import type { Indicator, Progress } from './programmes_types';
import '../assistance/assistance.css';
import './programmes.css';

export function IndicatorPage({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const indicator = useAsync(() => getIndicator(id), [id]);
  const [editing, setEditing] = useState(false);
  if (indicator.error && !indicator.data) return <section><ErrorBox error={indicator.error} onRetry={indicator.reload} /></section>;
  if (!indicator.data) return <section><Loading /></section>;
  const i = indicator.data;
  return (
    <section aria-labelledby="indicator-title">
      <p><a href={href(`/projects/${i.project_id}`)}>{t('indicator.backToProject')}</a></p>
      <div class="page-head">
        <div>
          <h1 id="indicator-title"><bdi translate={false} dir="ltr">{i.code}</bdi> <bdi translate={false}>{localName(lang, i)}</bdi></h1>
          <p class="prog-marks">
            <span class="badge prog-status">{enumLabel(t, 'measure', i.measure)}</span>
            {!i.active && <span class="badge badge-off">{t('items.inactive')}</span>}
          </p>
        </div>
        {can(user.role, 'projects.manage') && !editing && (
          <button type="button" class="button" onClick={() => setEditing(true)}>{t('indicator.edit')}</button>
        )}
      </div>
      {editing && (
        <IndicatorForm projectId={i.project_id} indicator={i} onCancel={() => setEditing(false)} onSaved={(saved) => {
          setEditing(false);
          indicator.setData(saved);
        }} />
      )}
      <Definition indicator={i} />
      <ProgressView indicator={i} />
    </section>
  );
}

function Definition({ indicator: i }: { indicator: Indicator }) {
  const { t, lang } = useI18n();
  const d = i.definition ?? {};
  return (
    <section class="card" aria-labelledby="ind-def-title">
      <h2 id="ind-def-title">{t('indicator.definition')}</h2>
      <dl class="details">
        <dt>{t('indicator.measure')}</dt><dd>{enumLabel(t, 'measure', i.measure)}</dd>
        <dt>{t('indicator.target')}</dt><dd><bdi dir="ltr">{formatNumber(i.target)}</bdi></dd>
        <dt>{t('indicator.sources')}</dt><dd>{d.sources?.length ? listOf(t, lang, 'source', d.sources) : t('indicator.any')}</dd>
        <dt>{t('indicator.sectors')}</dt><dd>{d.sectors?.length ? listOf(t, lang, 'sector', d.sectors) : t('indicator.any')}</dd>
        {d.kinds?.length ? <><dt>{t('indicator.kinds')}</dt><dd>{d.kinds.map((k) => kindText(t, k)).join(lang === 'en' ? ', ' : '، ')}</dd></> : null}
        {d.unit_kinds?.length ? <><dt>{t('indicator.unitKinds')}</dt><dd>{listOf(t, lang, 'unitKind', d.unit_kinds)}</dd></> : null}
        <dt>{t('indicator.place')}</dt><dd>{d.pcode ? <PlaceName pcode={d.pcode} /> : t('indicator.any')}</dd>
        <dt>{t('indicator.records')}</dt><dd>{d.project_only === false ? t('indicator.allRecords') : t('indicator.projectRecords')}</dd>
      </dl>
    </section>
  );
}

function ProgressView({ indicator }: { indicator: Indicator }) {
  const { t } = useI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [by, setBy] = useState('month');
  const [asked, setAsked] = useState({ from: '', to: '', by: 'month' });
  const progress = useAsync(() => indicatorProgress(indicator.id, asked), [indicator.id, indicator.version, asked.from, asked.to, asked.by]);
  return (
    <section class="card" aria-labelledby="ind-progress-title">
      <h2 id="ind-progress-title">{t('indicator.progress')}</h2>
      <form class="filters" aria-label={t('indicator.period')} onSubmit={(e) => {
        e.preventDefault();
        setAsked({ from, to, by });
      }}>
        <div class="field">
          <label for="ind-from">{t('prog.from')}</label>
          <input id="ind-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="ind-to">{t('prog.to')}</label>
          <input id="ind-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="ind-by">{t('indicator.by')}</label>
          <select id="ind-by" value={by} onChange={(e) => setBy(e.currentTarget.value)}>
            <option value="month">{t('indicator.byMonth')}</option>
            <option value="place">{t('indicator.byPlace')}</option>
          </select>
        </div>
        <div class="actions"><button type="submit" class="button primary">{t('indicator.show')}</button></div>
      </form>
      <ErrorBox error={progress.error} onRetry={progress.reload} />
      {progress.loading && !progress.data && <Loading />}
      {progress.data && <ProgressFigures progress={progress.data} by={asked.by} />}
    </section>
  );
}

function ProgressFigures({ progress: p, by }: { progress: Progress; by: string }) {
  const { t } = useI18n();
  const cells = (p.disaggregation ?? []).filter((c) => c.value);
  return (
    <>
      {p.period && <p class="muted">{t('indicator.periodLine', { from: p.period.from, to: p.period.to })}</p>}
      <Figures values={[
        [t('indicator.value'), p.value],
        [t('indicator.target'), p.target],
        [t('indicator.ratio'), percent(p.ratio)],
        ...(p.times_served !== undefined && p.times_served !== null ? [[t('indicator.timesServed'), p.times_served] as [string, number]] : []),
        ...(p.counted ? [[t('indicator.counted'), p.counted] as [string, number]] : []),
      ]} />
      <RatioBar ratio={p.ratio} />
      {cells.length > 0 && (
        <div class="table-scroll">
          <table class="list">
            <caption>{t('indicator.disaggregation')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attendance.sex')}</th>
                <th scope="col">{t('attendance.ageGroup')}</th>
                <th scope="col">{t('attendance.populationGroup')}</th>
                <th scope="col" class="num">{t('indicator.value')}</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => (
                <tr key={`${c.sex}/${c.age_group}/${c.population_group}`}>
                  <td>{c.sex === 'unknown' ? t('prog.unknown') : enumLabel(t, 'sex', c.sex)}</td>
                  <td>{enumLabel(t, 'ageGroup', c.age_group)}</td>
                  <td>{enumLabel(t, 'popGroup', c.population_group)}</td>
                  <td class="num"><bdi dir="ltr">{formatNumber(c.value)}</bdi></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(p.series ?? []).length > 0 && (
        <div class="table-scroll">
          <table class="list">
            <caption>{by === 'place' ? t('indicator.byPlace') : t('indicator.byMonth')}</caption>
            <thead>
              <tr>
                <th scope="col">{by === 'place' ? t('indicator.governorate') : t('indicator.month')}</th>
                <th scope="col" class="num">{t('indicator.value')}</th>
                {by !== 'place' && <th scope="col" class="num">{t('indicator.cumulative')}</th>}
              </tr>
            </thead>
            <tbody>
              {(p.series ?? []).map((s) => (
                <tr key={s.key}>
                  <th scope="row">{by === 'place' ? <PlaceName pcode={s.key} /> : <bdi dir="ltr">{s.key}</bdi>}</th>
                  <td class="num"><bdi dir="ltr">{formatNumber(s.value)}</bdi></td>
                  {by !== 'place' && <td class="num"><bdi dir="ltr">{formatNumber(s.cumulative)}</bdi></td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
