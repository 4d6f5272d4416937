// How programme values are shown: enum labels, an office's or project's name in the interface
// language (Arabic names on Arabic and Kurdish screens when there is one), status badges and
// date ranges.
import { Fragment, type ComponentChildren } from 'preact';
import { enumLabel, useI18n, type Lang, type Translate } from '../i18n/i18n';
import { formatAmount } from './money';

/** `name_ar` on Arabic and Kurdish screens when set; the (English or local) name otherwise. */
export function localName(lang: Lang, thing: { name: string; name_ar?: string | null }): string {
  return lang !== 'en' && thing.name_ar ? thing.name_ar : thing.name;
}

export function listOf(t: Translate, lang: Lang, prefix: string, values: readonly string[] | undefined): string {
  return (values ?? []).map((v) => enumLabel(t, prefix, v)).join(lang === 'en' ? ', ' : '، ');
}

export function StatusBadge({ prefix, status }: { prefix: 'projectStatus' | 'activityStatus'; status: string }) {
  const { t } = useI18n();
  return <span class={`badge prog-status prog-${status}`}>{enumLabel(t, prefix, status)}</span>;
}

export function DateRange({ from, to }: { from: string | null | undefined; to?: string | null | undefined }) {
  if (!from) return <>—</>;
  return <bdi dir="ltr">{from}{to && to !== from ? ` – ${to}` : ''}</bdi>;
}

/**
 * A translated sentence with elements in place of its `{name}` parameters, so that data inside
 * it (amounts with their currency code) can be marked as such.
 */
export function Fill({ text, values }: { text: string; values: Record<string, ComponentChildren> }) {
  const parts = text.split(/\{(\w+)\}/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <Fragment key={i}>{values[part] ?? `{${part}}`}</Fragment> : part))}</>;
}

/** An amount with its currency code, left to right, marked as data. */
export function Amount({ value, currency }: { value: number | null | undefined; currency: string }) {
  return <bdi dir="ltr" translate={false}>{formatAmount(value, currency)}</bdi>;
}
