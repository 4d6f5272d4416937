// The audit log, newest first, filterable by household id. Filters live in the hash
// (`#/audit?id=17&page=2`).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { AuditEntry, Page } from '../api/types';
import { href, navigate } from '../app/router';
import { ChangesTable } from '../common/changes_table';
import { ErrorBox, Loading } from '../common/error_box';
import { formatTime } from '../common/format';
import { Pagination } from '../common/pagination';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';

const kLimit = 25;

export function AuditPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const entityId = query.get('id') ?? '';
  const pageParam = Number(query.get('page'));
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const [text, setText] = useState(entityId);
  useEffect(() => setText(entityId), [entityId]);

  const list = useAsync(() => api.get<Page<AuditEntry>>('/audit', {
    entity: entityId ? 'household' : undefined,
    id: entityId || undefined,
    page,
    limit: kLimit,
  }), [entityId, page]);

  const filter = (event: Event) => {
    event.preventDefault();
    navigate('/audit', { id: text.trim() });
  };

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <form class="filters" role="search" onSubmit={filter}>
        <div class="field">
          <label for="audit-id">{t('audit.entityId')}</label>
          <input id="audit-id" inputMode="numeric" pattern="[0-9]*" dir="ltr" value={text}
            onInput={(e) => setText(e.currentTarget.value.replace(/\D/g, ''))} />
        </div>
        <div class="actions">
          <button type="submit" class="button primary">{t('audit.filter')}</button>
        </div>
      </form>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <p class="empty" role="status">{t('audit.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <div class="table-scroll">
            <table class="list audit">
              <caption class="visually-hidden">{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.who')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.record')}</th>
                  <th scope="col">{t('audit.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((entry) => (
                  <tr key={entry.id}>
                    <td><time dateTime={entry.at}>{formatTime(entry.at)}</time></td>
                    <td><bdi translate={false}>{entry.user?.username ?? t('common.none')}</bdi></td>
                    <td>{enumLabel(t, 'action', entry.action)}</td>
                    <td><RecordLink entry={entry} /></td>
                    <td><ChangesTable changes={entry.changes} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} limit={list.data.limit} total={list.data.total}
            count={list.data.items.length}
            onPage={(next) => navigate('/audit', { id: entityId, page: next })} />
        </>
      )}
    </section>
  );
}

function RecordLink({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  if (entry.entity === 'household') {
    const label = t('entity.household', { id: entry.entity_id });
    return entry.action === 'delete'
      ? <span>{label}</span>
      : <a href={href(`/households/${entry.entity_id}`)}>{label}</a>;
  }
  if (entry.entity === 'user') return <span>{t('entity.user', { id: entry.entity_id })}</span>;
  if (entry.entity === 'organisation') return <span>{t('entity.organisation', { id: entry.entity_id })}</span>;
  return <span translate={false}>{`${entry.entity} ${entry.entity_id}`}</span>;
}
