// The case's next steps, one button per status in `allowed_next`: a closure request asks for
// the reason, a supervisor approves a closure or sends it back (with a reason), a closed case
// is reopened with a reason. The server decides what is allowed; its 409 says why not.
import { useState } from 'preact/hooks';
import type { CaseStatus, ProtectionCase } from '../api/cases_types';
import { supervises } from '../auth/permissions';
import { useSession } from '../auth/session';
import { Field } from '../common/field';
import { isMessageKey, useI18n } from '../i18n/i18n';
import { ActionDialog, RefusalBox } from './action_dialog';
import { getCase, setStatus } from './cases_api';
import { isStale } from './field_errors';

interface Props { kase: ProtectionCase; onChanged: (kase: ProtectionCase) => void }

export function WorkflowActions({ kase, onChanged }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { user } = useSession();
  // Only a supervisor of the module approves or sends back a closure request.
  const waiting = kase.status === 'closure_requested' && !supervises(user, kase.module);
  const next = waiting ? [] : kase.allowed_next ?? [];

  /** Runs a change; a stale version reloads the case so the user sees what changed. */
  const run = async (change: () => Promise<ProtectionCase>) => {
    try {
      onChanged(await change());
    } catch (cause) {
      if (isStale(cause)) onChanged(await getCase(kase.id).catch(() => kase));
      throw cause;
    }
  };

  const move = async (status: CaseStatus) => {
    setBusy(true);
    setError(null);
    try {
      await run(() => setStatus(kase.id, status, kase.version));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  if (waiting) return <p class="alert alert-warning" role="status">{t('workflow.waiting')}</p>;
  if (next.length === 0) return null;
  return (
    <div class="workflow" role="group" aria-label={t('workflow.label')}>
      <div class="actions">
        {next.map((status) => {
          if (status === 'closure_requested') {
            return <ClosureRequest key={status} kase={kase} run={run} />;
          }
          if (status === 'closed' && kase.status === 'closure_requested') {
            return (
              <ActionDialog key={status} id="approve-closure" label={t('workflow.approve')}
                title={t('workflow.approveTitle')} text={t('workflow.approveText')}
                confirm={t('workflow.approve')} buttonClass="button primary"
                onConfirm={() => run(() => setStatus(kase.id, 'closed', kase.version))} />
            );
          }
          if (status === 'follow_up' && kase.status === 'closure_requested') {
            return (
              <ReasonStep key={status} id="send-back" kase={kase} run={run} status={status}
                label={t('workflow.sendBack')} title={t('workflow.sendBackTitle')} text={t('workflow.sendBackText')} />
            );
          }
          if (status === 'open' && kase.status === 'closed') {
            return (
              <ReasonStep key={status} id="reopen" kase={kase} run={run} status={status}
                label={t('workflow.reopen')} title={t('workflow.reopenTitle')} text={t('workflow.reopenText')} />
            );
          }
          const key = `workflow.to.${status}`;
          return (
            <button key={status} type="button" class="button primary" disabled={busy} onClick={() => void move(status)}>
              {isMessageKey(key) ? t(key) : status}
            </button>
          );
        })}
      </div>
      <RefusalBox error={error} />
    </div>
  );
}

type Run = (change: () => Promise<ProtectionCase>) => Promise<void>;

function ClosureRequest({ kase, run }: { kase: ProtectionCase; run: Run }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <ActionDialog id="closure-request" label={t('workflow.requestClosure')} title={t('workflow.requestClosureTitle')}
      text={t('workflow.requestClosureText')} confirm={t('workflow.requestClosure')}
      onOpen={() => {
        setReason(kase.closure?.reason ?? '');
        setMissing(false);
      }}
      onConfirm={async () => {
        const text = reason.trim();
        setMissing(!text);
        if (!text) return false;
        // The server keeps the reason as the closure section's.
        return run(() => setStatus(kase.id, 'closure_requested', kase.version, text));
      }}>
      <Field id="closure-request-reason" label={t('closure.reason')} errors={missing ? [t('check.required')] : undefined}>
        {(c) => <textarea {...c} dir="auto" rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
    </ActionDialog>
  );
}

interface ReasonStepProps {
  id: string;
  kase: ProtectionCase;
  run: Run;
  status: CaseStatus;
  label: string;
  title: string;
  text: string;
}

function ReasonStep({ id, kase, run, status, label, title, text }: ReasonStepProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <ActionDialog id={id} label={label} title={title} text={text} confirm={label}
      onOpen={() => {
        setReason('');
        setMissing(false);
      }}
      onConfirm={async () => {
        const value = reason.trim();
        setMissing(!value);
        if (!value) return false;
        return run(() => setStatus(kase.id, status, kase.version, value));
      }}>
      <Field id={`${id}-reason`} label={t('workflow.reason')} errors={missing ? [t('check.required')] : undefined}>
        {(c) => <textarea {...c} dir="auto" rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
    </ActionDialog>
  );
}
