// The page's only way to the service: the public Open311 GeoReport v2 endpoints, as any app would call them, with
// the page's own client app key. Errors come back as Open311's [{code, description}].
let settings = null;

export function configure(pageSettings) {
  settings = pageSettings;
}

/** An Open311 refusal: status and the server's errors. */
export class Refusal extends Error {
  constructor(status, errors) {
    super(errors.map(error => error.description).join('; ') || `HTTP ${status}`);
    this.status = status;
    this.errors = errors;
  }
}

function url(path, query, language) {
  const params = new URLSearchParams({ jurisdiction_id: settings.jurisdiction_id, locale: language, ...query });
  return `${settings.api_base}/${path}.json?${params}`;
}

async function read(response) {
  const body = await response.json().catch(() => []);
  if (!response.ok) {
    throw new Refusal(response.status, Array.isArray(body) ? body : []);
  }

  return body;
}

/** GET services: every public category, with its group and description. */
export async function services(language) {
  return read(await fetch(url('services', {}, language)));
}

/** GET services/{code}: the questions of one category, in form order. */
export async function definition(code, language) {
  return read(await fetch(url(`services/${encodeURIComponent(code)}`, {}, language)));
}

/** GET requests near a point: the open ones of the same category (Open311's lat/long/radius extension). */
export async function nearbyOpen(code, point, language) {
  return read(await fetch(url('requests', {
    service_code: code, lat: point.lat, long: point.long, radius: 150, status: 'open', page_size: 10,
  }, language)));
}

/** POST requests (multipart, for the photo): the receipt with extensions=true, so with the protocol number and follow link. */
export async function submit(form, language) {
  form.set('extensions', 'true');
  return (await read(await fetch(url('requests', {}, language), { method: 'POST', headers: { 'X-Api-Key': settings.api_key }, body: form })))[0];
}

/** POST requests/{id}/followers (the "me too" extension): be told of an existing request instead of reporting it again. */
export async function follow(id, form, language) {
  form.set('api_key', settings.api_key);
  return (await read(await fetch(url(`requests/${encodeURIComponent(id)}/followers`, {}, language), { method: 'POST', body: form })))[0];
}
