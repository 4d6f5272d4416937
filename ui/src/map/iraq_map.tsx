// A map of Iraq drawn from the shipped boundaries with Leaflet, without tiles: a choropleth of
// one figure per governorate or district, and optional points (missions) as circle markers.
// Units and points are SVG paths made keyboard-usable (focusable buttons with a name), so the
// map can be used without a mouse; screens still give the same figures as a table beside it.
// Strings come in as props: the app and the public page have their own catalogues.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { boundaries, type AdminLevel, type Unit, type UnitProps } from './boundaries';
import { colourOf, type ColourClass } from './choropleth';
import './map.css';

export interface MapPoint { id: number; lat: number; lon: number; label: string }

export interface MapText {
  /** The accessible name of the map. */
  label: string;
  zoomIn: string;
  zoomOut: string;
  loading: string;
  failed: string;
  /** A unit's name with its figure: tooltip and accessible name. */
  unit: (unit: UnitProps, value: number | null | undefined) => string;
}

interface Props {
  level: AdminLevel;
  values: ReadonlyMap<string, number | null>;
  classes: readonly ColourClass[];
  selected: string | null;
  onSelect: (unit: UnitProps) => void;
  points?: readonly MapPoint[];
  selectedPoint?: number | null;
  onPointSelect?: (id: number) => void;
  text: MapText;
}

/** Iraq with a little margin; the map never pans far from it. */
const kIraq = L.latLngBounds([29.0, 38.7], [37.4, 48.6]);
const kAttribution = 'Boundaries: CSO Iraq / UN OCHA (COD-AB), CC BY-IGO';

export function IraqMap(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const unitsLayer = useRef<L.GeoJSON | null>(null);
  const outlineLayer = useRef<L.GeoJSON | null>(null);
  const pointsLayer = useRef<L.LayerGroup | null>(null);
  const zoom = useRef<L.Control.Zoom | null>(null);
  // Leaflet's handlers outlive renders: they read the newest props through this ref.
  const latest = useRef(props);
  latest.current = props;
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [outlines, setOutlines] = useState<Unit[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const created = L.map(element, {
      zoomControl: false, attributionControl: false, zoomSnap: 0.25, minZoom: 4, maxZoom: 11,
      maxBounds: kIraq.pad(0.5), renderer: L.svg({ padding: 0.5 }),
    });
    L.control.attribution({ prefix: false }).addAttribution(
      `<span lang="en" dir="ltr" translate="no">${kAttribution}</span>`).addTo(created);
    created.fitBounds(kIraq);
    map.current = created;
    pointsLayer.current = L.layerGroup().addTo(created);
    // The frame's size is known only after layout (and changes with the window): fit Iraq again.
    const resized = new ResizeObserver(() => {
      created.invalidateSize();
      created.fitBounds(kIraq);
    });
    resized.observe(element);
    return () => {
      resized.disconnect();
      created.remove();
      map.current = null;
    };
  }, []);

  // The zoom buttons' titles follow the language.
  useEffect(() => {
    const current = map.current;
    if (!current) return;
    zoom.current?.remove();
    zoom.current = L.control.zoom({ zoomInTitle: props.text.zoomIn, zoomOutTitle: props.text.zoomOut }).addTo(current);
  }, [props.text.zoomIn, props.text.zoomOut]);

  useEffect(() => {
    let live = true;
    setUnits(null);
    setFailed(false);
    boundaries(props.level).then((loaded) => live && setUnits(loaded), () => live && setFailed(true));
    // Districts are drawn under the governorates' outlines so they can be placed at a glance.
    if (props.level === 2) boundaries(1).then((loaded) => live && setOutlines(loaded), () => undefined);
    else setOutlines(null);
    return () => { live = false; };
  }, [props.level]);

  useEffect(() => {
    const current = map.current;
    if (!current || !units) return undefined;
    const select = (unit: UnitProps) => latest.current.onSelect(unit);
    const layer = L.geoJSON(units, {
      onEachFeature: (feature: Unit, path) => {
        path.bindTooltip(() => textNode(latest.current.text.unit(feature.properties,
          latest.current.values.get(feature.properties.pcode))), { sticky: true });
        path.on('click', () => select(feature.properties));
        path.on('add', () => makeButton(path as L.Path, () => select(feature.properties)));
      },
    }).addTo(current);
    unitsLayer.current = layer;
    pointsLayer.current?.eachLayer((point) => (point as L.CircleMarker).bringToFront());
    return () => {
      layer.remove();
      unitsLayer.current = null;
    };
  }, [units]);

  useEffect(() => {
    const current = map.current;
    if (!current || !outlines) return undefined;
    const layer = L.geoJSON(outlines, {
      interactive: false,
      style: { fill: false, color: '#1c2430', weight: 1.5, opacity: 0.8 },
    }).addTo(current);
    outlineLayer.current = layer;
    return () => {
      layer.remove();
      outlineLayer.current = null;
    };
  }, [outlines]);

  // Colours, selection and accessible names follow the figures without redrawing the shapes.
  const { values, classes, selected, text } = props;
  useEffect(() => {
    const layer = unitsLayer.current;
    if (!layer) return;
    layer.eachLayer((item) => {
      const path = item as L.Path & { feature?: Unit };
      const unit = path.feature?.properties;
      if (!unit) return;
      const value = values.get(unit.pcode);
      const chosen = unit.pcode === selected;
      path.setStyle({
        fillColor: colourOf(classes, value), fillOpacity: 0.9,
        color: chosen ? '#f0a500' : '#5a6472', weight: chosen ? 4 : 0.8, opacity: 1,
      });
      if (chosen) path.bringToFront();
      const element = path.getElement();
      element?.setAttribute('aria-label', text.unit(unit, value));
      element?.setAttribute('aria-pressed', String(chosen));
    });
    outlineLayer.current?.bringToFront();
    pointsLayer.current?.eachLayer((point) => (point as L.CircleMarker).bringToFront());
  }, [units, values, classes, selected, text]);

  const { points, selectedPoint } = props;
  useEffect(() => {
    const group = pointsLayer.current;
    if (!group) return;
    group.clearLayers();
    for (const point of points ?? []) {
      const chosen = point.id === selectedPoint;
      const marker = L.circleMarker([point.lat, point.lon], {
        radius: chosen ? 10 : 8, color: chosen ? '#f0a500' : '#ffffff', weight: chosen ? 4 : 2,
        fillColor: '#b3261e', fillOpacity: 1,
      });
      const pick = () => latest.current.onPointSelect?.(point.id);
      marker.bindTooltip(() => textNode(point.label), { direction: 'top', offset: [0, -8] });
      marker.on('click', pick);
      marker.on('add', () => {
        makeButton(marker, pick);
        marker.getElement()?.setAttribute('aria-label', point.label);
        marker.getElement()?.setAttribute('aria-pressed', String(chosen));
      });
      group.addLayer(marker);
    }
  }, [points, selectedPoint, units]);

  return (
    <div class="iraq-map-frame">
      <div ref={container} class="iraq-map" role="region" aria-label={text.label} />
      {!units && !failed && <p class="iraq-map-status muted" role="status">{text.loading}</p>}
      {failed && <p class="iraq-map-status field-error" role="alert">{text.failed}</p>}
    </div>
  );
}

/** Text as a DOM node: names typed by users never go through innerHTML. */
function textNode(value: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = value;
  return span;
}

/** Makes a drawn shape a keyboard button: focusable, Enter or Space picks it. */
function makeButton(layer: L.Path, pick: () => void) {
  const element = layer.getElement();
  if (!element || element.hasAttribute('role')) return;
  element.setAttribute('role', 'button');
  element.setAttribute('tabindex', '0');
  element.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key !== 'Enter' && key !== ' ') return;
    event.preventDefault();
    event.stopPropagation();
    pick();
  });
}
