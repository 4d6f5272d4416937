// A labelled <select> of a form (a Field whose control is a list of choices): the choices are
// the children, the change gives the chosen value.
import type { ComponentChildren } from 'preact';
import { Field } from './field';

interface Props {
  id: string;
  label: string;
  hint?: string | undefined;
  errors?: string[] | undefined;
  class?: string;
  value: string;
  onChange: (value: string) => void;
  children: ComponentChildren;
}

export function SelectField({ value, onChange, children, ...field }: Props) {
  return (
    <Field {...field}>
      {(c) => <select {...c} value={value} onChange={(e) => onChange(e.currentTarget.value)}>{children}</select>}
    </Field>
  );
}
