// Pieces shared by the programme forms: a group of checkboxes for a list value (sectors,
// languages, definition filters) and the message of a stale save. A refused save is read by
// refusalOf (common/use_save.ts).
import type { ComponentChildren } from 'preact';
import { href } from '../app/router';
import { useI18n } from '../i18n/i18n';

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
