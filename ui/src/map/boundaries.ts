// Iraq's administrative boundaries (OCHA COD-AB, shipped in data/iraq/boundaries): Vite emits the
// two GeoJSON files as hashed assets and the map fetches the one it draws, once per page. No
// tile server and no network beyond sanad itself.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import adm1Url from '../../../data/iraq/boundaries/irq_adm1.geojson?url';
import adm2Url from '../../../data/iraq/boundaries/irq_adm2.geojson?url';

/** 1 = governorates (18), 2 = districts (101). */
export type AdminLevel = 1 | 2;

/** What the map needs of a unit: its P-code, names and parent governorate. */
export interface UnitProps { pcode: string; name_en: string; name_ar: string; adm1_pcode: string }

export type Unit = Feature<Geometry, UnitProps>;

const kUrls: Record<AdminLevel, string> = { 1: adm1Url, 2: adm2Url };
const loaded = new Map<AdminLevel, Promise<Unit[]>>();

type RawProps = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The units of `level` with their properties reduced to UnitProps; a failed fetch is retried next time. */
export function boundaries(level: AdminLevel): Promise<Unit[]> {
  let found = loaded.get(level);
  if (!found) {
    found = fetch(kUrls[level]).then(async (response) => {
      if (!response.ok) throw new Error(`boundaries: ${response.status}`);
      const collection = (await response.json()) as FeatureCollection<Geometry, RawProps>;
      return collection.features.map((feature): Unit => {
        const p = feature.properties ?? {};
        const prefix = level === 1 ? 'ADM1' : 'ADM2';
        return {
          type: 'Feature',
          geometry: feature.geometry,
          properties: {
            pcode: text(p[`${prefix}_PCODE`]),
            name_en: text(p[`${prefix}_EN`]),
            name_ar: text(p[`${prefix}_AR`]),
            adm1_pcode: text(p.ADM1_PCODE),
          },
        };
      });
    });
    found.catch(() => loaded.delete(level));
    loaded.set(level, found);
  }
  return found;
}
