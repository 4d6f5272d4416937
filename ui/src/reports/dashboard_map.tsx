// The dashboard's map: people reached per governorate or district as a choropleth, a panel with
// the figures of the place picked on the map, and the same figures as a table whose rows pick the
// place too (the map's keyboard-free alternative).
import { useMemo, useState } from 'preact/hooks';
import { boundaries, type AdminLevel, type UnitProps } from '../map/boundaries';
import { classify } from '../map/choropleth';
import { IraqMap, type MapText } from '../map/iraq_map';
import { MapLegend } from '../map/map_legend';
import { useAsync } from '../common/use_async';
import { placeName, useI18n } from '../i18n/i18n';
import { formatCount, formatPercent } from './numbers';
import type { DashboardData } from './reports_types';

interface PlaceFigures { pcode: string; name_en: string; name_ar: string; people: number; times_served?: number }

interface Props { data: DashboardData; onOnlyHere: (pcode: string) => void }

export function DashboardMap({ data, onOnlyHere }: Props) {
  const { t, lang } = useI18n();
  const [level, setLevel] = useState<AdminLevel>(1);
  const [selected, setSelected] = useState<string | null>(null);
  const rows: PlaceFigures[] = level === 1 ? data.by_governorate : data.by_district;
  const values = useMemo(() => new Map(rows.map((r) => [r.pcode, r.people] as const)), [rows]);
  const classes = useMemo(() => classify(rows.map((r) => r.people)), [rows]);
  const count = (n: number) => formatCount(lang, n);
  // Names of places the figures do not list (nobody reached) come from the boundaries.
  const shapes = useAsync(() => boundaries(level), [level]);
  const unitOf = (pcode: string): UnitProps | undefined => shapes.data?.find((u) => u.properties.pcode === pcode)?.properties;

  const text: MapText = useMemo(() => ({
    label: t('reports.mapLabel'),
    zoomIn: t('reports.zoomIn'),
    zoomOut: t('reports.zoomOut'),
    loading: t('reports.mapLoading'),
    failed: t('reports.mapFailed'),
    unit: (unit, value) => t('reports.mapUnit', { name: placeName(lang, unit), count: formatCount(lang, value ?? 0) }),
  }), [t, lang]);

  const chooseLevel = (next: AdminLevel) => {
    setLevel(next);
    setSelected(null);
  };
  const picked = selected ? rows.find((r) => r.pcode === selected) ?? placeOf(unitOf(selected), level) : null;

  return (
    <section class="card" aria-labelledby="dash-map">
      <h2 id="dash-map">{t('reports.map')}</h2>
      <fieldset class="level-switch">
        <legend>{t('reports.level')}</legend>
        {([1, 2] as const).map((value) => (
          <label key={value} class="check">
            <input type="radio" name="dash-level" checked={level === value} onChange={() => chooseLevel(value)} />
            {value === 1 ? t('reports.levelGovernorates') : t('reports.levelDistricts')}
          </label>
        ))}
      </fieldset>
      <div class="map-with-panel">
        <div>
          <IraqMap level={level} values={values} classes={classes} selected={selected} text={text}
            onSelect={(unit) => setSelected(unit.pcode)} />
          <MapLegend title={t('reports.people')} classes={classes} zero={t('reports.legendZero')}
            range={(from, to) => (to === null
              ? t('reports.legendFrom', { from: count(from) })
              : from === to ? count(from) : t('reports.legendRange', { from: count(from), to: count(to) }))} />
        </div>
        <PlacePanel place={picked} data={data} level={level} onClose={() => setSelected(null)} onOnlyHere={onOnlyHere} />
      </div>
      <details class="place-table">
        <summary>{t('reports.placeTable')}</summary>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{t('reports.placeTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.place')}</th>
                <th scope="col" class="num">{t('reports.people')}</th>
              </tr>
            </thead>
            <tbody>
              {[...rows].sort((a, b) => b.people - a.people).map((r) => (
                <tr key={r.pcode}>
                  <th scope="row">
                    <button type="button" class="link-button" aria-pressed={r.pcode === selected}
                      onClick={() => setSelected(r.pcode)}>{placeName(lang, r)}</button>
                  </th>
                  <td class="num">{count(r.people)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** A place nobody was reached in: zero figures (districts have no times served). */
function placeOf(unit: UnitProps | undefined, level: AdminLevel): PlaceFigures | null {
  if (!unit) return null;
  const place: PlaceFigures = { pcode: unit.pcode, name_en: unit.name_en, name_ar: unit.name_ar, people: 0 };
  if (level === 1) place.times_served = 0;
  return place;
}

interface PanelProps {
  place: PlaceFigures | null;
  data: DashboardData;
  level: AdminLevel;
  onClose: () => void;
  onOnlyHere: (pcode: string) => void;
}

function PlacePanel({ place, data, level, onClose, onOnlyHere }: PanelProps) {
  const { t, lang } = useI18n();
  const count = (n: number) => formatCount(lang, n);
  if (!place) {
    return (
      <aside class="place-panel" aria-labelledby="place-panel-title">
        <h3 id="place-panel-title">{t('reports.panel')}</h3>
        <p class="muted">{t('reports.panelHint')}</p>
      </aside>
    );
  }
  const total = data.reached.people;
  const governorate = level === 2 ? data.by_governorate.find((g) => g.pcode === place.pcode.slice(0, 5)) : null;
  const districts = level === 1
    ? data.by_district.filter((d) => d.pcode.startsWith(place.pcode) && d.people > 0).sort((a, b) => b.people - a.people)
    : [];
  return (
    <aside class="place-panel" aria-labelledby="place-panel-title">
      <p class="eyebrow">{t('reports.panel')}</p>
      <h3 id="place-panel-title">{placeName(lang, place)}</h3>
      <dl class="details">
        <dt>{t('reports.people')}</dt>
        <dd>{count(place.people)}</dd>
        {typeof place.times_served === 'number' && (<><dt>{t('reports.timesServed')}</dt><dd>{count(place.times_served)}</dd></>)}
        {total > 0 && (<><dt>{t('reports.shareOfTotal')}</dt><dd>{formatPercent(lang, place.people / total)}</dd></>)}
        {governorate && (<><dt>{t('reports.inGovernorate')}</dt><dd>{placeName(lang, governorate)}</dd></>)}
      </dl>
      {districts.length > 0 && (
        <>
          <h4>{t('reports.districtsOf')}</h4>
          <ul class="plain district-list">
            {districts.map((d) => <li key={d.pcode}>{placeName(lang, d)}: {count(d.people)}</li>)}
          </ul>
        </>
      )}
      <p class="panel-actions">
        <button type="button" class="button" onClick={() => onOnlyHere(place.pcode)}>{t('reports.onlyHere')}</button>
        <button type="button" class="button" onClick={onClose}>{t('reports.closePanel')}</button>
      </p>
    </aside>
  );
}
