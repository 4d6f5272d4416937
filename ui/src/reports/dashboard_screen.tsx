// The dashboard's route entry: the page and the map library (Leaflet, about 150 kB) are loaded
// only when the dashboard is first opened, not with the rest of the application.
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox, Loading } from '../common/error_box';

type Page = FunctionComponent<{ query: URLSearchParams }>;
let loaded: Promise<Page> | null = null;

function loadPage(): Promise<Page> {
  loaded ??= import('./dashboard_page').then((module) => module.ReportsDashboardPage);
  loaded.catch(() => { loaded = null; });
  return loaded;
}

export function DashboardScreen({ query }: { query: URLSearchParams }) {
  const [page, setPage] = useState<{ component: Page } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadPage().then((component) => live && setPage({ component }), (cause: unknown) => live && setError(cause));
    return () => { live = false; };
  }, [attempt]);
  if (page) return <page.component query={query} />;
  if (error) return <ErrorBox error={error} onRetry={() => { setError(null); setAttempt((n) => n + 1); }} />;
  return <Loading />;
}
