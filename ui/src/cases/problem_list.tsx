// The problems of a case or referral form, at its top: each names its field in the interface
// language and moves focus to the control with the id `idOf(field)`.
import type { Ref } from 'preact';
import type { FieldError } from '../api/client';
import { ProblemSummary } from '../common/problem_summary';
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
  return (
    <ProblemSummary errors={errors} idOf={idOf} labelOf={(f) => caseFieldLabel(t, f)}
      summaryRef={summaryRef} />
  );
}
