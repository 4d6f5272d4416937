// A checkbox inside its label (the `check` style): a yes/no field of a form, or a filter.
import type { ComponentChildren } from 'preact';

interface Props {
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function Check({ label, checked, onChange }: Props) {
  return (
    <label class="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}
