// The list of problems at the top of a form: each names its field in the interface language
// and moves focus to its control (or, when that has no control of its own, its parent's),
// opening the <details> around it.
import type { Ref } from 'preact';
import type { FieldError } from '../api/client';
import { useI18n } from '../i18n/i18n';

interface Props {
  errors: FieldError[];
  /** The id of the control of a field path. */
  idOf: (field: string) => string;
  /** The field path in the interface language. */
  labelOf: (field: string) => string;
  summaryRef?: Ref<HTMLDivElement>;
}

export function ProblemSummary({ errors, idOf, labelOf, summaryRef }: Props) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  const focus = (event: Event, field: string) => {
    event.preventDefault();
    const target = document.getElementById(idOf(field)) ??
      document.getElementById(idOf(field.replace(/\.[^.[\]]+$/, '')));
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
            <a href={`#${idOf(error.field)}`} onClick={(e) => focus(e, error.field)}>
              {t('form.fieldOf', { where: labelOf(error.field), what: error.reason })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
