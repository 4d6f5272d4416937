// One group of probable duplicates: its records side by side, why they look alike, and the
// reviewer's decision (same person with the record to keep, after a confirmation; different
// people) or, once decided, what was decided and an undo.
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { href } from '../app/router';
import { ErrorBox } from '../common/error_box';
import { formatTime, fullName } from '../common/format';
import { enumLabel, placeName, useI18n } from '../i18n/i18n';
import { decide, reasonLabel, undo, type DedupGroup, type DedupMember } from './dedup_api';

interface Props { group: DedupGroup; number: number; onChange: (group: DedupGroup) => void }

export function GroupCard({ group, number, onChange }: Props) {
  const { t } = useI18n();
  const [keep, setKeep] = useState<number>(group.keep ?? group.members[0]?.id ?? 0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const title = `dedup-group-${group.id}`;
  const recordNumber = (id: number | null) => group.members.findIndex((m) => m.id === id) + 1;

  const act = async (call: () => Promise<DedupGroup>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await call();
      dialog.current?.close();
      onChange(next);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="dedup-group" aria-labelledby={title}>
      <h2 id={title}>
        {t('dedup.group', { n: number })}{' '}
        <span class="muted">{t('dedup.score', { score: group.score.toFixed(1) })}</span>
      </h2>
      <Comparison group={group} keep={keep} onKeep={setKeep} />
      <Reasons group={group} />
      {error instanceof ApiError && error.status === 409
        ? <div class="alert alert-error" role="alert"><p>{t('dedup.stale')}</p></div>
        : <ErrorBox error={error} />}
      {group.state === 'open' ? (
        <div class="actions">
          <button type="button" class="button primary" disabled={busy} onClick={() => dialog.current?.showModal()}>
            {t('dedup.same')}
          </button>
          <button type="button" class="button" disabled={busy}
            onClick={() => act(() => decide(group, 'different_people'))}>
            {t('dedup.different')}
          </button>
        </div>
      ) : (
        <div class="actions">
          <p role="status">
            {group.state === 'same_person'
              ? t('dedup.decidedSame', { n: recordNumber(group.keep) })
              : t('dedup.decidedDifferent')}
            {group.decided_by && <>{' · '}<bdi translate={false}>{group.decided_by}</bdi></>}
            {group.decided_at && <>{' · '}<time dateTime={group.decided_at}>{formatTime(group.decided_at)}</time></>}
          </p>
          <button type="button" class="button" disabled={busy} onClick={() => act(() => undo(group))}>
            {t('dedup.undo')}
          </button>
        </div>
      )}
      <dialog ref={dialog} aria-labelledby={`${title}-confirm`}>
        <h2 id={`${title}-confirm`}>{t('dedup.confirmTitle')}</h2>
        <p>{t('dedup.confirmText', { n: recordNumber(keep), others: group.members.length - 1 })}</p>
        <div class="actions">
          <button type="button" class="button" onClick={() => dialog.current?.close()}>{t('common.cancel')}</button>
          <button type="button" class="button danger" disabled={busy}
            onClick={() => act(() => decide(group, 'same_person', keep))}>
            {t('dedup.confirmMerge')}
          </button>
        </div>
      </dialog>
    </article>
  );
}

interface ComparisonProps { group: DedupGroup; keep: number; onKeep: (id: number) => void }

function Comparison({ group, keep, onKeep }: ComparisonProps) {
  const { t, lang } = useI18n();
  const row = (label: string, cell: (m: DedupMember) => preact.ComponentChildren) => (
    <tr>
      <th scope="row">{label}</th>
      {group.members.map((m) => <td key={m.id}>{cell(m)}</td>)}
    </tr>
  );
  const data = (text: string) => (text ? <bdi translate={false}>{text}</bdi> : t('common.none'));
  return (
    <div class="table-scroll">
      <table class="list dedup-compare">
        <caption class="visually-hidden">{t('dedup.compareCaption')}</caption>
        <thead>
          <tr>
            <td />
            {group.members.map((m, i) => (
              <th key={m.id} scope="col">
                {t('dedup.record', { n: i + 1 })}
                {m.status !== 'live' && <> <span class="badge">{enumLabel(t, 'dedup.status', m.status)}</span></>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row(t('dedup.nameArabic'), (m) => data(fullName(m)))}
          {row(t('dedup.nameLatin'), (m) => data(m.name_latin))}
          {row(t('dedup.sex'), (m) => enumLabel(t, 'sex', m.sex) || t('common.none'))}
          {row(t('dedup.birthDate'), (m) => data(m.birth_date))}
          {row(t('dedup.place'), (m) => data([placeName(lang, m.household.location), m.household.location.site]
            .filter(Boolean).join(', ')))}
          {row(t('dedup.phone'), (m) => data(m.phone || m.household.phone))}
          {row(t('dedup.documents'), (m) => (m.documents.length === 0 ? t('common.none') : (
            <ul class="plain">
              {m.documents.map((d, i) => (
                <li key={i}>{enumLabel(t, 'doc', d.type)} <bdi translate={false}>{d.number}</bdi></li>
              ))}
            </ul>
          )))}
          {row(t('dedup.household'), (m) => (m.status === 'live'
            ? <a href={href(`/households/${m.household.id}`)}>{t('dedup.householdLink', { id: m.household.id })}</a>
            : t('dedup.householdLink', { id: m.household.id })))}
          {group.state === 'open' && row(t('dedup.keep'), (m) => (
            <label>
              <input type="radio" name={`keep-${group.id}`} value={m.id} checked={keep === m.id}
                onChange={() => onKeep(m.id)} />{' '}
              {t('dedup.keepThis', { n: group.members.indexOf(m) + 1 })}
            </label>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Reasons({ group }: { group: DedupGroup }) {
  const { t } = useI18n();
  const n = (id: number) => group.members.findIndex((m) => m.id === id) + 1;
  return (
    <div class="dedup-reasons">
      <h3>{t('dedup.why')}</h3>
      {group.pairs.map((pair) => (
        <div key={`${pair.a}-${pair.b}`}>
          <p>{t('dedup.pair', { a: n(pair.a), b: n(pair.b), score: pair.score.toFixed(1) })}</p>
          <ul>
            {pair.reasons.map((r, i) => (
              <li key={i}>
                {t(reasonLabel(r.field))}: {r.weight >= 0 ? t('dedup.agrees') : t('dedup.differs')}{' '}
                {r.detail && <>(<bdi translate={false}>{r.detail}</bdi>)</>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
