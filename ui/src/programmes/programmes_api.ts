// Calls of offices, projects, expenditures, activities and attendance, the staff roster and
// indicators (docs/programmes.md). Every list is the organisation's; the server enforces roles.
import { api, itemsOf, request, type Query } from '../api/client';
import type { Page } from '../api/types';
import type {
  Activity, ActivityInput, Attendance, AttendanceInput, Expenditure, ExpenditureInput, Indicator, IndicatorInput,
  Office, OfficeInput, Progress, Project, ProjectInput, StaffInput, StaffMember,
} from './programmes_types';

/** Lists shown as choices in forms and filters: one page of everything. */
const kChoiceLimit = 200;

type Versioned<T> = Partial<T> & { version: number };

export function listOffices(query: Query): Promise<Page<Office>> {
  return api.get<Page<Office>>('/offices', query);
}

/** Closed offices too: a record made when its office was open still names it. */
export function officeChoices(): Promise<Office[]> {
  return listOffices({ active: 'all', limit: kChoiceLimit }).then((p) => p.items ?? []);
}

export function getOffice(id: number): Promise<Office> {
  return api.get<Office>(`/offices/${id}`);
}

export function createOffice(input: OfficeInput): Promise<Office> {
  return api.post<Office>('/offices', input);
}

export function updateOffice(id: number, change: Versioned<OfficeInput>): Promise<Office> {
  return api.patch<Office>(`/offices/${id}`, change);
}

export function listProjects(query: Query): Promise<Page<Project>> {
  return api.get<Page<Project>>('/projects', query);
}

export function projectChoices(): Promise<Project[]> {
  return listProjects({ limit: kChoiceLimit }).then((p) => p.items ?? []);
}

export function getProject(id: number): Promise<Project> {
  return api.get<Project>(`/projects/${id}`);
}

export function createProject(input: ProjectInput): Promise<Project> {
  return api.post<Project>('/projects', input);
}

export function updateProject(id: number, change: Versioned<ProjectInput>): Promise<Project> {
  return api.patch<Project>(`/projects/${id}`, change);
}

export function listExpenditures(projectId: number, query: Query): Promise<Page<Expenditure>> {
  return api.get<Page<Expenditure>>(`/projects/${projectId}/expenditures`, query);
}

export function addExpenditure(projectId: number, input: ExpenditureInput): Promise<Expenditure> {
  return api.post<Expenditure>(`/projects/${projectId}/expenditures`, input);
}

export function voidExpenditure(projectId: number, id: number, reason: string): Promise<Expenditure> {
  return api.post<Expenditure>(`/projects/${projectId}/expenditures/${id}/void`, { reason });
}

export function projectProgress(projectId: number): Promise<Progress[]> {
  return api.get<{ items?: Progress[] } | Progress[]>(`/projects/${projectId}/indicators/progress`).then(itemsOf);
}

export function listActivities(query: Query): Promise<Page<Activity>> {
  return api.get<Page<Activity>>('/activities', query);
}

export function getActivity(id: number): Promise<Activity> {
  return api.get<Activity>(`/activities/${id}`);
}

export function createActivity(input: ActivityInput): Promise<Activity> {
  return api.post<Activity>('/activities', input);
}

export function updateActivity(id: number, change: Versioned<ActivityInput>): Promise<Activity> {
  return api.patch<Activity>(`/activities/${id}`, change);
}

export function getAttendance(id: number): Promise<Attendance> {
  return api.get<Attendance>(`/activities/${id}/attendance`);
}

/** Replaces the whole attendance; the activity's version is bumped (stale → 409). */
export function putAttendance(id: number, input: AttendanceInput): Promise<unknown> {
  return request<unknown>('PUT', `/activities/${id}/attendance`, input);
}

export function listStaff(query: Query): Promise<Page<StaffMember>> {
  return api.get<Page<StaffMember>>('/staff', query);
}

export function getStaffMember(id: number): Promise<StaffMember> {
  return api.get<StaffMember>(`/staff/${id}`);
}

export function createStaff(input: StaffInput): Promise<StaffMember> {
  return api.post<StaffMember>('/staff', input);
}

export function updateStaff(id: number, change: Versioned<StaffInput>): Promise<StaffMember> {
  return api.patch<StaffMember>(`/staff/${id}`, change);
}

export function getIndicator(id: number): Promise<Indicator> {
  return api.get<Indicator>(`/indicators/${id}`);
}

export function createIndicator(input: IndicatorInput): Promise<Indicator> {
  return api.post<Indicator>('/indicators', input);
}

export function updateIndicator(id: number, change: Versioned<IndicatorInput>): Promise<Indicator> {
  return api.patch<Indicator>(`/indicators/${id}`, change);
}

export function indicatorProgress(id: number, query: Query): Promise<Progress> {
  return api.get<Progress>(`/indicators/${id}/progress`, query);
}
