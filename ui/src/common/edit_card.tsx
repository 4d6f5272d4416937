// The card that adds or edits one record inline on a list or record page: a heading that takes
// focus when it opens (so a screen reader lands on it), the problem summary and any stale alert
// above the fields, and the error box with Save and Cancel below them.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { ErrorBox } from './error_box';
import { ProblemSummary } from './problem_summary';
import type { SaveState } from './use_save';

interface Props {
  /** The heading's id is `${id}-title`; the card is labelled by it. */
  id: string;
  /** 2 on a page titled by an h1, 3 in a section titled by an h2. */
  level: 2 | 3;
  title: string;
  /** The name of the record being edited, shown after the title; undefined when adding. */
  name?: string | undefined;
  form: SaveState;
  onSubmit: (event: Event) => void;
  /** For the problem summary: the control of a field, and its name. */
  idOf: (field: string) => string;
  labelOf: (field: string) => string;
  /** The alert of a save refused as stale, when there is one. */
  staleAlert?: ComponentChildren;
  /** What the error box shows: an area may show some failures as its own alert instead. */
  failure: unknown;
  saveLabel: string;
  onCancel: () => void;
  children: ComponentChildren;
}

export function EditCard(props: Props) {
  const { id, title, name, form, saveLabel } = props;
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // The card is keyed by its record, so it mounts afresh for each record it edits.
  useEffect(() => heading.current?.focus(), []);
  const Heading = props.level === 2 ? 'h2' : 'h3';
  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} tabIndex={-1} ref={heading}>
        {title}{name !== undefined && <>: <bdi translate={false}>{name}</bdi></>}
      </Heading>
      <form class="stack" noValidate onSubmit={props.onSubmit}>
        <ProblemSummary errors={form.errors} idOf={props.idOf} labelOf={props.labelOf} />
        {props.staleAlert}
        {props.children}
        <ErrorBox error={props.failure} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={form.busy}>{form.busy ? t('common.saving') : saveLabel}</button>
          <button type="button" class="button" onClick={props.onCancel}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
