// One referral: who sent it to which service, why and how urgently, its times and answer, the
// fields shared about the person (a snapshot taken when it was sent, only what the consent
// allowed), and the steps the user may take on it.
import type { Referral } from '../api/cases_types';
import { href } from '../app/router';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { ReferralActions } from './referral_actions';
import { Times } from './referrals_page';
import { getReferral } from './referrals_api';
import { PlaceName } from './place_name';

export function ReferralPage({ id }: { id: number }) {
  const { t } = useI18n();
  const loaded = useAsync(() => getReferral(id), [id]);
  const r = loaded.data;
  return (
    <article aria-labelledby="referral-title">
      <p><a href={href('/referrals')}>{t('referrals.back')}</a></p>
      <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      {loaded.loading && !r && <Loading />}
      {r && <ReferralBody referral={r} onChanged={loaded.setData} />}
    </article>
  );
}

function ReferralBody({ referral: r, onChanged }: { referral: Referral; onChanged: (r: Referral) => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const fromUser = typeof r.from?.user === 'string' ? r.from.user : r.from?.user?.username;
  const sender = r.from?.organisation?.id === user.organisation.id;
  return (
    <>
      <div class="page-head">
        <div>
          <p class="eyebrow">{enumLabel(t, 'serviceType', r.service?.type)}</p>
          <h1 id="referral-title">{t('referrals.referralN', { id: r.id })}</h1>
          <p>
            <span class={`badge ref-status ref-${r.status}`}>{enumLabel(t, 'referralStatus', r.status)}</span>{' '}
            <span class={`badge urgency-${r.urgency}`}>{enumLabel(t, 'urgency', r.urgency)}</span>
            {r.overdue && <> <span class="badge badge-overdue">{t('case.overdue')}</span></>}
          </p>
        </div>
      </div>
      <ReferralActions referral={r} onChanged={onChanged} />
      <section class="card" aria-labelledby="referral-route-title">
        <h2 id="referral-route-title">{t('referrals.route')}</h2>
        <dl class="details">
          <dt>{t('referrals.from')}</dt>
          <dd>
            <bdi translate={false}>{r.from?.organisation?.name}</bdi>
            {fromUser && <> · <bdi translate={false}>{fromUser}</bdi></>}
            {sender && r.from?.case_id && <> · <a href={href(`/cases/${r.from.case_id}`)}>{t('referrals.fromCase')}</a></>}
          </dd>
          <dt>{t('referral.service')}</dt>
          <dd>
            <bdi translate={false}>{r.service?.name}</bdi> · <bdi translate={false}>{r.service?.organisation?.name}</bdi>
          </dd>
          <dt>{t('referral.reason')}</dt>
          <dd class="prose">{r.reason ? <bdi translate={false}>{r.reason}</bdi> : t('common.none')}</dd>
          <dt>{t('referrals.times')}</dt>
          <dd><Times referral={r} /></dd>
          {r.decline_reason && (
            <>
              <dt>{t('referrals.declineReason')}</dt>
              <dd class="prose"><bdi translate={false}>{r.decline_reason}</bdi></dd>
            </>
          )}
          {r.cancel_reason && (
            <>
              <dt>{t('referrals.cancelReason')}</dt>
              <dd class="prose"><bdi translate={false}>{r.cancel_reason}</bdi></dd>
            </>
          )}
          {r.service_date && (
            <>
              <dt>{t('given.date')}</dt>
              <dd><bdi dir="ltr">{r.service_date}</bdi></dd>
            </>
          )}
          {r.feedback && (
            <>
              <dt>{t('referrals.feedback')}</dt>
              <dd class="prose"><bdi translate={false}>{r.feedback}</bdi></dd>
            </>
          )}
        </dl>
      </section>
      <section class="card" aria-labelledby="referral-shared-title">
        <h2 id="referral-shared-title">{t('referrals.shared')}</h2>
        <Shared shared={r.shared} />
      </section>
    </>
  );
}

function Shared({ shared }: { shared: Referral['shared'] }) {
  const { t } = useI18n();
  const entries = Object.entries(shared ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (entries.length === 0) return <p class="muted">{t('referrals.nothingShared')}</p>;
  return (
    <dl class="details">
      {entries.map(([key, value]) => (
        <div key={key} class="contents">
          <dt>{enumLabel(t, 'share', key)}</dt>
          <dd><SharedValue field={key} value={value} /></dd>
        </div>
      ))}
    </dl>
  );
}

function SharedValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useI18n();
  if (field === 'sex' && typeof value === 'string') return <>{enumLabel(t, 'sex', value)}</>;
  if (field === 'location') {
    const pcode = typeof value === 'string' ? value : (value as { pcode?: string } | null)?.pcode;
    if (pcode) return <PlaceName pcode={pcode} />;
  }
  if (field === 'phone') return <bdi dir="ltr" translate={false}>{String(value)}</bdi>;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  return <bdi translate={false}>{text}</bdi>;
}
