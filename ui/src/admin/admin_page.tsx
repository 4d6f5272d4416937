// Administration: organisations and users (deployment-wide; admin role only).
import { api, itemsOf } from '../api/client';
import type { Organisation } from '../api/types';
import { ErrorBox } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { useI18n } from '../i18n/i18n';
import { OrganisationsSection } from './organisations_section';
import { UsersSection } from './users_section';

export function AdminPage() {
  const { t } = useI18n();
  const organisations = useAsync(
    () => api.get<{ items: Organisation[] }>('/organisations', { limit: 200 }).then((d) => itemsOf(d)),
    [],
  );
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <ErrorBox error={organisations.error} onRetry={organisations.reload} />
      <OrganisationsSection organisations={organisations.data} onCreated={organisations.reload} />
      <UsersSection organisations={organisations.data ?? []} />
    </section>
  );
}
