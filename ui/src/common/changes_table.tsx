// The field / before / after table of one audit entry, used by history and the audit log. Field
// paths are shown as labels in the interface language, enum values translated, place codes as
// place names; what people typed is shown as typed (marked translate="no").
import type { Change } from '../api/types';
import { placeName, useI18n } from '../i18n/i18n';
import { pathLabel, valueLabel } from '../registry/field_labels';
import { placePath } from '../registry/places';
import { useAsync } from './use_async';

export function ChangesTable({ changes }: { changes: Change[] | undefined }) {
  const { t } = useI18n();
  if (!changes || changes.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="changes">
        <thead>
          <tr>
            <th scope="col">{t('change.field')}</th>
            <th scope="col">{t('change.before')}</th>
            <th scope="col">{t('change.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change, i) => (
            <tr key={i}>
              <th scope="row">{pathLabel(t, change.field)}</th>
              <td><Value field={change.field} value={change.before} /></td>
              <td><Value field={change.field} value={change.after} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Value({ field, value }: { field: string; value: unknown }) {
  const { t } = useI18n();
  if (/^(location|origin)\.pcode$/.test(field) && typeof value === 'string' && value) {
    return <PlaceValue pcode={value} />;
  }
  const shown = valueLabel(t, field, value);
  return shown.data ? <bdi translate={false}>{shown.text}</bdi> : <bdi>{shown.text}</bdi>;
}

function PlaceValue({ pcode }: { pcode: string }) {
  const { lang } = useI18n();
  const path = useAsync(() => placePath(pcode), [pcode]);
  const place = path.data?.[path.data.length - 1];
  if (place) return <bdi>{placeName(lang, place)}</bdi>;
  return path.error ? <bdi translate={false}>{pcode}</bdi> : <span aria-busy="true">…</span>;
}
