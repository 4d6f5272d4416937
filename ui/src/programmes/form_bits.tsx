// Pieces shared by the programme forms: a group of checkboxes for a list value (sectors,
// languages, definition filters), the message of a stale save, and the reading of a refused
// save into field errors (422 fields, a 409 naming a field already used).
import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/client';
import { href } from '../app/router';
import { fieldErrorsOf, isStale } from '../cases/field_errors';
import type { Refusal } from '../common/use_save';
import { useI18n, type Lang, type Translate } from '../i18n/i18n';

interface MultiCheckProps {
  id: string;
  legend: string;
  options: readonly string[];
  value: string[];
  labelOf: (option: string) => string;
  onChange: (value: string[]) => void;
  errors?: string[] | undefined;
  hint?: string;
}

/** A fieldset of checkboxes; the order of `value` follows `options`. */
export function MultiCheck({ id, legend, options, value, labelOf, onChange, errors, hint }: MultiCheckProps) {
  const described = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  const toggle = (option: string, on: boolean) =>
    onChange(options.filter((o) => (o === option ? on : value.includes(o))));
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={described || undefined} aria-invalid={errors?.length ? true : undefined}>
      <legend>{legend}</legend>
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      <div class="checks">
        {options.map((option) => (
          <label key={option} class="check">
            <input type="checkbox" checked={value.includes(option)} onChange={(e) => toggle(option, e.currentTarget.checked)} />
            {labelOf(option)}
          </label>
        ))}
      </div>
      {errors?.length ? <p id={`${id}-error`} class="field-error">{errors.join(' ')}</p> : null}
    </fieldset>
  );
}

/**
 * Reads a refused save: a stale version (the caller keeps the input and fetches the latest
 * version), a 409 naming a field that must be unique (`conflicts[field]` is its message), 422
 * field errors, or anything else as a failure shown in an error box.
 */
export function refusalOf(cause: unknown, t: Translate, lang: Lang, conflicts: Record<string, string>, editing: boolean): Refusal {
  if (cause instanceof ApiError && cause.status === 409) {
    const named = (cause.fields ?? []).map((f) => f.field).filter((f) => conflicts[f]);
    if (named.length) return { errors: named.map((f) => ({ field: f, reason: conflicts[f]! })), stale: false, failure: null };
    if (editing && isStale(cause)) return { errors: [], stale: true, failure: null };
    // A new record cannot be stale: its 409 is the one field that must be unique.
    const first = Object.keys(conflicts)[0];
    if (!editing && first) return { errors: [{ field: first, reason: conflicts[first]! }], stale: false, failure: null };
    return { errors: [], stale: false, failure: cause };
  }
  const errors = fieldErrorsOf(cause, t, lang);
  return { errors, stale: false, failure: errors.length ? null : cause };
}

/** The alert above a form whose save was refused as stale: the input is kept. */
export function StaleAlert({ children }: { children: ComponentChildren }) {
  return <div class="alert alert-warning" role="alert">{children}</div>;
}

/** The alert of a form's stale save; `latest` is the record's page, to see what changed. */
export function StaleKept({ latest }: { latest?: string | null }) {
  const { t } = useI18n();
  return (
    <StaleAlert>
      <p>{t('prog.staleKept')}</p>
      {latest && <p><a href={href(latest)}>{t('prog.seeLatest')}</a></p>}
    </StaleAlert>
  );
}

/** `''` → null, else the number (NaN when not one: the caller checks). */
export function numberOrNull(text: string): number | null {
  const clean = text.trim();
  return clean === '' ? null : Number(clean);
}

export function isWhole(text: string, min: number, max = Number.MAX_SAFE_INTEGER): boolean {
  const clean = text.trim();
  if (!/^\d+$/.test(clean)) return false;
  const n = Number(clean);
  return n >= min && n <= max;
}
