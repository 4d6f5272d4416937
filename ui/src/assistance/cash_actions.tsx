// The status steps of one cash transfer: mark paid (provider reference, amount paid, date),
// mark failed (reason), retry a failed one (back to pending), record a returned payment
// (reason). The server enforces the workflow and answers 409 for a stale transfer.
import { useState } from 'preact/hooks';
import { ActionDialog } from '../cases/action_dialog';
import { Field } from '../common/field';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { setCashStatus, type CashStatusChange } from './assistance_api';
import type { CashTransfer } from './assistance_types';

const kNext: Record<string, string[]> = { pending: ['paid', 'failed'], failed: ['pending'], paid: ['returned'], returned: [] };
const kLabel: Record<string, MessageKey> = {
  paid: 'cash.markPaid', failed: 'cash.markFailed', pending: 'cash.retry', returned: 'cash.markReturned',
};

export function CashActions({ transfer, onChanged }: { transfer: CashTransfer; onChanged: () => void }) {
  const next = transfer.allowed_next ?? kNext[transfer.status] ?? [];
  if (!next.length) return null;
  return <div class="actions">{next.map((to) => <Step key={to} transfer={transfer} to={to} onChanged={onChanged} />)}</div>;
}

function Step({ transfer, to, onChanged }: { transfer: CashTransfer; to: string; onChanged: () => void }) {
  const { t } = useI18n();
  const today = new Date().toISOString().slice(0, 10);
  const [providerRef, setProviderRef] = useState('');
  const [amount, setAmount] = useState(String(transfer.amount));
  const [paidAt, setPaidAt] = useState(today);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const id = `cash-${transfer.id}-${to}`;
  const needsReason = to === 'failed' || to === 'returned';
  return (
    <ActionDialog id={id} buttonClass={to === 'paid' ? 'button small primary' : 'button small'}
      label={<>{t(kLabel[to]!)}<span class="visually-hidden"> <bdi dir="ltr" translate={false}>{transfer.reference}</bdi></span></>}
      title={`${t(kLabel[to]!)}: ${transfer.reference}`} confirm={t(kLabel[to]!)} stale={t('cash.stale')}
      onOpen={() => {
        setProviderRef(transfer.provider_reference ?? '');
        setAmount(String(transfer.amount));
        setPaidAt(today);
        setReason('');
        setMissing([]);
      }}
      onConfirm={async () => {
        const problems: string[] = [];
        if (needsReason && !reason.trim()) problems.push('reason');
        if (to === 'paid' && !(Number(amount) > 0)) problems.push('amount');
        if (to === 'paid' && !paidAt) problems.push('date');
        setMissing(problems);
        if (problems.length) return false;
        const change: CashStatusChange = { version: transfer.version, status: to };
        if (to === 'paid') {
          change.paid_amount = Number(amount);
          change.paid_at = paidAt;
          if (providerRef.trim()) change.provider_reference = providerRef.trim();
        }
        if (needsReason) change.reason = reason.trim();
        await setCashStatus(transfer.id, change);
        onChanged();
        return true;
      }}>
      {to === 'paid' && (
        <>
          <Field id={`${id}-ref`} label={`${t('cash.provider')} ${t('common.optional')}`}>
            {(c) => <input {...c} dir="ltr" value={providerRef} onInput={(e) => setProviderRef(e.currentTarget.value)} />}
          </Field>
          <Field id={`${id}-amount`} label={t('cash.paidAmount')} errors={missing.includes('amount') ? [t('check.positive')] : undefined}>
            {(c) => <input {...c} inputMode="decimal" dir="ltr" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />}
          </Field>
          <Field id={`${id}-date`} label={t('cash.paidAt')} errors={missing.includes('date') ? [t('check.required')] : undefined}>
            {(c) => <input {...c} type="date" value={paidAt} onInput={(e) => setPaidAt(e.currentTarget.value)} />}
          </Field>
        </>
      )}
      {needsReason && (
        <Field id={`${id}-reason`} label={t('cash.reason')} errors={missing.includes('reason') ? [t('check.required')] : undefined}>
          {(c) => <textarea {...c} dir="auto" rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
      )}
    </ActionDialog>
  );
}
