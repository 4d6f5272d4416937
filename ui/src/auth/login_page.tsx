// The log-in screen. Wrong credentials (401) and the lock-out (429) get their own messages.
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { Session } from '../api/types';
import { errorText } from '../common/error_box';
import { useI18n } from '../i18n/i18n';
import { logIn } from './session';

export function LoginPage({ onLoggedIn }: { onLoggedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      onLoggedIn(await logIn(username.trim(), password));
    } catch (cause) {
      setError(loginError(cause));
      setBusy(false);
    }
  };

  const loginError = (cause: unknown): string => {
    if (cause instanceof ApiError && cause.status === 401) return t('login.failed');
    if (cause instanceof ApiError && cause.status === 429) {
      return cause.retryAfter
        ? t('login.tooManyWait', { minutes: Math.max(1, Math.ceil(cause.retryAfter / 60)) })
        : t('login.tooMany');
    }
    return errorText(t, cause);
  };

  return (
    <main id="main" class="login">
      <form class="card login-card" onSubmit={submit} noValidate>
        <h1>{t('login.title')}</h1>
        <p class="muted">{t('login.intro')}</p>
        {error && <div class="alert alert-error" role="alert">{error}</div>}
        <div class="field">
          <label for="login-username">{t('login.username')}</label>
          <input id="login-username" name="username" autoComplete="username" dir="auto" required
            value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="login-password">{t('login.password')}</label>
          <input id="login-password" name="password" type="password" required
            autoComplete="current-password"
            value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
