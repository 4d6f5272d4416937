// Hash routing: `#/households/17?tab=x`. The server serves index.html for every non-API path,
// but the hash keeps routing entirely in the browser and survives reloads.
import { useEffect, useState } from 'preact/hooks';
import { withQuery, type Query } from '../api/client';

export interface Route { parts: string[]; query: URLSearchParams }

export function currentRoute(): Route {
  const raw = window.location.hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: new URLSearchParams(search) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function href(path: string, query: Query = {}): string {
  return '#' + withQuery(path, query);
}

export function navigate(path: string, query: Query = {}, options: { replace?: boolean } = {}): void {
  const target = href(path, query);
  if (options.replace) {
    history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}
