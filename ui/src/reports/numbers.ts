// Figures as the page's language writes them: Latin digits everywhere (as the rest of sanad),
// with the language's separators; months and money by Intl. Shared by the dashboard and the
// public page, which pass their own language code.
import { currencyDecimals } from '../programmes/money';

const kLocales: Record<string, string> = { en: 'en', ar: 'ar-IQ', ckb: 'ckb-IQ', fr: 'fr' };

function locale(lang: string): string {
  return `${kLocales[lang] ?? lang}-u-nu-latn`;
}

export function formatCount(lang: string, value: number): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(value);
}

export function formatPercent(lang: string, ratio: number): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** 80312.5 USD → "$80,312.50"; an unknown currency code is written after the amount. */
export function formatMoney(lang: string, amount: number, currency: string): string {
  const digits = currencyDecimals(currency);
  try {
    return new Intl.NumberFormat(locale(lang), {
      style: 'currency', currency, currencyDisplay: 'code',
      minimumFractionDigits: digits, maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    return `${formatCount(lang, amount)} ${currency}`;
  }
}

/** `2026-03` → "Mar 2026" / "آذار 2026"; anything else as it came. */
export function formatMonth(lang: string, month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale(lang), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}
