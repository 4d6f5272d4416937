// The page header: app name, navigation by role, who is signed in, language switch, log out.
import type { SessionUser } from '../api/types';
import { can, canUseCases } from '../auth/permissions';
import { LANGS, enumLabel, useI18n, type MessageKey } from '../i18n/i18n';
import { href } from './router';

export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <div class="lang-switch" role="group" aria-label={t('header.language')}>
      {LANGS.map((info) => (
        <button key={info.code} type="button" class="link-button" lang={info.code} dir={info.dir} translate={false}
          aria-pressed={lang === info.code} onClick={() => setLang(info.code)}>
          {info.label}
        </button>
      ))}
    </div>
  );
}

interface HeaderProps { user: SessionUser | null; section: string; onLogout: () => void }

export function Header({ user, section, onLogout }: HeaderProps) {
  const { t } = useI18n();
  const links = user ? navLinks(user) : [];
  return (
    <header class="site-header">
      <a class="skip-link" href="#main" onClick={skipToMain}>{t('app.skip')}</a>
      <div class="header-top">
        <a class="brand" href={href('/households')}><bdi>{t('app.name')}</bdi></a>
        <LanguageSwitch />
        {user && (
          <div class="user-box">
            <span class="user-name" title={t('header.user')}>
              <bdi translate={false}>{user.username}</bdi> · <bdi translate={false}>{user.organisation.name}</bdi>
              <span class="muted"> ({enumLabel(t, 'role', user.role)})</span>
            </span>
            <button type="button" class="button" onClick={onLogout}>{t('header.logout')}</button>
          </div>
        )}
      </div>
      {links.length > 0 && (
        <nav class="main-nav" aria-label={t('nav.label')}>
          <ul>
            {links.map((link) => (
              <li key={link.section}>
                <a href={href(link.path)} aria-current={(kSectionOf[section] ?? section) === link.section ? 'page' : undefined}>
                  {t(link.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}

/** Sections without a link of their own, shown as part of another's. */
const kSectionOf: Record<string, string> = { offices: 'projects', staff: 'projects', indicators: 'projects' };

function navLinks(user: SessionUser) {
  const links: { section: string; path: string; label: MessageKey }[] = [
    { section: 'households', path: '/households', label: 'nav.households' },
    { section: 'people', path: '/people', label: 'nav.people' },
    // The managers' dashboard: every role of the organisation reads it (docs/programmes.md).
    { section: 'dashboard', path: '/dashboard', label: 'nav.dashboard' },
  ];
  if (canUseCases(user)) {
    links.push({ section: 'cases', path: '/cases', label: 'nav.cases' });
  }
  if (can(user.role, 'referrals')) links.push({ section: 'referrals', path: '/referrals', label: 'nav.referrals' });
  links.push({ section: 'services', path: '/services', label: 'nav.services' });
  // Assistance: every role reads stock, rounds and cash transfers (docs/assistance.md).
  links.push({ section: 'stock', path: '/stock', label: 'nav.stock' });
  links.push({ section: 'distributions', path: '/distributions', label: 'nav.distributions' });
  links.push({ section: 'cash', path: '/cash', label: 'nav.cash' });
  // Programmes: every role reads projects and activities; offices and the staff roster are
  // tabs of Projects (docs/programmes.md).
  links.push({ section: 'projects', path: '/projects', label: 'nav.projects' });
  links.push({ section: 'activities', path: '/activities', label: 'nav.activities' });
  if (can(user.role, 'dedup.review')) links.push({ section: 'dedup', path: '/dedup', label: 'nav.dedup' });
  if (can(user.role, 'household.import')) links.push({ section: 'import', path: '/import', label: 'nav.import' });
  if (can(user.role, 'admin')) links.push({ section: 'admin', path: '/admin', label: 'nav.admin' });
  if (can(user.role, 'audit.read')) links.push({ section: 'audit', path: '/audit', label: 'nav.audit' });
  return links;
}

/** The hash is used for routing, so move focus to <main> by hand instead of following #main. */
function skipToMain(event: Event) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
