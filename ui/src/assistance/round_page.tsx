// One distribution round: what it gives and to whom, its counts, the workflow buttons, the
// preview (draft and planned), the link to the collection screen (open), the beneficiary list
// with its exports, and the report after the round.
import { useState } from 'preact/hooks';
import { href } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { PlaceName } from '../referrals/place_name';
import { useItemNames } from '../stock/item_names';
import { getRound, previewRound, roundReport } from './assistance_api';
import type { Preview, Round } from './assistance_types';
import { BeneficiariesSection } from './beneficiaries_section';
import { Figures, PreviewView, ReportView } from './figures';
import { formatMoney } from './money';
import { RoundWorkflow } from './round_workflow';
import { RoundStatusBadge } from './rounds_page';
import './assistance.css';

export function RoundPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { user } = useSession();
  const round = useAsync(() => getRound(id), [id]);
  if (round.error && !round.data) return <section><ErrorBox error={round.error} onRetry={round.reload} /></section>;
  if (!round.data) return <section><Loading /></section>;
  const r = round.data;
  const planner = can(user.role, 'distribution.plan');
  const listed = r.status !== 'draft' && r.status !== 'cancelled';
  return (
    <section aria-labelledby="round-title">
      <p><a href={href('/distributions')}>{t('round.back')}</a></p>
      <div class="page-head">
        <div>
          <h1 id="round-title"><bdi translate={false}>{r.name}</bdi></h1>
          <p class="case-marks"><RoundStatusBadge status={r.status} /> <span class="badge round-status">{enumLabel(t, 'roundKind', r.kind)}</span></p>
        </div>
        <div class="actions">
          {planner && r.status === 'draft' && <a class="button" href={href(`/distributions/${r.id}/edit`)}>{t('round.edit')}</a>}
          {r.status === 'open' && can(user.role, 'collection.record') && (
            <a class="button primary" href={href(`/distributions/${r.id}/collect`)}>{t('round.collect')}</a>
          )}
          {r.kind === 'cash' && listed && <a class="button" href={href('/cash', { distribution_id: r.id })}>{t('round.cashTransfers')}</a>}
        </div>
      </div>
      {planner && <RoundWorkflow round={r} onChanged={(next) => (next ? round.setData(next) : round.reload())} />}
      {r.counts && listed && (
        <Figures values={[
          [t('round.households'), r.counts.households],
          [t('round.people'), r.counts.people],
          [t('round.collected'), r.counts.collected],
        ]} />
      )}
      <RoundFacts round={r} />
      {(r.status === 'draft' || r.status === 'planned') && <PreviewSection round={r} />}
      {listed && <BeneficiariesSection round={r} />}
      {(r.status === 'open' || r.status === 'closed') && <ReportSection round={r} />}
    </section>
  );
}

const kFlagLabel = {
  female_headed: 'round.femaleHeaded', disability: 'round.disability', elderly: 'round.elderly', child_under_5: 'round.childUnder5',
} as const;

function RoundFacts({ round: r }: { round: Round }) {
  const { t, lang } = useI18n();
  const { itemName } = useItemNames();
  const c = r.criteria ?? {};
  const flags = (['female_headed', 'disability', 'elderly', 'child_under_5'] as const).filter((k) => c[k]);
  return (
    <section class="card" aria-labelledby="round-facts-title">
      <h2 id="round-facts-title">{t('round.facts')}</h2>
      <dl class="details">
        {r.project && <><dt>{t('round.project')}</dt><dd><bdi translate={false}>{r.project}</bdi></dd></>}
        <dt>{t('round.site')}</dt><dd><bdi translate={false}>{r.site || t('common.none')}</bdi></dd>
        <dt>{t('round.place')}</dt><dd><PlaceName pcode={r.pcode} /></dd>
        <dt>{t('round.dates')}</dt><dd><bdi dir="ltr">{r.starts_on}{r.ends_on && r.ends_on !== r.starts_on ? ` – ${r.ends_on}` : ''}</bdi></dd>
        {r.warehouse && <><dt>{t('round.warehouse')}</dt><dd><bdi translate={false}>{r.warehouse.name}</bdi></dd></>}
        {r.basket.length > 0 && (
          <>
            <dt>{t('round.basket')}</dt>
            <dd>
              <ul class="plain">
                {r.basket.map((l) => (
                  <li key={l.item.id}>
                    <bdi dir="ltr">{l.quantity}</bdi> × <bdi translate={false}>{itemName(l.item)}</bdi>{' '}
                    <span class="muted">
                      {l.per_member ? t('round.perMemberShort') : t('round.perHousehold')}
                      {l.per_member && l.max_quantity ? ` (${t('round.maxShort', { n: l.max_quantity })})` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {r.cash && (
          <>
            <dt>{t('round.cash')}</dt>
            <dd>
              <bdi dir="ltr">{formatMoney(r.cash.amount, r.cash.currency)}</bdi>{' '}
              <span class="muted">{r.cash.per_member ? t('round.perMemberShort') : t('round.perHousehold')}</span>
              {' · '}{enumLabel(t, 'mechanism', r.cash.mechanism)}
            </dd>
          </>
        )}
        <dt>{t('round.criteria')}</dt>
        <dd>
          <ul class="plain">
            {(c.displacement_status ?? []).length > 0 && (
              <li>{t('round.statuses')}: {(c.displacement_status ?? []).map((s) => enumLabel(t, 'status', s)).join(lang === 'en' ? ', ' : '، ')}</li>
            )}
            {c.pcode && <li>{t('round.critPlace')}: <PlaceName pcode={c.pcode} /></li>}
            {c.min_size != null && <li>{t('round.minSize')}: <bdi dir="ltr">{c.min_size}</bdi></li>}
            {c.max_size != null && <li>{t('round.maxSize')}: <bdi dir="ltr">{c.max_size}</bdi></li>}
            {flags.map((k) => <li key={k}>{t(kFlagLabel[k])}</li>)}
            {c.not_assisted_days != null && <li>{t('round.notAssistedDays')}: <bdi dir="ltr">{c.not_assisted_days}</bdi></li>}
            {c.max_households != null && <li>{t('round.maxHouseholds')}: <bdi dir="ltr">{c.max_households}</bdi></li>}
            {!(c.displacement_status ?? []).length && !c.pcode && c.min_size == null && c.max_size == null && !flags.length &&
              c.not_assisted_days == null && c.max_households == null && <li>{t('round.everyone')}</li>}
          </ul>
        </dd>
      </dl>
    </section>
  );
}

function PreviewSection({ round }: { round: Round }) {
  const { t } = useI18n();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await previewRound(round.id));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="round-preview-title">
      <h2 id="round-preview-title">{t('round.preview')}</h2>
      <p class="hint">{t('round.previewHint')}</p>
      <button type="button" class="button" disabled={busy} onClick={load}>
        {busy ? t('app.loading') : preview ? t('round.previewAgain') : t('round.previewShow')}
      </button>
      <ErrorBox error={error} />
      {preview && <div role="status"><PreviewView preview={preview} cash={round.kind === 'cash'} /></div>}
    </section>
  );
}

function ReportSection({ round }: { round: Round }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(round.status === 'closed');
  const report = useAsync(() => (shown ? roundReport(round.id) : Promise.resolve(null)), [round.id, round.version, shown]);
  return (
    <section class="card" aria-labelledby="round-report-title">
      <h2 id="round-report-title">{t('round.report')}</h2>
      {!shown && <button type="button" class="button" onClick={() => setShown(true)}>{t('round.reportShow')}</button>}
      <ErrorBox error={report.error} onRetry={report.reload} />
      {shown && report.loading && <Loading />}
      {report.data != null && <ReportView report={report.data} />}
    </section>
  );
}
