// What the collection screen says after each attempt: a success line (what was handed out, to
// whom), a refusal shown prominently (already collected — when and by whom —, out of stock,
// not on the list) or a voided collection. Names and server messages are shown as data.
import { ApiError } from '../api/client';
import { errorText } from '../common/error_box';
import { formatTime } from '../common/format';
import { enumLabel, useI18n, type Lang, type Translate } from '../i18n/i18n';
import { useItemNames, type ItemNames } from '../stock/item_names';
import type { ItemRef } from '../stock/stock_types';
import { byName, type Beneficiary, type Collection } from './assistance_types';
import { formatMoney } from './money';

export type Outcome =
  | { kind: 'ok'; collection: Collection; beneficiary: Beneficiary }
  | { kind: 'refused'; error: unknown; beneficiary: Beneficiary | null }
  | { kind: 'voided'; collection: Collection; beneficiary: Beneficiary }
  | { kind: 'several'; count: number }
  | { kind: 'none'; q: string };

/** The earlier collection a 409 names (`error.previous`), or the one on the list. */
export interface Previous { at: string; by: string; token: string }

export function previousOf(error: unknown): Previous | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const raw = (error.body as { error?: { previous?: unknown } } | null)?.error?.previous;
  if (!raw || typeof raw !== 'object') return null;
  const p = raw as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const by = p.by && typeof p.by === 'object' ? text((p.by as { username?: unknown }).username) : text(p.by);
  return { at: text(p.at ?? p.collected_at), by, token: text(p.token) };
}

/** "2 × Hygiene kit, 6 × Water (bottle)": what was handed out, lots added up by item. */
export function issuedText(names: ItemNames, lang: Lang, issued: Collection['issued'] | undefined): string {
  const byItem = new Map<number, { item: ItemRef; quantity: number }>();
  for (const line of issued ?? []) {
    const found = byItem.get(line.item.id);
    if (found) found.quantity += line.quantity;
    else byItem.set(line.item.id, { item: line.item, quantity: line.quantity });
  }
  return [...byItem.values()]
    .map(({ item, quantity }) => {
      const unit = names.itemUnit(item);
      return `${quantity} × ${names.itemName(item)}${unit ? ` (${unit})` : ''}`;
    })
    .join(lang === 'en' ? ', ' : '، ');
}

function collectorText(t: Translate, c: Collection, b: Beneficiary): string {
  if (c.collector === 'member') {
    const member = b.members.find((m) => m.id === c.person_id);
    return t('collect.byMember', { name: member?.name ?? '' });
  }
  if (c.collector === 'proxy') return t('collect.byProxy', { name: c.proxy_name ?? '' });
  return t('collect.byHead');
}

export function OutcomeLine({ outcome }: { outcome: Outcome | null }) {
  const { t, lang } = useI18n();
  const names = useItemNames();
  if (!outcome) return null;
  if (outcome.kind === 'ok') {
    const { collection: c, beneficiary: b } = outcome;
    const issued = issuedText(names, lang, c.issued);
    return (
      <div class="alert alert-ok collect-outcome" role="status">
        <p class="collect-outcome-title">
          {t('collect.done')}{' '}
          <bdi translate={false}>{b.head?.name}</bdi>{' '}
          (<bdi dir="ltr" translate={false}>{c.token || b.token}</bdi>)
        </p>
        {issued && <p>{t('collect.handedOut')} <bdi translate={false}>{issued}</bdi></p>}
        {b.cash && <p>{t('collect.cash')} <bdi dir="ltr">{formatMoney(b.cash.amount, b.cash.currency)}</bdi></p>}
        <p class="muted">{collectorText(t, c, b)}</p>
      </div>
    );
  }
  if (outcome.kind === 'voided') {
    return (
      <div class="alert alert-warning collect-outcome" role="status">
        <p>{t('collect.voided')} <bdi translate={false}>{outcome.beneficiary.head?.name}</bdi>{' '}
          (<bdi dir="ltr" translate={false}>{outcome.beneficiary.token}</bdi>)</p>
        <p>{t('collect.voidedHint')}</p>
      </div>
    );
  }
  if (outcome.kind === 'several') {
    return <p class="alert alert-warning collect-outcome" role="status">{t('collect.several', { n: outcome.count })}</p>;
  }
  if (outcome.kind === 'none') {
    return <p class="alert alert-warning collect-outcome" role="status">{t('collect.noneFound')} <bdi translate={false}>{outcome.q}</bdi></p>;
  }
  return <Refusal error={outcome.error} beneficiary={outcome.beneficiary} />;
}

function Refusal({ error, beneficiary }: { error: unknown; beneficiary: Beneficiary | null }) {
  const { t } = useI18n();
  const previous = previousOf(error) ?? (error === 'collected' && beneficiary?.collection
    ? { at: beneficiary.collection.at, by: byName(beneficiary.collection.by), token: beneficiary.collection.token }
    : null);
  const who = beneficiary && (
    <>
      <bdi translate={false}>{beneficiary.head?.name}</bdi>{' '}
      (<bdi dir="ltr" translate={false}>{beneficiary.token}</bdi>)
    </>
  );
  if (previous) {
    return (
      <div class="alert alert-error collect-outcome collect-refused" role="alert">
        <p class="collect-outcome-title">{t('collect.already')} {who}</p>
        <p>
          {t('collect.alreadyWhen')} <bdi dir="ltr">{formatTime(previous.at)}</bdi>
          {previous.by && <>{' '}{t('collect.alreadyBy')} <bdi translate={false}>{previous.by}</bdi></>}
          {previous.token && previous.token !== beneficiary?.token && (
            <>{' '}{t('collect.alreadyToken')} <bdi dir="ltr" translate={false}>{previous.token}</bdi></>
          )}
        </p>
      </div>
    );
  }
  const api = error instanceof ApiError ? error : null;
  const stock = !!api && api.status === 409 && /stock|only \d+/i.test(api.message);
  const title = stock ? t('collect.outOfStock') : api && (api.status === 409 || api.status === 422)
    ? t('collect.refused') : errorText(t, error);
  return (
    <div class="alert alert-error collect-outcome collect-refused" role="alert">
      <p class="collect-outcome-title">{title} {who}</p>
      {api && (api.status === 409 || api.status === 422) && api.message && (
        <p><q lang="en" dir="ltr" translate={false}>{api.message}</q></p>
      )}
    </div>
  );
}

export function statusLabel(t: Translate, status: string): string {
  return enumLabel(t, 'benStatus', status);
}
