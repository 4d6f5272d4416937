// How the stock catalogue forms (items, warehouses) read a refused save. Unlike the programme
// forms, a stale edit is only reported (the failure stays the 409, shown as the stock alert);
// the user reopens the record to edit its latest version.
import { isStale } from '../cases/field_errors';
import { refusalOf, type Refusal } from '../common/use_save';
import { useI18n, type Lang, type Translate } from '../i18n/i18n';

/**
 * A 409 naming `field`, or any 409 on a new record, is `field` already used (`taken` says so);
 * a stale edit is kept as the failure; else the 422 field errors, or the failure itself.
 */
export function stockRefusal(cause: unknown, t: Translate, lang: Lang, field: string, taken: string, editing: boolean): Refusal {
  const refusal = refusalOf(cause, t, lang, { [field]: taken }, editing);
  return refusal.stale ? { errors: [], stale: false, failure: cause } : refusal;
}

/** The alert of a stale save, when the failure is one. */
export function StockStaleAlert({ failure }: { failure: unknown }) {
  const { t } = useI18n();
  return isStale(failure) ? <p class="alert alert-warning" role="alert">{t('stock.stale')}</p> : null;
}
