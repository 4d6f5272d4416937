// Search fields of the service directory: type, place (governorate, then district) and text.
// Used by the services page and by the referral form's service search.
import { useEffect, useState } from 'preact/hooks';
import { SERVICE_TYPES } from '../api/cases_types';
import { enumLabel, useI18n } from '../i18n/i18n';
import { PlaceSelect } from '../registry/place_select';

export interface ServiceSearch { type: string; gov: string; district: string; q: string }

export const pcodeOf = (s: ServiceSearch) => s.district || s.gov;

interface Props {
  idPrefix: string;
  value: ServiceSearch;
  onSearch: (search: ServiceSearch) => void;
  /** A form of its own (the services page) or fields inside another form (the referral form). */
  standalone: boolean;
}

export function ServiceFilters({ idPrefix, value, onSearch, standalone }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(value.q);
  useEffect(() => setText(value.q), [value.q]);
  const id = (name: string) => `${idPrefix}-${name}`;
  const fields = (
    <>
      <div class="field">
        <label for={id('type')}>{t('services.type')}</label>
        <select id={id('type')} value={value.type} onChange={(e) => onSearch({ ...value, type: e.currentTarget.value, q: text.trim() })}>
          <option value="">{t('common.all')}</option>
          {SERVICE_TYPES.map((s) => <option key={s} value={s}>{enumLabel(t, 'serviceType', s)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for={id('gov')}>{t('households.governorate')}</label>
        <PlaceSelect id={id('gov')} level={1} parent="" value={value.gov} emptyLabel={t('common.all')}
          onChange={(gov) => onSearch({ ...value, gov, district: '', q: text.trim() })} />
      </div>
      <div class="field">
        <label for={id('district')}>{t('households.district')}</label>
        <PlaceSelect id={id('district')} level={2} parent={value.gov} value={value.district} emptyLabel={t('common.all')}
          onChange={(district) => onSearch({ ...value, district, q: text.trim() })} />
      </div>
      <div class="field">
        <label for={id('q')}>{t('services.search')}</label>
        <input id={id('q')} type="search" dir="auto" value={text} onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (!standalone && e.key === 'Enter') {
              // Inside the referral form Enter searches services instead of sending the referral.
              e.preventDefault();
              onSearch({ ...value, q: text.trim() });
            }
          }} />
      </div>
      <div class="actions">
        <button type={standalone ? 'submit' : 'button'} class="button primary"
          onClick={standalone ? undefined : () => onSearch({ ...value, q: text.trim() })}>
          {t('services.find')}
        </button>
      </div>
    </>
  );
  if (!standalone) return <div class="filters" role="search" aria-label={t('services.searchLabel')}>{fields}</div>;
  return (
    <form class="filters" role="search" aria-label={t('services.searchLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch({ ...value, q: text.trim() });
      }}>
      {fields}
    </form>
  );
}
