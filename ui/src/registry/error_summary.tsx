// The list of problems at the top of the household form; each entry moves focus to its input.
import type { Ref } from 'preact';
import type { FieldError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { pathLabel } from './field_labels';
import { fieldId } from './form_model';

interface Props { errors: FieldError[]; summaryRef: Ref<HTMLDivElement> }

export function ErrorSummary({ errors, summaryRef }: Props) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  const focus = (event: Event, field: string) => {
    event.preventDefault();
    const target = document.getElementById(fieldId(field)) ??
      document.getElementById(fieldId(field.replace(/\.[^.[\]]+$/, '')));
    if (target instanceof HTMLDetailsElement) target.open = true;
    target?.closest('details')?.setAttribute('open', '');
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  };
  return (
    <div class="alert alert-error error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
      <h2>{t('form.errorsTitle')}</h2>
      <ul>
        {errors.map((error, i) => (
          <li key={i}>
            <a href={`#${fieldId(error.field)}`} onClick={(e) => focus(e, error.field)}>
              {t('form.fieldOf', { where: pathLabel(t, error.field), what: error.reason })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
