// "Where we work": the organisation's missions as points on the map of Iraq over the people
// reached per governorate this year; picking a mission (on the map or in the list) shows its
// activities and figures, picking a governorate its people reached.
import { useMemo, useState } from 'preact/hooks';
import type { UnitProps } from '../map/boundaries';
import { classify } from '../map/choropleth';
import { IraqMap, type MapPoint, type MapText } from '../map/iraq_map';
import { MapLegend } from '../map/map_legend';
import { formatCount } from '../reports/numbers';
import { suppressedText } from './figures_section';
import { localName, usePublicI18n, vocabulary } from './i18n';
import type { PublicFigures, PublicMission } from './public_types';

type Picked = { kind: 'mission'; id: number } | { kind: 'unit'; unit: UnitProps } | null;

interface Props { missions: readonly PublicMission[]; figures: PublicFigures | null }

export function MissionsSection({ missions, figures }: Props) {
  const { t, lang } = usePublicI18n();
  const [picked, setPicked] = useState<Picked>(null);
  const threshold = figures?.threshold;
  const rows = useMemo(() => figures?.by_governorate ?? [], [figures]);
  const values = useMemo(() => new Map(rows.map((r) => [r.pcode, r.people_reached] as const)), [rows]);
  const classes = useMemo(() => classify(rows.map((r) => r.people_reached)), [rows]);
  const nameOf = (m: PublicMission) => localName(lang, { name_en: m.name, name_ar: m.name_ar });
  const points: MapPoint[] = useMemo(() => missions
    .filter((m) => Number.isFinite(m.lat) && Number.isFinite(m.lon))
    .map((m) => ({ id: m.id, lat: m.lat, lon: m.lon, label: nameOf(m) })), [missions, lang]);
  const text: MapText = useMemo(() => ({
    label: t('map.label'),
    zoomIn: t('map.zoomIn'),
    zoomOut: t('map.zoomOut'),
    loading: t('map.loading'),
    failed: t('map.failed'),
    unit: (unit, value) => t('map.unit', {
      name: localName(lang, unit),
      count: value === undefined ? formatCount(lang, 0) : suppressedText(t, lang, value, threshold),
    }),
  }), [t, lang, threshold]);
  const count = (n: number) => formatCount(lang, n);
  const mission = picked?.kind === 'mission' ? missions.find((m) => m.id === picked.id) ?? null : null;

  return (
    <section class="card" aria-labelledby="missions-title">
      <h2 id="missions-title">{t('missions.title')}</h2>
      <div class="map-with-panel">
        <div>
          <IraqMap level={1} values={values} classes={classes} text={text} points={points}
            selected={picked?.kind === 'unit' ? picked.unit.pcode : null}
            selectedPoint={mission?.id ?? null}
            onSelect={(unit) => setPicked({ kind: 'unit', unit })}
            onPointSelect={(id) => setPicked({ kind: 'mission', id })} />
          <MapLegend title={t('map.legend')} classes={classes} zero={t('map.zero')}
            suppressed={threshold && rows.some((r) => r.people_reached === null)
              ? t('figures.fewerThan', { n: count(threshold) }) : undefined}
            range={(from, to) => (to === null ? t('map.from', { from: count(from) })
              : from === to ? count(from) : t('map.range', { from: count(from), to: count(to) }))} />
        </div>
        <aside class="place-panel" aria-labelledby="mission-panel-title" aria-live="polite">
          {mission && <MissionPanel mission={mission} threshold={threshold} onClose={() => setPicked(null)} />}
          {picked?.kind === 'unit' && (
            <>
              <p class="eyebrow">{t('map.governorate')}</p>
              <h3 id="mission-panel-title">{localName(lang, picked.unit)}</h3>
              <dl class="details">
                <dt>{t('figures.people')}</dt>
                <dd>{values.has(picked.unit.pcode)
                  ? suppressedText(t, lang, values.get(picked.unit.pcode) ?? null, threshold) : count(0)}</dd>
              </dl>
              <p class="panel-actions">
                <button type="button" class="button" onClick={() => setPicked(null)}>{t('missions.close')}</button>
              </p>
            </>
          )}
          {!picked && (
            <>
              <h3 id="mission-panel-title">{t('missions.list')}</h3>
              <p class="muted">{t('missions.hint')}</p>
            </>
          )}
        </aside>
      </div>
      <h3 id="missions-list" class="mission-list-title">{t('missions.list')}</h3>
      {missions.length === 0 ? <p class="muted">{t('missions.none')}</p> : (
        <ul class="plain mission-list" aria-labelledby="missions-list">
          {missions.map((m) => (
            <li key={m.id}>
              <button type="button" class="link-button" aria-pressed={mission?.id === m.id}
                onClick={() => setPicked({ kind: 'mission', id: m.id })}>
                <bdi translate={false}>{nameOf(m)}</bdi>
              </button>
              {m.place && <span class="muted"> · {localName(lang, m.place)}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface PanelProps { mission: PublicMission; threshold: number | undefined; onClose: () => void }

function MissionPanel({ mission, threshold, onClose }: PanelProps) {
  const { t, lang } = usePublicI18n();
  const shown = (value: number | null) => suppressedText(t, lang, value, threshold);
  return (
    <>
      {mission.place && <p class="eyebrow">{localName(lang, mission.place)}</p>}
      <h3 id="mission-panel-title"><bdi translate={false}>{localName(lang, { name_en: mission.name, name_ar: mission.name_ar })}</bdi></h3>
      <dl class="details">
        <dt>{t('missions.people')}</dt><dd>{shown(mission.people_reached)}</dd>
        <dt>{t('missions.ongoing')}</dt><dd>{formatCount(lang, mission.projects.ongoing)}</dd>
        <dt>{t('missions.completed')}</dt><dd>{formatCount(lang, mission.projects.completed)}</dd>
      </dl>
      <p class="hint">{t('missions.allTime')}</p>
      <h4>{t('missions.activities')}</h4>
      {mission.activities.length === 0 ? <p class="muted">{t('missions.noActivities')}</p> : (
        <div class="table-scroll">
          <table class="mission-activities">
            <caption class="visually-hidden">{t('missions.activities')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('missions.activity')}</th>
                <th scope="col" class="num">{t('missions.held')}</th>
                <th scope="col" class="num">{t('missions.people')}</th>
              </tr>
            </thead>
            <tbody>
              {mission.activities.map((a) => (
                <tr key={`${a.type}/${a.sector}`}>
                  <th scope="row">
                    {vocabulary(t, 'activity', a.type)}
                    <span class="block muted small">{vocabulary(t, 'sector', a.sector)}</span>
                  </th>
                  <td class="num">{formatCount(lang, a.held)}</td>
                  <td class="num">{shown(a.people_reached)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="panel-actions">
        <button type="button" class="button" onClick={onClose}>{t('missions.close')}</button>
      </p>
    </>
  );
}
