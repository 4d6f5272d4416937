// The wire shapes of deduplication runs and groups (docs/api.md, "Deduplication") and the calls
// the Duplicates page makes.
import { api } from '../api/client';
import type { MemberDocument, Page, PlaceRef } from '../api/types';
import type { MessageKey } from '../i18n/i18n';

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';
export type GroupState = 'open' | 'same_person' | 'different_people';

export interface DedupRun {
  id: number;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  started_by: string;
  counts: { people: number; comparisons: number; pairs: number; groups: number; open_groups: number };
  progress: { stage: string; done: number; total: number } | null;
  error: string | null;
  groups?: Page<DedupGroup>;
}

export interface DedupMember {
  id: number;
  given_name: string;
  father_name: string;
  grandfather_name: string;
  family_name: string;
  name_latin: string;
  sex: string;
  birth_date: string;
  relationship: string;
  phone: string;
  documents: MemberDocument[];
  status: 'live' | 'merged' | 'archived';
  merged_into: number | null;
  household: { id: number; displacement_status: string; phone: string; location: PlaceRef };
}

export interface DedupReason { field: string; weight: number; detail: string }
export interface DedupPair { a: number; b: number; score: number; reasons: DedupReason[] }

export interface DedupGroup {
  id: number;
  run_id: number;
  version: number;
  state: GroupState;
  score: number;
  keep: number | null;
  decided_at: string | null;
  decided_by: string | null;
  members: DedupMember[];
  pairs: DedupPair[];
}

export const startRun = () => api.post<DedupRun>('/dedup/runs', {});
export const latestRuns = () => api.get<Page<DedupRun>>('/dedup/runs', { limit: 1 });
export const getRun = (id: number, page = 1, limit = 25) =>
  api.get<DedupRun>(`/dedup/runs/${id}`, { page, limit });
export const decide = (group: DedupGroup, decision: 'same_person' | 'different_people', keep?: number) =>
  api.post<DedupGroup>(`/dedup/groups/${group.id}/decision`, { decision, keep, version: group.version });
export const undo = (group: DedupGroup) =>
  api.post<DedupGroup>(`/dedup/groups/${group.id}/undo`, { version: group.version });

const kFieldLabels: Record<string, MessageKey> = {
  given_name: 'dedup.field.given_name',
  father_name: 'dedup.field.father_name',
  grandfather_name: 'dedup.field.grandfather_name',
  family_name: 'dedup.field.family_name',
  name_order: 'dedup.field.name_order',
  sex: 'dedup.field.sex',
  birth_date: 'dedup.field.birth_date',
  pcode: 'dedup.field.pcode',
  phone: 'dedup.field.phone',
  document_number: 'dedup.field.document_number',
};

/** The label key of a reason's field; unknown fields fall back to a generic label. */
export function reasonLabel(field: string): MessageKey {
  return kFieldLabels[field] ?? 'dedup.field.other';
}

const kStages: Record<string, MessageKey> = {
  queued: 'dedup.stage.queued',
  running: 'dedup.stage.running',
  keys: 'dedup.stage.keys',
  blocking: 'dedup.stage.blocking',
  scoring: 'dedup.stage.scoring',
  clustering: 'dedup.stage.clustering',
};

export function stageLabel(stage: string): MessageKey {
  return kStages[stage] ?? 'dedup.stage.running';
}
