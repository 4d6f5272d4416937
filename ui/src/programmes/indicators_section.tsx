// A project's indicators with their progress (value against target, unique people beside times
// served), each linking to its own page; managers add indicators here.
import { useState } from 'preact/hooks';
import { href } from '../app/router';
import { ErrorBox, Loading } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { IndicatorForm } from './indicator_form';
import { localName } from './labels';
import { formatNumber, percent } from './money';
import { projectProgress } from './programmes_api';
import type { Progress, Project } from './programmes_types';

/** Measures that count people, where unique people and times served differ. */
const kPeopleMeasures: readonly string[] = ['people_reached', 'households_reached', 'services_delivered'];

export function IndicatorsSection({ project, manages }: { project: Project; manages: boolean }) {
  const { t } = useI18n();
  const progress = useAsync(() => projectProgress(project.id), [project.id, project.version]);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  return (
    <section class="card" aria-labelledby="indicators-title">
      <div class="section-head">
        <h2 id="indicators-title">{t('indicator.title')}</h2>
        {manages && !adding && (
          <button type="button" class="button" onClick={() => {
            setNotice('');
            setAdding(true);
          }}>{t('indicator.add')}</button>
        )}
      </div>
      {notice && <p class="notice" role="status">{notice}</p>}
      {adding && (
        <IndicatorForm projectId={project.id} indicator={null} onCancel={() => setAdding(false)} onSaved={(saved) => {
          setAdding(false);
          setNotice(t('indicator.saved', { code: saved.code }));
          progress.reload();
        }} />
      )}
      <ErrorBox error={progress.error} onRetry={progress.reload} />
      {progress.loading && !progress.data && <Loading />}
      {progress.data && progress.data.length === 0 && <p class="empty">{t('indicator.none')}</p>}
      {progress.data && progress.data.length > 0 && (
        <div class="table-scroll">
          <table class="list">
            <caption class="visually-hidden">{t('indicator.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicator.name')}</th>
                <th scope="col" class="num">{t('indicator.value')}</th>
                <th scope="col" class="num">{t('indicator.target')}</th>
                <th scope="col">{t('indicator.progress')}</th>
                <th scope="col" class="num">{t('indicator.timesServed')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.data.map((p) => <ProgressRow key={p.indicator.id} progress={p} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ProgressRow({ progress: p }: { progress: Progress }) {
  const { t, lang } = useI18n();
  const i = p.indicator;
  const people = kPeopleMeasures.includes(i.measure);
  return (
    <tr class={i.active === false ? 'inactive' : undefined}>
      <th scope="row">
        <a href={href(`/indicators/${i.id}`)}><bdi translate={false} dir="ltr">{i.code}</bdi> <bdi translate={false}>{localName(lang, i)}</bdi></a>
        <div class="muted">{enumLabel(t, 'measure', i.measure)}</div>
      </th>
      <td class="num">
        <bdi dir="ltr">{formatNumber(p.value)}</bdi>
        {people && p.counted ? <div class="muted">{t('indicator.ofWhichCounted', { n: formatNumber(p.counted) })}</div> : null}
      </td>
      <td class="num"><bdi dir="ltr">{formatNumber(p.target)}</bdi></td>
      <td><RatioBar ratio={p.ratio} /></td>
      <td class="num"><bdi dir="ltr">{people ? formatNumber(p.times_served) : t('common.none')}</bdi></td>
    </tr>
  );
}

/** A ratio as text and a small bar beside it (the text is what is read out). */
export function RatioBar({ ratio }: { ratio: number | null | undefined }) {
  const width = ratio === null || ratio === undefined ? 0 : Math.min(100, Math.max(0, ratio * 100));
  return (
    <div class="ratio">
      <bdi dir="ltr" class="ratio-text">{percent(ratio)}</bdi>
      <span class="ratio-bar" aria-hidden="true"><span style={{ inlineSize: `${width}%` }} /></span>
    </div>
  );
}
