// The steps a user may take on a referral: the receiving organisation accepts, declines (with
// a reason) and records the service given (feedback the sender sees); the sender cancels a
// referral not yet answered. Which of these the user may take comes from the referral's
// `allowed_next`; the server refuses anything out of order with a 409.
import { useState } from 'preact/hooks';
import type { Referral } from '../api/cases_types';
import { useSession } from '../auth/session';
import { Field } from '../common/field';
import { useI18n } from '../i18n/i18n';
import { ActionDialog, RefusalBox } from '../cases/action_dialog';
import { today } from '../cases/format';
import { isStale } from '../cases/field_errors';
import { acceptReferral, cancelReferral, declineReferral, getReferral, recordService } from './referrals_api';

interface Props {
  referral: Referral;
  onChanged: (referral: Referral) => void;
  /** Names the referral in button labels when several are on one screen. */
  label?: string;
}

export function ReferralActions({ referral, onChanged, label }: Props) {
  const { t } = useI18n();
  const { user } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const suffix = <Hidden text={label} />;
  const id = `ref-${referral.id}`;
  const stale = t('referrals.stale');
  const next = allowedNext(referral, user.organisation.id);

  /** Runs a step; a stale version reloads the referral so the user sees what changed. */
  const run = async (change: () => Promise<Referral>) => {
    try {
      onChanged(await change());
    } catch (cause) {
      if (isStale(cause)) onChanged(await getReferral(referral.id).catch(() => referral));
      throw cause;
    }
  };
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await run(() => acceptReferral(referral));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const buttons = [];
  if (next.includes('accepted')) {
    buttons.push(
      <button key="accept" type="button" class="button primary" disabled={busy} onClick={() => void accept()}>
        {t('referrals.accept')}{suffix}
      </button>,
    );
  }
  if (next.includes('declined')) {
    buttons.push(<Decline key="decline" id={`${id}-decline`} referral={referral} run={run} suffix={label} />);
  }
  if (next.includes('completed')) {
    buttons.push(<ServiceGiven key="given" id={`${id}-given`} referral={referral} run={run} suffix={label} />);
  }
  if (next.includes('cancelled')) {
    buttons.push(<Cancel key="cancel" id={`${id}-cancel`} referral={referral} run={run} suffix={label} />);
  }
  if (buttons.length === 0 && !error) return null;
  return (
    <div class="referral-actions">
      <div class="actions">{buttons}</div>
      <RefusalBox error={error} stale={stale} />
    </div>
  );
}

/**
 * The server's `allowed_next` for this user; without it, what the organisations imply: the
 * receiver answers a sent referral and records the service of an accepted one, the sender
 * cancels a sent one.
 */
function allowedNext(r: Referral, organisationId: number): string[] {
  if (Array.isArray(r.allowed_next)) return r.allowed_next;
  const out: string[] = [];
  const receiving = r.service?.organisation?.id === organisationId;
  if (receiving && r.status === 'sent') out.push('accepted', 'declined');
  if (receiving && r.status === 'accepted') out.push('completed');
  if (r.from?.organisation?.id === organisationId && r.status === 'sent') out.push('cancelled');
  return out;
}

function Hidden({ text }: { text: string | undefined }) {
  return text ? <span class="visually-hidden"> {text}</span> : null;
}

type Run = (change: () => Promise<Referral>) => Promise<void>;

interface StepProps { id: string; referral: Referral; run: Run; suffix?: string | undefined }

function Decline({ id, referral, run, suffix }: StepProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <ActionDialog id={id} label={<>{t('referrals.decline')}<Hidden text={suffix} /></>} title={t('referrals.declineTitle')}
      confirm={t('referrals.decline')} stale={t('referrals.stale')}
      onOpen={() => {
        setReason('');
        setMissing(false);
      }}
      onConfirm={async () => {
        const text = reason.trim();
        setMissing(!text);
        if (!text) return false;
        await run(() => declineReferral(referral, text));
        return true;
      }}>
      <Field id={`${id}-reason`} label={t('referrals.declineReason')} errors={missing ? [t('check.required')] : undefined}>
        {(c) => <textarea {...c} dir="auto" rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
    </ActionDialog>
  );
}

function ServiceGiven({ id, referral, run, suffix }: StepProps) {
  const { t } = useI18n();
  const [date, setDate] = useState(today());
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <ActionDialog id={id} label={<>{t('referrals.recordService')}<Hidden text={suffix} /></>}
      title={t('referrals.recordServiceTitle')} text={t('referrals.recordServiceText')} confirm={t('common.save')}
      stale={t('referrals.stale')}
      buttonClass="button primary"
      onOpen={() => {
        setDate(today());
        setNote('');
        setMissing(false);
      }}
      onConfirm={async () => {
        setMissing(!date);
        if (!date) return false;
        await run(() => recordService(referral, { date, note: note.trim() }));
        return true;
      }}>
      <Field id={`${id}-date`} label={t('given.date')} errors={missing ? [t('check.required')] : undefined}>
        {(c) => <input {...c} type="date" dir="ltr" value={date} onInput={(e) => setDate(e.currentTarget.value)} />}
      </Field>
      <Field id={`${id}-note`} label={t('referrals.feedback')}>
        {(c) => <textarea {...c} dir="auto" rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
    </ActionDialog>
  );
}

function Cancel({ id, referral, run, suffix }: StepProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <ActionDialog id={id} label={<>{t('referrals.cancel')}<Hidden text={suffix} /></>} buttonClass="button danger-outline"
      title={t('referrals.cancelTitle')} text={t('referrals.cancelText')} confirm={t('referrals.cancelConfirm')}
      dismiss={t('referrals.keep')} stale={t('referrals.stale')}
      onOpen={() => setReason('')}
      onConfirm={() => run(() => cancelReferral(referral, reason.trim()))}>
      <Field id={`${id}-reason`} label={`${t('workflow.reason')} ${t('common.optional')}`}>
        {(c) => <textarea {...c} dir="auto" rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
    </ActionDialog>
  );
}
