// A visible, announced error for a failed API call, with an optional retry button.
import { ApiError } from '../api/client';
import { useI18n, type Translate } from '../i18n/i18n';

export function errorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (error.status === 403) return t('error.forbidden');
    if (error.status === 404) return t('error.notFound');
    return t('error.generic', { message: error.message || error.code });
  }
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div class="alert alert-error" role="alert">
      <p>{errorText(t, error)}</p>
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>{t('error.retry')}</button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p class="muted" role="status">{t('app.loading')}</p>;
}
