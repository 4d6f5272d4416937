// The consent a person gave: to be registered, to be contacted, and which organisations may
// receive which of their details through a referral. The organisations offered are those with
// services in the directory (the organisation list itself is admin-only); the user's own
// organisation is always allowed and so not offered.
import type { Consent } from '../api/cases_types';
import { SHARE_FIELDS } from '../api/cases_types';
import { useSession } from '../auth/session';
import { errorText } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { serviceOrganisations } from '../referrals/services_api';

interface Props {
  idPrefix: string;
  value: Consent;
  onChange: (consent: Consent) => void;
}

function toggle<T>(list: T[] | undefined, item: T, on: boolean): T[] {
  const rest = (list ?? []).filter((x) => x !== item);
  return on ? [...rest, item] : rest;
}

export function ConsentFields({ idPrefix, value, onChange }: Props) {
  const { t } = useI18n();
  const { user } = useSession();
  const organisations = useAsync(serviceOrganisations, []);
  const others = (organisations.data ?? []).filter((o) => o.id !== user.organisation.id);
  // Organisations chosen earlier that no longer offer services stay visible so they can be removed.
  const unknown = (value.share_with ?? []).filter((id) => !others.some((o) => o.id === id) && id !== user.organisation.id);

  return (
    <div class="consent-fields">
      <div class="checks">
        <label class="check">
          <input type="checkbox" checked={!!value.registration}
            onChange={(e) => onChange({ ...value, registration: e.currentTarget.checked })} />
          {t('consent.registration')}
        </label>
        <label class="check">
          <input type="checkbox" checked={!!value.contact}
            onChange={(e) => onChange({ ...value, contact: e.currentTarget.checked })} />
          {t('consent.contact')}
        </label>
      </div>
      <fieldset>
        <legend>{t('consent.shareWith')}</legend>
        <p class="hint" id={`${idPrefix}-share-with-hint`}>{t('consent.shareWithHint')}</p>
        {organisations.error != null && <p class="field-error" role="alert">{errorText(t, organisations.error)}</p>}
        {organisations.data && others.length === 0 && unknown.length === 0 && (
          <p class="muted">{t('consent.noOrganisations')}</p>
        )}
        <div class="checks">
          {others.map((org) => (
            <label class="check" key={org.id}>
              <input type="checkbox" checked={(value.share_with ?? []).includes(org.id)}
                onChange={(e) => onChange({ ...value, share_with: toggle(value.share_with, org.id, e.currentTarget.checked) })} />
              <bdi translate={false}>{org.name}</bdi>
            </label>
          ))}
          {unknown.map((id) => (
            <label class="check" key={id}>
              <input type="checkbox" checked
                onChange={() => onChange({ ...value, share_with: toggle(value.share_with, id, false) })} />
              {t('consent.organisationId', { id })}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('consent.shareFields')}</legend>
        <div class="checks">
          {SHARE_FIELDS.map((field) => (
            <label class="check" key={field}>
              <input type="checkbox" checked={(value.share_fields ?? []).includes(field)}
                onChange={(e) => onChange({ ...value, share_fields: toggle(value.share_fields, field, e.currentTarget.checked) })} />
              {enumLabel(t, 'share', field)}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** The consent as read-only text for the case page. */
export function ConsentView({ consent }: { consent: Consent | null | undefined }) {
  const { t } = useI18n();
  const organisations = useAsync(serviceOrganisations, []);
  const c = consent ?? {};
  const nameOf = (id: number) => organisations.data?.find((o) => o.id === id)?.name;
  return (
    <dl class="details">
      <dt>{t('consent.registrationShort')}</dt>
      <dd>{c.registration ? t('common.yes') : t('common.no')}</dd>
      <dt>{t('consent.contactShort')}</dt>
      <dd>{c.contact ? t('common.yes') : t('common.no')}</dd>
      <dt>{t('consent.shareWith')}</dt>
      <dd>
        {(c.share_with ?? []).length === 0 ? t('consent.nobody') : (c.share_with ?? []).map((id, i) => (
          <span key={id}>
            {i > 0 && t('people.listSeparator')}
            {nameOf(id) ? <bdi translate={false}>{nameOf(id)}</bdi> : t('consent.organisationId', { id })}
          </span>
        ))}
      </dd>
      <dt>{t('consent.shareFields')}</dt>
      <dd>
        {(c.share_fields ?? []).length === 0
          ? t('consent.nothing')
          : (c.share_fields ?? []).map((f) => enumLabel(t, 'share', f)).join(t('people.listSeparator'))}
      </dd>
      {c.given_on && (
        <>
          <dt>{t('consent.givenOn')}</dt>
          <dd><bdi dir="ltr">{c.given_on}</bdi></dd>
        </>
      )}
      {c.taken_by && (
        <>
          <dt>{t('consent.takenBy')}</dt>
          <dd><bdi translate={false}>{c.taken_by}</bdi></dd>
        </>
      )}
    </dl>
  );
}
