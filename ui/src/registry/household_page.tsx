// One household: details, members, history, and the edit / archive actions the role allows.
import { useRef, useState } from 'preact/hooks';
import { api, itemsOf } from '../api/client';
import { WG_DOMAINS, type AuditEntry, type Household, type Member } from '../api/types';
import { href, navigate } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ChangesTable } from '../common/changes_table';
import { ErrorBox, Loading } from '../common/error_box';
import { formatTime, fullName, headOf } from '../common/format';
import { useAsync } from '../common/use_async';
import { enumLabel, placeName, useI18n, type Translate } from '../i18n/i18n';
import { placePath } from './places';

export function HouseholdPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { user } = useSession();
  const household = useAsync(() => api.get<Household>(`/households/${id}`), [id]);
  const history = useAsync(
    () => api.get<{ items: AuditEntry[] }>(`/households/${id}/history`).then((d) => itemsOf(d)),
    [id],
  );
  const data = household.data;
  const head = headOf(data?.members);

  return (
    <article aria-labelledby="household-title">
      <p><a href={href('/households')}>{t('household.back')}</a></p>
      <ErrorBox error={household.error} onRetry={household.reload} />
      {household.loading && !data && <Loading />}
      {data && (
        <>
          <div class="page-head">
            <div>
              <p class="eyebrow">{t('household.title', { id: data.id })}</p>
              <h1 id="household-title"><bdi translate={false}>{fullName(head) || t('household.title', { id: data.id })}</bdi></h1>
              {head?.name_latin && <p class="latin" dir="ltr" lang="en" translate={false}>{head.name_latin}</p>}
            </div>
            <div class="actions">
              {can(user.role, 'household.write') && (
                <a class="button primary" href={href(`/households/${data.id}/edit`)}>{t('household.edit')}</a>
              )}
              {can(user.role, 'household.archive') && <ArchiveButton id={data.id} />}
            </div>
          </div>
          <Details household={data} />
          <Members members={data.members} />
        </>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('household.history')}</h2>
        <ErrorBox error={history.error} onRetry={history.reload} />
        {history.data && <History entries={history.data} />}
      </section>
    </article>
  );
}

function Details({ household }: { household: Household }) {
  const { t, lang } = useI18n();
  const path = useAsync(() => placePath(household.location.pcode), [household.location.pcode]);
  const locationText = path.data
    ? path.data.map((p) => placeName(lang, p)).join(' › ')
    : placeName(lang, household.location);
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{t('household.details')}</h2>
      <dl class="details">
        <dt>{t('household.status')}</dt>
        <dd>{enumLabel(t, 'status', household.displacement_status)}</dd>
        <dt>{t('household.location')}</dt>
        <dd><bdi>{locationText || household.location.pcode}</bdi></dd>
        {household.location.site && (
          <>
            <dt>{t('household.site')}</dt>
            <dd><bdi translate={false}>{household.location.site}</bdi></dd>
          </>
        )}
        <dt>{t('household.origin')}</dt>
        <dd><bdi>{placeName(lang, household.origin) || t('common.none')}</bdi></dd>
        <dt>{t('household.phone')}</dt>
        <dd><bdi dir="ltr">{household.phone || t('common.none')}</bdi></dd>
        {household.organisation && (
          <>
            <dt>{t('household.organisation')}</dt>
            <dd><bdi translate={false}>{household.organisation.name}</bdi></dd>
          </>
        )}
        <dt>{t('household.created')}</dt>
        <dd><time dateTime={household.created_at}>{formatTime(household.created_at)}</time></dd>
        <dt>{t('household.updated')}</dt>
        <dd><time dateTime={household.updated_at}>{formatTime(household.updated_at)}</time></dd>
      </dl>
    </section>
  );
}

function Members({ members }: { members: Member[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('household.members', { count: members.length })}</h2>
      <div class="table-scroll">
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{t('household.name')}</th>
              <th scope="col">{t('household.nameLatin')}</th>
              <th scope="col">{t('household.sex')}</th>
              <th scope="col">{t('household.birthDate')}</th>
              <th scope="col">{t('household.relationship')}</th>
              <th scope="col">{t('household.documents')}</th>
              <th scope="col">{t('household.disability')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member, i) => (
              <tr key={member.id ?? i}>
                <th scope="row"><bdi translate={false}>{fullName(member)}</bdi></th>
                <td dir="ltr" lang="en" translate={false}>{member.name_latin}</td>
                <td>{enumLabel(t, 'sex', member.sex)}</td>
                <td><bdi dir="ltr">{member.birth_date || t('common.none')}</bdi></td>
                <td>{enumLabel(t, 'rel', member.relationship)}</td>
                <td>
                  {(member.documents ?? []).map((doc, j) => (
                    <div key={j}>{enumLabel(t, 'doc', doc.type)}: <bdi dir="ltr" translate={false}>{doc.number}</bdi></div>
                  ))}
                </td>
                <td>{disabilitySummary(t, member).map((line) => <div key={line}>{line}</div>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Lists only the domains with some difficulty or a non-answer; otherwise says so in one phrase. */
function disabilitySummary(t: Translate, member: Member): string[] {
  const answers = member.disability ?? {};
  const asked = WG_DOMAINS.filter((d) => answers[d]);
  if (asked.length === 0) return [t('wg.notAsked')];
  const notable = asked.filter((d) => answers[d] !== 'no_difficulty');
  if (notable.length === 0) return [t('wg.noneReported')];
  return notable.map((d) => `${t(`wg.${d}`)}: ${enumLabel(t, 'wg', answers[d])}`);
}

function History({ entries }: { entries: AuditEntry[] }) {
  const { t } = useI18n();
  if (entries.length === 0) return <p class="empty">{t('household.historyEmpty')}</p>;
  return (
    <ol class="history">
      {entries.map((entry) => (
        <li key={entry.id}>
          <p class="history-head">
            <strong>{enumLabel(t, 'action', entry.action)}</strong>
            {' · '}
            <time dateTime={entry.at}>{formatTime(entry.at)}</time>
            {entry.user && <>{' · '}{t('change.by')} <bdi translate={false}>{entry.user.username}</bdi></>}
          </p>
          <ChangesTable changes={entry.changes} />
        </li>
      ))}
    </ol>
  );
}

function ArchiveButton({ id }: { id: number }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const archive = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.del(`/households/${id}`);
      dialog.current?.close();
      navigate('/households');
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" class="button danger" onClick={() => dialog.current?.showModal()}>
        {t('household.archive')}
      </button>
      <dialog ref={dialog} aria-labelledby="archive-title" aria-describedby="archive-text">
        <h2 id="archive-title">{t('household.archiveTitle')}</h2>
        <p id="archive-text">{t('household.archiveText')}</p>
        <ErrorBox error={error} />
        <div class="actions">
          <button type="button" class="button" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="button" class="button danger" disabled={busy} onClick={archive}>
            {t('household.archiveConfirm')}
          </button>
        </div>
      </dialog>
    </>
  );
}
