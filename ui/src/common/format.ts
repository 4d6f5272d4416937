// Display helpers shared by screens: dates, names, JSON values in audit changes.
import type { Member } from '../api/types';

/** `2026-11-23T09:31:04Z` → `2026-11-23 12:31` in the browser's time zone, Latin digits. */
export function formatTime(iso: string | undefined | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The full name as typed: given, father, grandfather, family name. */
export function fullName(member: Partial<Member> | null | undefined): string {
  if (!member) return '';
  return [member.given_name, member.father_name, member.grandfather_name, member.family_name]
    .filter((part) => part && part.trim())
    .join(' ');
}

export function headOf<M extends { relationship?: string }>(members: M[] | undefined): M | undefined {
  return members?.find((m) => m.relationship === 'head') ?? members?.[0];
}

/** Audit values may be any JSON; show strings as they are and the rest compactly. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
