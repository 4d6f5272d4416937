// Money and quantities as shown: Latin digits with thousands separators and the currency's code
// (IQD has no decimals in use, USD two), the same in every interface language.

export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  const digits = currency === 'USD' ? 2 : 0;
  const text = amount.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
  return currency ? `${text} ${currency}` : text;
}

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString('en-US');
}
