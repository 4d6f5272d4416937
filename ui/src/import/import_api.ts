// The wire shape of a household import's report (docs/import.md, "Answers") and the one call
// the Import page makes: the file as the body, the options as query parameters.
import { ApiError, api, withQuery } from '../api/client';
import type { DedupReason } from '../dedup/dedup_api';

export type DuplicatePolicy = 'refuse' | 'skip' | 'allow';
export const DUPLICATE_POLICIES: readonly DuplicatePolicy[] = ['refuse', 'skip', 'allow'];

/** The server refuses bodies over this (docs/import.md, "The file"). */
export const kMaxFileBytes = 32 * 1024 * 1024;

const kXlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportProblem {
  row: number | null;  // null: the file as a whole
  column: string | null;  // as named in the file's header; null: the whole row
  character?: number;  // CSV syntax errors: where on the line
  reason: string;  // English, from the server
  message: string;
}

export interface ImportDuplicate {
  row: number;
  name: string;
  household_id: number | null;  // set when the other person is registered already
  member_id: number | null;
  other_row: number | null;  // set when the other person is an earlier row of the file
  other_name: string;
  score: number;
  reasons: DedupReason[];
  skipped: boolean;
}

export interface ImportReport {
  file: string;
  dry_run: boolean;
  imported: boolean;
  households: number;
  people: number;
  households_imported: number;
  people_imported: number;
  households_skipped: number;
  household_ids: number[];
  problems: ImportProblem[];
  duplicates: ImportDuplicate[];
}

export interface ImportOptions { dryRun: boolean; duplicates: DuplicatePolicy; sheet: string }

export type FileKind = 'csv' | 'xlsx';

/** What the file is, by its name's ending; null for anything else. */
export function fileKind(file: File): FileKind | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  return null;
}

/**
 * Sends `file` for checking (dryRun) or importing. Resolves with the report when the server
 * answers 200; a 422 (nothing imported) also resolves with its report, `error` aside. Other
 * failures reject with ApiError.
 */
export async function importHouseholds(file: File, options: ImportOptions): Promise<ImportReport> {
  const kind = fileKind(file);
  const path = withQuery('/imports/households', {
    dry_run: String(options.dryRun),
    duplicates: options.duplicates,
    sheet: kind === 'xlsx' ? options.sheet.trim() : '',
    filename: file.name,
  });
  try {
    return await api.upload<ImportReport>(path, file, kind === 'xlsx' ? kXlsxType : 'text/csv');
  } catch (error) {
    if (error instanceof ApiError && error.status === 422 && isReport(error.body)) return error.body;
    throw error;
  }
}

function isReport(value: unknown): value is ImportReport {
  const v = value as ImportReport | null;
  return !!v && Array.isArray(v.problems) && Array.isArray(v.duplicates) && typeof v.households === 'number';
}

/** Whether a checked file would import: no problem, and no duplicate that the policy refuses. */
export function wouldImport(report: ImportReport, policy: DuplicatePolicy): boolean {
  if (report.problems.length > 0) return false;
  if (policy === 'refuse' && report.duplicates.length > 0) return false;
  return report.households - report.households_skipped > 0;
}
