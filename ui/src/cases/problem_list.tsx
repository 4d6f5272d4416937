// The problems of a case or referral form, at its top: each names its field in the interface
// language and moves focus to the control with the id `idOf(field)`.
import type { Ref } from 'preact';
import type { FieldError } from '../api/client';
import { isMessageKey, useI18n, type Translate } from '../i18n/i18n';

/** `intake.date` → "Intake date" via the key `field.intake.date`; unknown paths as sent. */
export function caseFieldLabel(t: Translate, field: string): string {
  const key = `field.${field.replace(/\[\d+\]/g, '')}`;
  return isMessageKey(key) ? t(key) : field;
}

interface Props {
  errors: FieldError[];
  idOf: (field: string) => string;
  summaryRef?: Ref<HTMLDivElement>;
}

export function ProblemList({ errors, idOf, summaryRef }: Props) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  const focus = (event: Event, field: string) => {
    event.preventDefault();
    const target = document.getElementById(idOf(field));
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
              {t('form.fieldOf', { where: caseFieldLabel(t, error.field), what: error.reason })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
