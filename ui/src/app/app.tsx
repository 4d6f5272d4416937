// The application shell: restores the session, provides language and user to every screen,
// and picks the screen for the current hash route.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, setUnauthenticatedHandler } from '../api/client';
import type { Session } from '../api/types';
import { AdminPage } from '../admin/admin_page';
import { AuditPage } from '../audit/audit_page';
import { LoginPage } from '../auth/login_page';
import { can, canUseCases } from '../auth/permissions';
import { SessionContext, fetchSession, logOut, useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { CaseNewPage } from '../cases/case_new_page';
import { CasePage } from '../cases/case_page';
import { CasesPage } from '../cases/cases_page';
import { DashboardPage } from '../cases/dashboard_page';
import { DedupPage } from '../dedup/dedup_page';
import { ImportPage } from '../import/import_page';
import { I18nContext, applyLang, storeLang, storedLang, translator, useI18n, type Lang } from '../i18n/i18n';
import { HouseholdForm } from '../registry/household_form';
import { HouseholdPage } from '../registry/household_page';
import { HouseholdsPage } from '../registry/households_page';
import { ReferralPage } from '../referrals/referral_page';
import { ReferralsPage } from '../referrals/referrals_page';
import { ServicesPage } from '../referrals/services_page';
import { PeoplePage } from '../registry/people_page';
import { CashPage } from '../assistance/cash_page';
import { CollectionPage } from '../assistance/collection_page';
import { RoundFormPage } from '../assistance/round_form';
import { RoundPage } from '../assistance/round_page';
import { RoundsPage } from '../assistance/rounds_page';
import { StockPage } from '../stock/stock_page';
import { ActivitiesPage } from '../programmes/activities_page';
import { ActivityFormPage } from '../programmes/activity_form';
import { ActivityPage } from '../programmes/activity_page';
import { AttendancePage } from '../programmes/attendance_editor';
import { IndicatorPage } from '../programmes/indicator_page';
import { OfficesPage } from '../programmes/offices_page';
import { ProjectFormPage } from '../programmes/project_form';
import { ProjectPage } from '../programmes/project_page';
import { ProjectsPage } from '../programmes/projects_page';
import { StaffPage } from '../programmes/staff_page';
import { DashboardScreen } from '../reports/dashboard_screen';
import { Header } from './header';
import { href, navigate, useRoute, type Route } from './router';

type SessionState =
  | { kind: 'loading' }
  | { kind: 'anonymous' }
  | { kind: 'error'; error: unknown }
  | { kind: 'signed-in'; session: Session };

export function App() {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const i18n = useMemo(() => ({
    lang,
    t: translator(lang),
    setLang: (next: Lang) => {
      storeLang(next);
      setLangState(next);
    },
  }), [lang]);
  useEffect(() => {
    applyLang(lang);
    document.title = translator(lang)('app.name');
  }, [lang]);

  return (
    <I18nContext.Provider value={i18n}>
      <Shell />
    </I18nContext.Provider>
  );
}

function Shell() {
  const route = useRoute();
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  const restore = useCallback(() => {
    setState({ kind: 'loading' });
    fetchSession().then(
      (session) => setState({ kind: 'signed-in', session }),
      (error: unknown) => setState(error instanceof ApiError && error.status === 401
        ? { kind: 'anonymous' }
        : { kind: 'error', error }),
    );
  }, []);

  useEffect(() => {
    restore();
    setUnauthenticatedHandler(() => setState({ kind: 'anonymous' }));
    return () => setUnauthenticatedHandler(null);
  }, [restore]);

  // The next person to log in on this device starts at the household list, not on a screen
  // the previous user had open (which their role may not allow).
  const signOut = useCallback(() => {
    logOut().catch(() => undefined).finally(() => {
      navigate('/households', {}, { replace: true });
      setState({ kind: 'anonymous' });
    });
  }, []);

  const user = state.kind === 'signed-in' ? state.session.user : null;
  const sessionValue = useMemo(() => (user ? { user, signOut } : null), [user, signOut]);

  return (
    <>
      <Header user={user} section={route.parts[0] ?? 'households'} onLogout={signOut} />
      {state.kind === 'loading' && <main id="main" tabIndex={-1}><Loading /></main>}
      {state.kind === 'error' && (
        <main id="main" tabIndex={-1}><ErrorBox error={state.error} onRetry={restore} /></main>
      )}
      {state.kind === 'anonymous' && (
        <LoginPage onLoggedIn={(session) => setState({ kind: 'signed-in', session })} />
      )}
      {sessionValue && (
        <SessionContext.Provider value={sessionValue}>
          <main id="main" tabIndex={-1}>
            <Screen route={route} />
          </main>
        </SessionContext.Provider>
      )}
    </>
  );
}

function Screen({ route }: { route: Route }) {
  const { t } = useI18n();
  const [section = 'households', id, sub] = route.parts;
  const { user } = useSession();
  const role = user.role;
  if (section === 'households') {
    if (!id) return <HouseholdsPage query={route.query} />;
    if ((id === 'new' || sub === 'edit') && !can(role, 'household.write')) return <NotAllowed />;
    if (id === 'new') return <HouseholdForm />;
    if (/^\d+$/.test(id) && sub === 'edit') return <HouseholdForm id={Number(id)} key={`edit-${id}`} />;
    if (/^\d+$/.test(id) && !sub) return <HouseholdPage id={Number(id)} key={`view-${id}`} />;
  }
  if (section === 'people' && !id) return <PeoplePage query={route.query} />;
  if (section === 'dashboard' && !id) return <DashboardScreen query={route.query} />;
  if (section === 'dedup' && !id) return can(role, 'dedup.review') ? <DedupPage /> : <NotAllowed />;
  if (section === 'import' && !id) return can(role, 'household.import') ? <ImportPage /> : <NotAllowed />;
  if (section === 'cases') {
    if (!canUseCases(user)) return <NotAllowed />;
    if (!id) return <CasesPage query={route.query} />;
    if (id === 'new' && !sub) return <CaseNewPage />;
    if (id === 'dashboard' && !sub) return <DashboardPage />;
    if (/^\d+$/.test(id) && !sub) return <CasePage id={Number(id)} key={`case-${id}`} />;
  }
  if (section === 'referrals') {
    if (!can(role, 'referrals')) return <NotAllowed />;
    if (!id) return <ReferralsPage query={route.query} />;
    if (/^\d+$/.test(id) && !sub) return <ReferralPage id={Number(id)} key={`referral-${id}`} />;
  }
  if (section === 'services' && !id) return <ServicesPage query={route.query} />;
  if (section === 'stock' && !sub) return <StockPage tab={id ?? ''} query={route.query} />;
  if (section === 'distributions') {
    if (!id) return <RoundsPage query={route.query} />;
    if ((id === 'new' || sub === 'edit') && !can(role, 'distribution.plan')) return <NotAllowed />;
    if (id === 'new' && !sub) return <RoundFormPage key="new" />;
    if (/^\d+$/.test(id) && sub === 'edit') return <RoundFormPage id={Number(id)} key={`edit-${id}`} />;
    if (/^\d+$/.test(id) && sub === 'collect') return <CollectionPage id={Number(id)} key={`collect-${id}`} />;
    if (/^\d+$/.test(id) && !sub) return <RoundPage id={Number(id)} key={`round-${id}`} />;
  }
  if (section === 'cash' && !id) return <CashPage query={route.query} />;
  // Programmes (docs/programmes.md): everyone reads; managers and field staff write.
  if (section === 'offices' && !id) return <OfficesPage query={route.query} />;
  if (section === 'staff' && !id) return can(role, 'projects.manage') ? <StaffPage query={route.query} /> : <NotAllowed />;
  if (section === 'projects') {
    if (!id) return <ProjectsPage query={route.query} />;
    if ((id === 'new' || sub === 'edit') && !can(role, 'projects.manage')) return <NotAllowed />;
    if (id === 'new' && !sub) return <ProjectFormPage key="new" />;
    if (/^\d+$/.test(id) && sub === 'edit') return <ProjectFormPage id={Number(id)} key={`edit-${id}`} />;
    if (/^\d+$/.test(id) && !sub) return <ProjectPage id={Number(id)} key={`project-${id}`} />;
  }
  if (section === 'indicators' && id && /^\d+$/.test(id) && !sub) return <IndicatorPage id={Number(id)} key={`indicator-${id}`} />;
  if (section === 'activities') {
    if (!id) return <ActivitiesPage query={route.query} />;
    if ((id === 'new' || sub === 'edit' || sub === 'attendance') && !can(role, 'activities.record')) return <NotAllowed />;
    if (id === 'new' && !sub) return <ActivityFormPage key="new" projectId={Number(route.query.get('project_id')) || undefined} />;
    if (/^\d+$/.test(id) && sub === 'edit') return <ActivityFormPage id={Number(id)} key={`edit-${id}`} />;
    if (/^\d+$/.test(id) && sub === 'attendance') return <AttendancePage id={Number(id)} key={`attendance-${id}`} />;
    if (/^\d+$/.test(id) && !sub) return <ActivityPage id={Number(id)} key={`activity-${id}`} />;
  }
  if (section === 'admin' || section === 'audit') {
    if (section === 'admin' && can(role, 'admin')) return <AdminPage />;
    if (section === 'audit' && can(role, 'audit.read')) return <AuditPage query={route.query} />;
    return <NotAllowed />;
  }
  return (
    <section>
      <h1>{t('error.page')}</h1>
    </section>
  );
}

/** A screen the signed-in role may not open (an old link, or another user's last screen). */
function NotAllowed() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('error.forbiddenTitle')}</h1>
      <p>{t('error.forbidden')}</p>
      <p><a href={href('/households')}>{t('household.back')}</a></p>
    </section>
  );
}
