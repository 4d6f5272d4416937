// Fixtures of the programme tests: an M&E officer's public Erbil office, a project and a done
// activity whose attendance (registered people and counted rows) is recorded through the API.

export const ERBIL_DISTRICT = 'IQG11Q02';

/**
 * As `officer` (an API client of a role that manages projects): the Erbil office (public), the
 * project `project` overrides, and a done awareness session on `startsOn` with `people` (ids of
 * registered people) and `counts` (counted rows). Returns { office, project, activity }.
 */
export async function recordErbilActivity(officer, { project = {}, startsOn, people = [], counts = [] }) {
  const office = await officer.post('/offices', {
    name: 'Erbil office', name_ar: 'مكتب أربيل', pcode: ERBIL_DISTRICT, public: true, lat: 36.19, lon: 44.01,
  });
  const made = await officer.post('/projects', {
    code: 'PRJ-26-01', name: 'Protection in Erbil', sectors: ['protection'], status: 'ongoing',
    starts_on: `${startsOn.slice(0, 4)}-01-01`, currency: 'USD', budget: 10000, office_id: office.id, ...project,
  });
  const activity = await officer.post('/activities', {
    type: 'awareness_session', sector: 'protection', title: 'Services in the camp', project_id: made.id,
    office_id: office.id, pcode: ERBIL_DISTRICT, starts_on: startsOn, status: 'done', sessions: 1,
  });
  await officer.put(`/activities/${activity.id}/attendance`, {
    version: activity.version,
    people: people.map((id) => ({ person_id: id })),
    counts,
  });
  return { office, project: made, activity };
}

/** The value beside a label in a list of figures (`<dt>label</dt><dd>value</dd>`). */
export const figure = (scope, label) => scope.locator('dt').filter({ hasText: new RegExp(`^${label}$`) })
  .locator('xpath=following-sibling::dd[1]');
