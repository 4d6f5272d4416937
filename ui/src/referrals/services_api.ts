// Calls of the shared service directory (docs/cases.md "Services and referrals"): search by
// type, place (a P-code matches its place and every place under it) and text; supervisors and
// admins add, edit and import their own organisation's services.
import { api, itemsOf, withQuery } from '../api/client';
import type { Service, ServiceInput } from '../api/cases_types';
import type { OrganisationRef, Page } from '../api/types';

export interface ServiceFilters {
  type: string;
  pcode: string;
  q: string;
  page: number;
  /** Inactive services too (the server lists active ones only by default). */
  all?: boolean;
}

export function searchServices({ all, ...filters }: ServiceFilters, limit: number): Promise<Page<Service>> {
  return api.get<Page<Service>>('/services', { ...filters, active: all ? 'all' : undefined, limit });
}

export function createService(input: ServiceInput): Promise<Service> {
  return api.post<Service>('/services', input);
}

export function updateService(id: number, input: Partial<ServiceInput> & { version?: number }): Promise<Service> {
  return api.patch<Service>(`/services/${id}`, input);
}

/** Imports a CSV (all or nothing); a 422 ApiError's body holds the line / column problems. */
export function importServices(csv: Blob, filename: string): Promise<unknown> {
  return api.upload<unknown>(withQuery('/services/import', { filename }), csv, 'text/csv');
}

const kDirectoryLimit = 200;

/**
 * The organisations that offer services, for consent's "share with": the list of organisations
 * itself is admin-only, and only organisations with services can receive referrals anyway.
 */
export async function serviceOrganisations(): Promise<OrganisationRef[]> {
  const services = itemsOf(await api.get<Page<Service>>('/services', { limit: kDirectoryLimit }));
  const byId = new Map<number, OrganisationRef>();
  for (const service of services) {
    if (service.organisation) byId.set(service.organisation.id, service.organisation);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
