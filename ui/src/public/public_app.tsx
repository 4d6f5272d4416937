// The public page (/public, no log-in): one organisation's work in Iraq — "in figures" and its
// missions on a map — in four languages. `?org=ID` picks the organisation, else the first listed.
// It shows only what /api/v1/public/... returns: suppressed aggregates, never a person.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { useAsync } from '../common/use_async';
import { FiguresSection } from './figures_section';
import { PUBLIC_LANGS, PublicI18nContext, applyLang, initialLang, storeLang, translator, usePublicI18n,
  type PublicLang, type PublicTranslate } from './i18n';
import { MissionsSection } from './missions_section';
import { figures, missions, organisations } from './public_api';

export function PublicApp() {
  const [lang, setLangState] = useState<PublicLang>(initialLang);
  const i18n = useMemo(() => ({
    lang,
    t: translator(lang),
    setLang: (next: PublicLang) => {
      storeLang(next);
      setLangState(next);
    },
  }), [lang]);
  useEffect(() => applyLang(lang), [lang]);
  return (
    <PublicI18nContext.Provider value={i18n}>
      <PublicPage />
    </PublicI18nContext.Provider>
  );
}

function orgInUrl(): number | null {
  const value = new URLSearchParams(window.location.search).get('org') ?? '';
  return /^\d+$/.test(value) ? Number(value) : null;
}

function PublicPage() {
  const { t } = usePublicI18n();
  const orgs = useAsync(organisations, []);
  const [asked, setAsked] = useState<number | null>(orgInUrl);
  const [year, setYear] = useState<number | null>(null);
  const list = orgs.data ?? [];
  const orgId = asked ?? list[0]?.id ?? null;
  const numbers = useAsync(() => (orgId === null ? Promise.resolve(null) : figures(orgId, year)), [orgId, year]);
  const places = useAsync(() => (orgId === null ? Promise.resolve([]) : missions(orgId)), [orgId]);
  const name = numbers.data?.organisation.name ?? list.find((o) => o.id === orgId)?.name ?? '';

  useEffect(() => {
    document.title = name ? t('page.titleOf', { organisation: name }) : t('page.title');
  }, [name, t]);

  const chooseOrg = (id: number) => {
    const url = new URL(window.location.href);
    url.searchParams.set('org', String(id));
    history.replaceState(null, '', url);
    setYear(null);
    setAsked(id);
  };

  return (
    <>
      <header class="public-header">
        <a class="skip-link" href="#main" onClick={skipToMain}>{t('page.skip')}</a>
        <div class="public-header-row">
          {list.length > 1 && (
            <div class="org-choice">
              <label for="org-choice">{t('org.label')}</label>
              <select id="org-choice" value={orgId ?? ''} onChange={(e) => chooseOrg(Number(e.currentTarget.value))}>
                {list.map((o) => <option key={o.id} value={o.id} translate={false}>{o.name}</option>)}
              </select>
            </div>
          )}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} class="public-main">
        <h1>{name ? t('page.titleOf', { organisation: name }) : t('page.title')}</h1>
        <Problem error={orgs.error} onRetry={orgs.reload} />
        {orgs.loading && <p class="muted" role="status">{t('page.loading')}</p>}
        {orgs.data && orgId === null && <p class="empty">{t('org.none')}</p>}
        {orgId !== null && (
          <>
            <Problem error={numbers.error} onRetry={numbers.reload} />
            {numbers.data && <FiguresSection figures={numbers.data} onYear={setYear} />}
            <Problem error={places.error} onRetry={places.reload} />
            {places.data && (
              <MissionsSection key={orgId} missions={places.data} figures={numbers.data} />
            )}
            {numbers.data && <p class="muted public-note">{t('page.footer', { n: numbers.data.threshold })}</p>}
          </>
        )}
      </main>
    </>
  );
}

function LanguageSwitch() {
  const { t, lang, setLang } = usePublicI18n();
  return (
    <div class="lang-switch" role="group" aria-label={t('page.language')}>
      {PUBLIC_LANGS.map((info) => (
        <button key={info.code} type="button" class="link-button" lang={info.code} dir={info.dir} translate={false}
          aria-pressed={lang === info.code} onClick={() => setLang(info.code)}>
          {info.label}
        </button>
      ))}
    </div>
  );
}

function problemText(t: PublicTranslate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('page.network');
    if (error.status === 404) return t('page.notFound');
    return t('page.error', { message: error.message || error.code });
  }
  return t('page.error', { message: error instanceof Error ? error.message : String(error) });
}

function Problem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = usePublicI18n();
  if (!error) return null;
  return (
    <div class="alert alert-error" role="alert">
      <p>{problemText(t, error)}</p>
      <button type="button" class="button" onClick={onRetry}>{t('page.retry')}</button>
    </div>
  );
}

function skipToMain(event: Event) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
