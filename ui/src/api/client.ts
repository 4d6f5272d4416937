// The only way the UI talks to the server: JSON over fetch with the session cookie, the CSRF
// token on state-changing requests, and every failure turned into an ApiError. One module-level
// token; the UI is single-threaded so no locking is needed.

export interface FieldError { field: string; reason: string }

/** A failed API call: HTTP status (0 when the network failed), the error code and field list. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly retryAfter: number | null = null,
    readonly currentVersion: number | null = null,
    /** The whole answer (some errors carry more than `error`, e.g. an import's report). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const kBase = '/api/v1';
let csrfToken = '';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when any call other than the session ones gets 401 (session expired). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A request body sent as it is with its own media type (a file upload), not as JSON. */
export class RawBody {
  constructor(readonly data: Blob, readonly type: string) {}
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const raw = body instanceof RawBody ? body : null;
  if (body !== undefined) headers['Content-Type'] = raw ? raw.type : 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(kBase + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ? raw.data : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (response.ok) return data as T;
  const error = toApiError(response, data);
  if (error.status === 401 && !path.startsWith('/session') && onUnauthenticated) {
    onUnauthenticated();
  }
  throw error;
}

function toApiError(response: Response, data: unknown): ApiError {
  const body = (data as { error?: Record<string, unknown> } | null)?.error ?? {};
  const fields = Array.isArray(body.fields)
    ? (body.fields as unknown[]).filter(isFieldError)
    : [];
  const retry = Number(response.headers.get('Retry-After'));
  const current = typeof body.current_version === 'number' ? body.current_version : null;
  return new ApiError(
    response.status,
    typeof body.code === 'string' ? body.code : `http_${response.status}`,
    typeof body.message === 'string' ? body.message : response.statusText,
    fields,
    Number.isFinite(retry) && retry > 0 ? retry : null,
    current,
    data,
  );
}

function isFieldError(value: unknown): value is FieldError {
  const v = value as FieldError | null;
  return !!v && typeof v.field === 'string' && typeof v.reason === 'string';
}

export const api = {
  get: <T>(path: string, query: Query = {}) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: (path: string) => request<void>('DELETE', path),
  /** POSTs `data` as the body with Content-Type `type` (query parameters go in `path`). */
  upload: <T>(path: string, data: Blob, type: string) => request<T>('POST', path, new RawBody(data, type)),
};

/** Lists may come paginated ({items}) or, defensively, as a bare array. */
export function itemsOf<T>(data: { items?: T[] } | T[] | null | undefined): T[] {
  if (Array.isArray(data)) return data;
  return data?.items ?? [];
}
