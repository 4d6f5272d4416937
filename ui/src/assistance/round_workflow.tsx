// The round's next steps, one button per status in `allowed_next`: plan and open go at once;
// closing, going back to draft and cancelling (with a reason) ask for confirmation first. A
// step refused by the server (409: out of order, stale) says why; a stale round is reloaded.
import { useState } from 'preact/hooks';
import { ActionDialog, RefusalBox } from '../cases/action_dialog';
import { isStale } from '../cases/field_errors';
import { Field } from '../common/field';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { moveRound } from './assistance_api';
import type { Round } from './assistance_types';

interface Props { round: Round; onChanged: (round: Round | null) => void }

const kLabel: Record<string, MessageKey> = {
  planned: 'round.doPlan', open: 'round.doOpen', closed: 'round.doClose', cancelled: 'round.doCancel', draft: 'round.doDraft',
};

export function RoundWorkflow({ round, onChanged }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const next = round.allowed_next ?? [];
  if (next.length === 0) return null;

  /** A step; a stale version reloads the round (null asks the page to fetch it again). */
  const run = async (to: string, why?: string) => {
    try {
      onChanged(await moveRound(round.id, to, round.version, why));
    } catch (cause) {
      if (isStale(cause)) onChanged(null);
      throw cause;
    }
  };

  const direct = async (to: string) => {
    setBusy(true);
    setError(null);
    try {
      await run(to);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="workflow" role="group" aria-label={t('round.workflow')}>
      <div class="actions">
        {next.map((to) => {
          if (to === 'planned' || to === 'open') {
            return (
              <button key={to} type="button" class="button primary" disabled={busy} onClick={() => direct(to)}>
                {t(kLabel[to]!)}
              </button>
            );
          }
          if (to === 'cancelled') {
            return (
              <ActionDialog key={to} id="round-cancel" label={t('round.doCancel')} buttonClass="button danger-outline"
                title={t('round.cancelTitle')} text={t('round.cancelText')} confirm={t('round.doCancel')}
                dismiss={t('round.keep')} stale={t('round.stale')}
                onOpen={() => {
                  setReason('');
                  setMissing(false);
                }}
                onConfirm={async () => {
                  if (!reason.trim()) {
                    setMissing(true);
                    return false;
                  }
                  await run(to, reason.trim());
                  return true;
                }}>
                <Field id="round-cancel-reason" label={t('round.reason')} errors={missing ? [t('check.required')] : undefined}>
                  {(c) => <textarea {...c} dir="auto" rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
                </Field>
              </ActionDialog>
            );
          }
          const closing = to === 'closed';
          return (
            <ActionDialog key={to} id={`round-${to}`} label={t(kLabel[to] ?? 'round.doDraft')}
              buttonClass={closing ? 'button' : 'button danger-outline'} stale={t('round.stale')}
              title={closing ? t('round.closeTitle') : t('round.draftTitle')}
              text={closing ? t('round.closeText') : t('round.draftText')}
              confirm={t(kLabel[to] ?? 'round.doDraft')} dismiss={t('round.keep')}
              onConfirm={() => run(to)} />
          );
        })}
      </div>
      <RefusalBox error={error} stale={t('round.stale')} />
    </div>
  );
}
