// Iraq's administrative places (governorate = level 1, district = 2, subdistrict = 3) from the
// API, cached for the page's lifetime: the list is small (at most 294 rows per call) and fixed.
import { api, itemsOf } from '../api/client';
import type { Place } from '../api/types';

const children = new Map<string, Promise<Place[]>>();
const paths = new Map<string, Promise<Place[]>>();

/** Places of `level`; below level 1 only those under `parent`. A failed call is not cached. */
export function placesAt(level: number, parent = ''): Promise<Place[]> {
  const key = `${level}/${parent}`;
  let found = children.get(key);
  if (!found) {
    const query = level === 1 ? { level } : { level, parent };
    found = api.get<{ items: Place[] }>('/places', query).then((data) => itemsOf(data));
    found.catch(() => children.delete(key));
    children.set(key, found);
  }
  return found;
}

/** The place and its parents, governorate first. */
export function placePath(pcode: string): Promise<Place[]> {
  let found = paths.get(pcode);
  if (!found) {
    found = api.get<Place>(`/places/${encodeURIComponent(pcode)}`).then((place) => {
      const parents = (place.path ?? []).filter((p) => p.pcode !== place.pcode);
      return [...parents, place].sort((a, b) => a.level - b.level);
    });
    found.catch(() => paths.delete(pcode));
    paths.set(pcode, found);
  }
  return found;
}

/** pcodes by level (index 0 = governorate) for a place path, padded to `levels` with ''. */
export function pcodesByLevel(path: Place[], levels: number): string[] {
  const values: string[] = Array.from({ length: levels }, () => '');
  for (const place of path) {
    if (place.level >= 1 && place.level <= levels) values[place.level - 1] = place.pcode;
  }
  return values;
}

/** The most specific chosen pcode of a cascade, or '' when nothing is chosen. */
export function mostSpecific(values: string[]): string {
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i]) return values[i]!;
  }
  return '';
}
