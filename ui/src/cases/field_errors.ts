// The server's validation problems (422 `fields`) of case and referral forms, as lists of
// messages per field path. Reads `reason` (docs/api.md) and, defensively, `message`.
import { ApiError, type FieldError } from '../api/client';
import { reasonText } from '../registry/field_labels';
import type { Lang, Translate } from '../i18n/i18n';

function rawFields(cause: ApiError): FieldError[] {
  const raw = (cause.body as { error?: { fields?: unknown } } | null)?.error?.fields;
  if (!Array.isArray(raw)) return cause.fields;
  const out: FieldError[] = [];
  for (const item of raw as { field?: unknown; reason?: unknown; message?: unknown }[]) {
    if (!item || typeof item.field !== 'string') continue;
    const reason = typeof item.reason === 'string' ? item.reason : typeof item.message === 'string' ? item.message : '';
    out.push({ field: item.field, reason });
  }
  return out;
}

export function fieldErrorsOf(cause: unknown, t: Translate, lang: Lang): FieldError[] {
  if (!(cause instanceof ApiError)) return [];
  return rawFields(cause).map((f) => ({ field: f.field, reason: reasonText(t, lang, f.reason) }));
}

/** `errorsOf(list)('intake.date')`: the messages for one path, or undefined when none. */
export function errorsFor(list: FieldError[]) {
  return (field: string): string[] | undefined => {
    const found = list.filter((e) => e.field === field).map((e) => e.reason);
    return found.length ? found : undefined;
  };
}

/** Whether a change was refused as stale: a 409 naming `version` (or naming no field at all). */
export function isStale(cause: unknown): boolean {
  if (!(cause instanceof ApiError) || cause.status !== 409) return false;
  const fields = rawFields(cause);
  return fields.length === 0 || fields.some((f) => f.field === 'version') || cause.currentVersion !== null;
}
