// A labelled form control with its hint and its errors, wired together for screen readers
// (label for=, aria-describedby, aria-invalid). The control itself is passed as a render function.
import type { ComponentChildren } from 'preact';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface Props {
  id: string;
  label: string;
  hint?: string;
  errors?: string[] | undefined;
  class?: string;
  children: (control: ControlProps) => ComponentChildren;
}

export function Field({ id, label, hint, errors, class: extra, children }: Props) {
  const described = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : '']
    .filter(Boolean).join(' ');
  const control: ControlProps = { id };
  if (described) control['aria-describedby'] = described;
  if (errors?.length) control['aria-invalid'] = true;
  return (
    <div class={`field${errors?.length ? ' has-error' : ''}${extra ? ` ${extra}` : ''}`}>
      <label for={id}>{label}</label>
      {children(control)}
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {errors?.length ? (
        <p id={`${id}-error`} class="field-error">{errors.join(' ')}</p>
      ) : null}
    </div>
  );
}
