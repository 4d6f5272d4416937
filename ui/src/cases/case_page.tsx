// One case: its header (reference, module, status, risk, owner, people), the next workflow
// steps, "Refer", the editable sections, follow-ups, services given and the timeline. Every
// change answers with the case, which replaces the one shown (and its version).
import { useRef, useState } from 'preact/hooks';
import type { ProtectionCase } from '../api/cases_types';
import { href } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { ReferralForm } from '../referrals/referral_form';
import { CaseBadges, RiskBadge } from './badges';
import { FollowUpForm, ServiceGivenForm } from './case_forms';
import {
  AssessmentSection, ClosureSection, ConsentSection, DetailsSection, IntakeSection, PeopleSection, PlanSection,
  SummarySection,
} from './case_sections';
import { getCase } from './cases_api';
import { CaseTeam } from './case_team';
import { When } from './format';
import { Timeline } from './timeline';
import { WorkflowActions } from './workflow';

export function CasePage({ id }: { id: number }) {
  const { t } = useI18n();
  const loaded = useAsync(() => getCase(id), [id]);
  const kase = loaded.data;
  return (
    <article aria-labelledby="case-title" class="case-page">
      <p><a href={href('/cases')}>{t('case.back')}</a></p>
      <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      {loaded.loading && !kase && <Loading />}
      {kase && <CaseBody kase={kase} onChanged={loaded.setData} />}
    </article>
  );
}

function CaseBody({ kase, onChanged }: { kase: ProtectionCase; onChanged: (kase: ProtectionCase) => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [referring, setReferring] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const referHeading = useRef<HTMLHeadingElement>(null);
  const open = kase.status !== 'closed';
  const props = { kase, canEdit: open, onSaved: onChanged };
  const showClosure = kase.status === 'follow_up' || kase.status === 'closure_requested' || kase.status === 'closed' ||
    !!kase.closure?.reason;

  return (
    <>
      <header class="page-head case-head">
        <div>
          <p class="eyebrow">{enumLabel(t, 'module', kase.module)}</p>
          <h1 id="case-title"><bdi translate={false} dir="ltr">{kase.reference}</bdi></h1>
          <p class="case-marks">
            <span class={`badge status status-${kase.status}`}>{enumLabel(t, 'caseStatus', kase.status)}</span>{' '}
            <RiskBadge risk={kase.risk} />{' '}
            <CaseBadges overdue={!!kase.overdue} />
          </p>
        </div>
        {open && can(user.role, 'referrals') && (
          <div class="actions">
            <button type="button" class="button" aria-expanded={referring} onClick={() => {
              setSent(null);
              setReferring(!referring);
              requestAnimationFrame(() => referHeading.current?.focus());
            }}>
              {t('referral.refer')}
            </button>
          </div>
        )}
      </header>
      <dl class="details case-facts">
        <dt>{t('case.owner')}</dt>
        <dd><bdi translate={false}>{kase.owner?.username}</bdi></dd>
        {(kase.assigned ?? []).length > 0 && (
          <>
            <dt>{t('case.assigned')}</dt>
            <dd>{(kase.assigned ?? []).map((a, i) => (
              <span key={a.id}>{i > 0 && t('people.listSeparator')}<bdi translate={false}>{a.username}</bdi></span>
            ))}</dd>
          </>
        )}
        <dt>{t('case.opened')}</dt>
        <dd>{kase.dates?.open ? <When at={kase.dates.open} /> : t('common.none')}</dd>
        <dt>{t('case.nextFollowUp')}</dt>
        <dd><bdi dir="ltr">{kase.next_follow_up || t('common.none')}</bdi></dd>
      </dl>
      <WorkflowActions kase={kase} onChanged={onChanged} />
      {sent !== null && (
        <p class="alert alert-ok" role="status">
          {t('referral.sentNotice')} <bdi translate={false}>{sent}</bdi>
        </p>
      )}
      {referring && (
        <ReferralForm kase={kase} headingRef={referHeading}
          onCancel={() => setReferring(false)}
          onSent={(referral) => {
            setReferring(false);
            setSent(referral.service?.name ?? '');
            setTick((n) => n + 1);
          }} />
      )}
      <PeopleSection {...props} />
      <SummarySection {...props} />
      <CaseTeam kase={kase} onChanged={onChanged} />
      <IntakeSection {...props} />
      <ConsentSection {...props} />
      <AssessmentSection {...props} />
      <PlanSection {...props} />
      <DetailsSection {...props} />
      {showClosure && <ClosureSection {...props} />}
      {open && <FollowUpForm kase={kase} onSaved={onChanged} />}
      {open && <ServiceGivenForm kase={kase} onSaved={onChanged} />}
      <Timeline caseId={kase.id} stamp={`${kase.version}.${tick}`} />
    </>
  );
}
