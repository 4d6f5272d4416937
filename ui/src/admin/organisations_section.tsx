// The organisations table and the form to create one.
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { Organisation } from '../api/types';
import { ErrorBox } from '../common/error_box';
import { Field } from '../common/field';
import { formatTime } from '../common/format';
import { useI18n } from '../i18n/i18n';
import { reasonText } from '../registry/field_labels';

interface Props { organisations: Organisation[] | null; onCreated: () => void }

export function OrganisationsSection({ organisations, onCreated }: Props) {
  const { t, lang } = useI18n();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string[] | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const create = async (event: Event) => {
    event.preventDefault();
    setNotice('');
    setFailure(null);
    setFieldError(undefined);
    const trimmed = name.trim();
    if (!trimmed) {
      setFieldError([t('check.required')]);
      return;
    }
    setBusy(true);
    try {
      await api.post<Organisation>('/organisations', { name: trimmed });
      setName('');
      setNotice(t('admin.orgCreated', { name: trimmed }));
      onCreated();
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409) {
        setFieldError([t('admin.orgExists')]);
      } else if (cause instanceof ApiError && cause.status === 422) {
        setFieldError(cause.fields.length ? cause.fields.map((f) => reasonText(t, lang, f.reason)) : [cause.message]);
      } else {
        setFailure(cause);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="orgs-title" class="card">
      <h2 id="orgs-title">{t('admin.organisations')}</h2>
      {organisations && organisations.length === 0 && <p class="empty">{t('admin.noOrgs')}</p>}
      {organisations && organisations.length > 0 && (
        <div class="table-scroll">
          <table class="list">
            <thead>
              <tr>
                <th scope="col" class="num">{t('common.id')}</th>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('common.created')}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((org) => (
                <tr key={org.id}>
                  <td class="num">{org.id}</td>
                  <td><bdi translate={false}>{org.name}</bdi></td>
                  <td><time dateTime={org.created_at}>{formatTime(org.created_at)}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form class="inline-form" onSubmit={create} noValidate aria-labelledby="org-new-title">
        <h3 id="org-new-title">{t('admin.newOrg')}</h3>
        <Field id="org-name" label={t('admin.orgName')} errors={fieldError}>
          {(control) => (
            <input {...control} dir="auto" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
          )}
        </Field>
        <button type="submit" class="button primary" disabled={busy}>{t('admin.createOrg')}</button>
      </form>
      <ErrorBox error={failure} />
      {notice && <p class="notice" role="status">{notice}</p>}
    </section>
  );
}
