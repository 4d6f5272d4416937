// Starts a fresh, real sanad server for one test file: a temp database with three users made by
// `sanad user add` (plus any the file asks for, in any organisation, with case modules), a data
// key made by `sanad key init` when the binary has one, then `sanad serve` on 127.0.0.1 port 0
// serving ui/dist. SANAD_BIN picks the binary (default build/sanad at the repo root). Fixtures go
// through the API, never the database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const UI_DIST = resolve(here, '../../dist');
const DEFAULT_BIN = resolve(here, '../../../build/sanad');

export const USERS = {
  admin: { role: 'admin', password: 'admin-pass-2026-long' },
  clerk: { role: 'registration', password: 'clerk-pass-2026-long' },
  viewer: { role: 'viewer', password: 'viewer-pass-2026-long' },
};
export const ORG = 'Test Org';

/** Whether the binary knows `--key-file` (case management needs a data key). */
function hasKeyFile(bin) {
  const help = spawnSync(bin, ['serve', '--help'], { encoding: 'utf8', timeout: 30_000 });
  return /--key-file/.test(`${help.stdout}${help.stderr}`);
}

/** Adds the users and, when the binary has them, a data key; returns `sanad serve`'s arguments. */
function prepare(bin, dir, db, users) {
  // A failed spawn (the binary being rebuilt, a timeout) has no status: say why.
  const why = (run) => `${run.status ?? run.error?.message ?? run.signal}: ${run.stderr ?? ''}${run.stdout ?? ''}`;
  for (const [username, { role, password, org = ORG, modules = [] }] of Object.entries(users)) {
    const args = ['user', 'add', '--db', db, '--username', username, '--role', role, '--org', org,
      '--password-stdin'];
    if (modules.length) args.push('--modules', modules.join(','));
    const run = spawnSync(bin, args, { input: `${password}\n`, encoding: 'utf8', timeout: 30_000 });
    if (run.status !== 0) throw new Error(`user add ${username} failed (${why(run)})`);
  }
  const args = ['serve', '--db', db, '--listen', '127.0.0.1:0', '--ui-dir', UI_DIST, '--threads', '4'];
  if (hasKeyFile(bin)) {
    const keyFile = join(dir, 'data.key');
    const init = spawnSync(bin, ['key', 'init', '--key-file', keyFile], { encoding: 'utf8', timeout: 30_000 });
    if (init.status !== 0) throw new Error(`key init failed (${why(init)})`);
    args.push('--key-file', keyFile);
  }
  return args;
}

/**
 * `extraUsers`: { username: { role, password, org?, modules? } } added to USERS for this server
 * (org defaults to ORG; modules is a list such as ['gbv']).
 */
export async function startServer({ extraUsers = {} } = {}) {
  const bin = resolve(process.env.SANAD_BIN ?? DEFAULT_BIN);
  if (!existsSync(bin)) throw new Error(`server binary not found: ${bin} (run \`make build\` or set SANAD_BIN)`);
  if (!existsSync(join(UI_DIST, 'index.html'))) throw new Error(`${UI_DIST}/index.html missing (run \`npm --prefix ui run build\`)`);
  const dir = mkdtempSync(join(tmpdir(), 'sanad-ui-test-'));
  const db = join(dir, 't.db');
  const users = { ...USERS, ...extraUsers };
  let args;
  try {
    args = prepare(bin, dir, db, users);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const url = await new Promise((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s:\n${out}${log}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}${log}`));
    });
  });
  child.stdout.resume();
  return {
    url,
    log: () => log,
    users,
    client: (username) => apiClient(url, username, users[username].password),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A logged-in API client for fixtures: cookie and CSRF token handled. */
export async function apiClient(base, username, password) {
  const login = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrf_token: csrf } = await login.json();
  const call = async (method, path, body) => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return data;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    patch: (path, body) => call('PATCH', path, body),
    put: (path, body) => call('PUT', path, body),
    del: (path) => call('DELETE', path),
  };
}

/** A governorate and one of its districts that exist on this server. */
export async function somePlaces(client) {
  const governorates = (await client.get('/places?level=1')).items;
  for (const governorate of governorates) {
    const districts = (await client.get(`/places?level=2&parent=${encodeURIComponent(governorate.pcode)}`)).items;
    if (districts.length) return { governorate, district: districts[0] };
  }
  throw new Error('no governorate with districts on this server');
}

/** A governorate, district and subdistrict (a chain) that exist on this server. */
export async function somePlaceChain(client, skip = 0) {
  const children = async (level, parent) =>
    (await client.get(`/places?level=${level}&parent=${encodeURIComponent(parent)}`)).items;
  let seen = 0;
  for (const governorate of (await client.get('/places?level=1')).items) {
    for (const district of await children(2, governorate.pcode)) {
      const subdistricts = await children(3, district.pcode);
      if (subdistricts.length && seen++ >= skip) return { governorate, district, subdistrict: subdistricts[0] };
    }
  }
  throw new Error('no governorate → district → subdistrict chain on this server');
}

/** The Arabic household used by several tests, registered through the API. */
export async function registerHousehold(client, overrides = {}) {
  const { district } = await somePlaces(client);
  return client.post('/households', {
    displacement_status: 'idp_in_camp',
    location: { pcode: district.pcode, site: 'مخيم حسن شام' },
    phone: '+9647501234567',
    members: [
      { given_name: 'محمد', father_name: 'عبد الرحمن', grandfather_name: 'حسين', family_name: 'الجبوري',
        name_latin: 'Mohammed Abdulrahman Hussein Al-Jubouri', sex: 'male', birth_date: '1984',
        relationship: 'head', documents: [{ type: 'national_id', number: '199012345678' }],
        disability: { seeing: 'no_difficulty', mobility: 'some_difficulty' } },
      { given_name: 'فاطمة', father_name: 'علي', family_name: 'الجبوري', name_latin: 'Fatima Ali Al-Jubouri',
        sex: 'female', birth_date: '1988-05', relationship: 'spouse' },
    ],
    ...overrides,
  });
}
