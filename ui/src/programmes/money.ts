// Amounts of projects and expenditures: JSON numbers in major units, with the currency's own
// decimals (IQD 0, USD and EUR 2; docs/programmes.md "Money"). Shown with Latin digits and the
// currency code in every interface language, as the assistance screens do.

export function currencyDecimals(currency: string): number {
  return currency === 'IQD' ? 0 : 2;
}

export function formatAmount(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return '—';
  const digits = currencyDecimals(currency);
  const text = amount.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${text} ${currency}`;
}

export type AmountCheck = { ok: true; value: number } | { ok: false; problem: 'number' | 'decimals' | 'negative' };

/**
 * An amount as typed ("1,250.5", "1250") in major units; more decimals than the currency has
 * is refused here as the server would (422), so the person sees it before sending.
 */
export function parseAmount(text: string, currency: string): AmountCheck {
  const clean = text.trim().replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return { ok: false, problem: 'number' };
  const decimals = clean.includes('.') ? clean.split('.')[1]!.length : 0;
  if (decimals > currencyDecimals(currency)) return { ok: false, problem: 'decimals' };
  const value = Number(clean);
  if (value < 0) return { ok: false, problem: 'negative' };
  return { ok: true, value };
}

/** A ratio (0.321) as a whole percentage ("32%"); over 100 % is shown as it is. */
export function percent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${Math.round(ratio * 100)}%`;
}

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}
