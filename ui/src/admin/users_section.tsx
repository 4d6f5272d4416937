// The users table (change role and case modules, disable / enable) and the form to create a user.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, api, itemsOf, type FieldError } from '../api/client';
import { CASE_MODULES, ROLES, type CaseModule, type Organisation, type Role, type User } from '../api/types';
import { useSession } from '../auth/session';
import { ErrorBox } from '../common/error_box';
import { Field } from '../common/field';
import { formatTime } from '../common/format';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { reasonText } from '../registry/field_labels';

export function UsersSection({ organisations }: { organisations: Organisation[] }) {
  const { t } = useI18n();
  const { user: me } = useSession();
  const users = useAsync(() => api.get<{ items: User[] }>('/users', { limit: 200 }).then((d) => itemsOf(d)), []);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const update = async (user: User, change: Partial<Pick<User, 'role' | 'disabled' | 'modules'>>) => {
    // Only caseworkers and supervisors hold modules: another role drops them in the same change.
    const patch = change.role && !holdsModules(change.role) && user.modules?.length ? { ...change, modules: [] } : change;
    setFailure(null);
    setNotice('');
    // Shown at once (a checkbox must reflect the click); a refused change reloads the list.
    users.setData((users.data ?? []).map((u) => (u.id === user.id ? { ...u, ...patch } : u)));
    try {
      const saved = await api.patch<User>(`/users/${user.id}`, patch);
      users.setData((users.data ?? []).map((u) => (u.id === user.id ? { ...u, ...patch, ...(saved ?? {}) } : u)));
      setNotice(t('admin.saved'));
    } catch (cause) {
      setFailure(cause);
      users.reload();
    }
  };

  return (
    <section aria-labelledby="users-title" class="card">
      <h2 id="users-title">{t('admin.users')}</h2>
      <ErrorBox error={users.error} onRetry={users.reload} />
      <ErrorBox error={failure} />
      {notice && <p class="notice" role="status">{notice}</p>}
      {users.data && users.data.length === 0 && <p class="empty">{t('admin.noUsers')}</p>}
      {users.data && users.data.length > 0 && (
        <div class="table-scroll">
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{t('admin.username')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('admin.organisation')}</th>
                <th scope="col">{t('admin.modules')}</th>
                <th scope="col">{t('admin.state')}</th>
                <th scope="col">{t('common.created')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <tr key={user.id}>
                  <th scope="row"><bdi translate={false}>{user.username}</bdi></th>
                  <td>
                    <label class="visually-hidden" for={`user-role-${user.id}`}>
                      {t('admin.roleOf')} <bdi translate={false}>{user.username}</bdi>
                    </label>
                    <select id={`user-role-${user.id}`} value={user.role}
                      disabled={user.id === me.id}
                      onChange={(e) => update(user, { role: e.currentTarget.value as Role })}>
                      {ROLES.map((role) => <option key={role} value={role}>{enumLabel(t, 'role', role)}</option>)}
                    </select>
                  </td>
                  <td><bdi translate={false}>{user.organisation?.name}</bdi></td>
                  <td>
                    {holdsModules(user.role) ? (
                      <ModuleChecks idPrefix={`user-modules-${user.id}`} value={user.modules ?? []}
                        legend={<>{t('admin.modulesOf')} <bdi translate={false}>{user.username}</bdi></>} hiddenLegend
                        onChange={(modules) => update(user, { modules })} />
                    ) : <span class="muted">{t('common.none')}</span>}
                  </td>
                  <td>
                    <span class={user.disabled ? 'badge badge-off' : 'badge'}>
                      {user.disabled ? t('admin.disabled') : t('admin.active')}
                    </span>{' '}
                    {user.id !== me.id && (
                      <button type="button" class="button small" onClick={() => update(user, { disabled: !user.disabled })}>
                        {user.disabled ? t('admin.enable') : t('admin.disable')}{' '}
                        <bdi translate={false}>{user.username}</bdi>
                      </button>
                    )}
                  </td>
                  <td><time dateTime={user.created_at}>{formatTime(user.created_at)}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewUserForm organisations={organisations} onCreated={(name) => {
        setNotice(t('admin.userCreated', { name }));
        users.reload();
      }} />
    </section>
  );
}

function NewUserForm({ organisations, onCreated }: { organisations: Organisation[]; onCreated: (name: string) => void }) {
  const { t, lang } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [modules, setModules] = useState<CaseModule[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorsOf = (field: string) => {
    const found = errors.filter((e) => e.field === field).map((e) => e.reason);
    return found.length ? found : undefined;
  };

  const create = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const problems: FieldError[] = [];
    if (!username.trim()) problems.push({ field: 'username', reason: t('check.required') });
    if (!password) problems.push({ field: 'password', reason: t('check.required') });
    if (!role) problems.push({ field: 'role', reason: t('check.required') });
    if (!organisationId) problems.push({ field: 'organisation_id', reason: t('check.required') });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      await api.post<User>('/users', {
        username: username.trim(), password, role, organisation_id: Number(organisationId),
        modules: holdsModules(role) ? modules : [],
      });
      onCreated(username.trim());
      setUsername('');
      setPassword('');
      setRole('');
      setModules([]);
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 422 && cause.fields.length) {
        setErrors(cause.fields.map((f) => ({ ...f, reason: reasonText(t, lang, f.reason) })));
      } else if (cause instanceof ApiError && cause.status === 409) {
        setErrors([{ field: 'username', reason: t('admin.userExists') }]);
      } else {
        setFailure(cause);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="inline-form" onSubmit={create} noValidate aria-labelledby="user-new-title">
      <h3 id="user-new-title">{t('admin.newUser')}</h3>
      <div class="grid">
        <Field id="user-username" label={t('admin.username')} errors={errorsOf('username')}>
          {(control) => (
            <input {...control} dir="ltr" autoComplete="off" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
          )}
        </Field>
        <Field id="user-password" label={t('admin.password')} errors={errorsOf('password')}>
          {(control) => (
            <input {...control} type="password" autoComplete="new-password" value={password}
              onInput={(e) => setPassword(e.currentTarget.value)} />
          )}
        </Field>
        <Field id="user-role" label={t('admin.role')} errors={errorsOf('role')}>
          {(control) => (
            <select {...control} value={role} onChange={(e) => setRole(e.currentTarget.value)}>
              <option value="">{t('common.choose')}</option>
              {ROLES.map((r) => <option key={r} value={r}>{enumLabel(t, 'role', r)}</option>)}
            </select>
          )}
        </Field>
        <Field id="user-organisation" label={t('admin.organisation')} errors={errorsOf('organisation_id')}>
          {(control) => (
            <select {...control} value={organisationId} onChange={(e) => setOrganisationId(e.currentTarget.value)}>
              <option value="">{t('common.choose')}</option>
              {organisations.map((o) => <option key={o.id} value={String(o.id)} translate={false}>{o.name}</option>)}
            </select>
          )}
        </Field>
      </div>
      {holdsModules(role) && (
        <ModuleChecks idPrefix="user-new-modules" value={modules} legend={t('admin.modules')}
          hint={t('admin.modulesHint')} onChange={setModules} />
      )}
      <ErrorBox error={failure} />
      <button type="submit" class="button primary" disabled={busy}>{t('admin.createUser')}</button>
    </form>
  );
}

/** Case modules belong to caseworkers and supervisors only (the server refuses them for others). */
function holdsModules(role: string): boolean {
  return role === 'caseworker' || role === 'supervisor';
}

interface ModuleChecksProps {
  idPrefix: string;
  value: CaseModule[];
  legend: ComponentChildren;
  hiddenLegend?: boolean;
  hint?: string;
  onChange: (modules: CaseModule[]) => void;
}

/** The case modules a user holds, as checkboxes (kept in the order of CASE_MODULES). */
function ModuleChecks({ idPrefix, value, legend, hiddenLegend, hint, onChange }: ModuleChecksProps) {
  const { t } = useI18n();
  return (
    <fieldset class={`module-checks${hiddenLegend ? ' bare' : ''}`} aria-describedby={hint ? `${idPrefix}-hint` : undefined}>
      <legend class={hiddenLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      {hint && <p id={`${idPrefix}-hint`} class="hint">{hint}</p>}
      {CASE_MODULES.map((m) => (
        <label class="check" key={m}>
          <input type="checkbox" id={`${idPrefix}-${m}`} checked={value.includes(m)}
            onChange={(e) => onChange(CASE_MODULES.filter((x) => (x === m ? e.currentTarget.checked : value.includes(x))))} />
          {enumLabel(t, 'module', m)}
        </label>
      ))}
    </fieldset>
  );
}
