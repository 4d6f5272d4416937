// The list of problems at the top of the household form; each entry moves focus to its input.
import type { Ref } from 'preact';
import type { FieldError } from '../api/client';
import { ProblemSummary } from '../common/problem_summary';
import { useI18n } from '../i18n/i18n';
import { pathLabel } from './field_labels';
import { fieldId } from './form_model';

interface Props { errors: FieldError[]; summaryRef: Ref<HTMLDivElement> }

export function ErrorSummary({ errors, summaryRef }: Props) {
  const { t } = useI18n();
  return (
    <ProblemSummary errors={errors} idOf={fieldId} labelOf={(f) => pathLabel(t, f)}
      summaryRef={summaryRef} />
  );
}
