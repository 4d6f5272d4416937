// Who works on a case: the owner and the assigned caseworkers. The owner or a supervisor
// assigns and unassigns; a supervisor of the module transfers the case to another caseworker.
// The people offered are the organisation's users holding the case's module.
import { useState } from 'preact/hooks';
import type { ProtectionCase } from '../api/cases_types';
import { supervises } from '../auth/permissions';
import { useSession } from '../auth/session';
import { Field } from '../common/field';
import { useAsync } from '../common/use_async';
import { useI18n } from '../i18n/i18n';
import { ActionDialog, RefusalBox } from './action_dialog';
import { assign, caseworkers, getCase, transferCase, unassign } from './cases_api';
import { isStale } from './field_errors';

interface Props { kase: ProtectionCase; onChanged: (kase: ProtectionCase) => void }

export function CaseTeam({ kase, onChanged }: Props) {
  const { t } = useI18n();
  const { user } = useSession();
  const supervisor = supervises(user, kase.module);
  const manages = supervisor || kase.owner?.id === user.id;
  const people = useAsync(() => (manages ? caseworkers(kase.module) : Promise.resolve([])), [kase.module, manages]);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const assigned = kase.assigned ?? [];
  const assignable = (people.data ?? []).filter((p) => p.id !== kase.owner?.id && !assigned.some((a) => a.id === p.id));

  const change = async (action: () => Promise<ProtectionCase>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
      setChoice('');
    } catch (cause) {
      setError(cause);
      if (isStale(cause)) onChanged(await getCase(kase.id).catch(() => kase));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="team-title">
      <h2 id="team-title">{t('case.team')}</h2>
      <dl class="details">
        <dt>{t('case.owner')}</dt>
        <dd><bdi translate={false}>{kase.owner?.username}</bdi></dd>
        <dt>{t('case.assigned')}</dt>
        <dd>
          {assigned.length === 0 ? t('common.none') : (
            <ul class="plain">
              {assigned.map((a) => (
                <li key={a.id}>
                  <bdi translate={false}>{a.username}</bdi>
                  {manages && (
                    <>
                      {' '}
                      <button type="button" class="link-button" disabled={busy}
                        onClick={() => void change(() => unassign(kase.id, a.id, kase.version))}>
                        {t('team.unassign')}<span class="visually-hidden"> <bdi translate={false}>{a.username}</bdi></span>
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {manages && (
        <div class="team-actions">
          <form class="search-row" onSubmit={(e) => {
            e.preventDefault();
            if (choice) void change(() => assign(kase.id, Number(choice), kase.version));
          }}>
            <div class="field">
              <label for="team-assign">{t('team.assign')}</label>
              <select id="team-assign" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
                <option value="">{assignable.length ? t('common.choose') : t('team.nobody')}</option>
                {assignable.map((p) => <option key={p.id} value={String(p.id)} translate={false}>{p.username}</option>)}
              </select>
            </div>
            <button type="submit" class="button" disabled={busy || !choice}>{t('team.assignButton')}</button>
          </form>
          {supervisor && <Transfer kase={kase} onChanged={onChanged} people={people.data ?? []} />}
        </div>
      )}
      <RefusalBox error={error ?? people.error} />
    </section>
  );
}

function Transfer({ kase, onChanged, people }: Props & { people: { id: number; username: string }[] }) {
  const { t } = useI18n();
  const [owner, setOwner] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const candidates = people.filter((p) => p.id !== kase.owner?.id);
  return (
    <ActionDialog id="transfer" label={t('team.transfer')} title={t('team.transferTitle')}
      text={t('team.transferText')} confirm={t('team.transfer')}
      onOpen={() => {
        setOwner('');
        setReason('');
        setMissing([]);
      }}
      onConfirm={async () => {
        const problems = [!owner ? 'owner' : '', !reason.trim() ? 'reason' : ''].filter(Boolean);
        setMissing(problems);
        if (problems.length) return false;
        try {
          onChanged(await transferCase(kase.id, { owner_id: Number(owner), version: kase.version, reason: reason.trim() }));
        } catch (cause) {
          if (isStale(cause)) onChanged(await getCase(kase.id).catch(() => kase));
          throw cause;
        }
        return true;
      }}>
      <Field id="transfer-owner" label={t('team.newOwner')} errors={missing.includes('owner') ? [t('check.required')] : undefined}>
        {(c) => (
          <select {...c} value={owner} onChange={(e) => setOwner(e.currentTarget.value)}>
            <option value="">{candidates.length ? t('common.choose') : t('team.nobody')}</option>
            {candidates.map((p) => <option key={p.id} value={String(p.id)} translate={false}>{p.username}</option>)}
          </select>
        )}
      </Field>
      <Field id="transfer-reason" label={t('workflow.reason')} errors={missing.includes('reason') ? [t('check.required')] : undefined}>
        {(c) => <textarea {...c} dir="auto" rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
    </ActionDialog>
  );
}
