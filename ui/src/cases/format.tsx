// Dates and times of cases and referrals: the API sends instants as Unix seconds (or, from some
// routes, ISO strings) and calendar dates as YYYY-MM-DD. Shown with Latin digits, local time.
import { formatTime } from '../common/format';

/** `1790000000` or `2026-09-21T…` → `2026-09-21 14:13`; '' when absent. */
export function formatInstant(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return formatTime(new Date(value * 1000).toISOString());
  return /^\d+$/.test(value) ? formatInstant(Number(value)) : formatTime(value);
}

/** An instant as an ISO string for `<time dateTime>`. */
export function isoInstant(value: number | string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return new Date(value * 1000).toISOString();
  return value;
}

/** Today in the browser's time zone as YYYY-MM-DD. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An instant as a `<time>` element; nothing when absent. */
export function When({ at }: { at: number | string | null | undefined }) {
  if (at === null || at === undefined || at === '') return null;
  return <time dateTime={isoInstant(at)} dir="ltr">{formatInstant(at)}</time>;
}
