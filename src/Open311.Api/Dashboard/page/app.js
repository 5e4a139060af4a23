// The supervision page: signs in, shows the figures, lists and map from the admin API, and refreshes them
// when the live feed says something happened.
import { get, session, signIn, signOut, SignedOut } from './api.js';
import { follow } from './feed.js';
import { createMap, drawAreas, drawRequests, stateColour } from './map.js';
import { currentLanguage, eventKind, formatNumber, formatTime, setLanguage, t, translate } from './texts.js';
import { drawTrend } from './trend.js';

const $ = id => document.getElementById(id);
const inLanguage = (names, ...fallbacks) => names?.[currentLanguage()] ?? fallbacks.find(Boolean) ?? '';
const requestLink = id => `#request/${id}`;

// How much of the open list the map shows: the staff list's largest page, a few times.
const mapPageSize = 200;
const mapPages = 5;
const freshShown = 10;

let states = new Map(); // state code → { label, colour, open }
let departments = new Map(); // department id → name
let areas = [];
let openRequests = [];
let mapView = null;
let feed = null;
let refreshTimer = null;

function text(tag, content, className) {
  const made = document.createElement(tag);
  made.textContent = content;
  if (className) {
    made.className = className;
  }

  return made;
}

function link(id, content) {
  const made = text('a', content);
  made.href = requestLink(id);
  return made;
}

const stateLabel = code => states.get(code)?.label ?? code;

/** The texts the API names, in the page's language: state labels, department names, areas. */
async function loadCatalogue() {
  const [workflows, departmentList, areaList] = await Promise.all([get('/admin/workflows'), get('/admin/departments'), get('/admin/areas')]);
  states = new Map();
  for (const state of workflows.flatMap(workflow => workflow.states)) {
    if (!states.has(state.code)) {
      const label = inLanguage(state.labels, currentLanguage() === 'en' ? state.label_en : state.label_el, state.label_el, state.code);
      states.set(state.code, { label, colour: stateColour(states.size), open: state.status === 'open' });
    }
  }

  departments = new Map(departmentList.map(d => [d.id, inLanguage(d.names, d.name_el)]));
  areas = areaList;
}

function showFigure(id, value, shown) {
  const element = $(id);
  element.dataset.value = value ?? '';
  element.textContent = value == null ? '—' : shown(value);
}

function showSummary(summary) {
  showFigure('figure-open', summary.open, formatNumber);
  showFigure('figure-overdue', summary.overdue, formatNumber);
  showFigure('figure-received-today', summary.received_today, formatNumber);
  showFigure('figure-median', summary.median_hours_to_close_this_month, hours => t('hours', formatNumber(hours, 1)));
  $('as-of').textContent = t('asOf', formatTime(summary.as_of));
}

function showBacklog(statistics) {
  const rows = [...statistics.rows].sort((a, b) => b.backlog - a.backlog).map(row => {
    const line = document.createElement('tr');
    line.dataset.key = row.key;
    const name = text('th', row.label);
    name.scope = 'row';
    line.append(name, ...[row.backlog, row.received, row.resolved].map(value => text('td', formatNumber(value), 'number')));
    return line;
  });
  $('backlog').tBodies[0].replaceChildren(...rows);
}

function showOverdue(page) {
  $('overdue-empty').hidden = page.items.length > 0;
  $('overdue-list').replaceChildren(...page.items.map(request => {
    const item = document.createElement('li');
    item.dataset.id = request.id;
    item.append(link(request.id, `${request.protocol_number} · ${request.service_name}`));
    // Overdue by the time staff set, else by the service level's due time (Core's Overdue rule).
    const dueAt = request.expected_at ?? request.service_level?.resolution_due_at;
    const due = dueAt ? t('due', formatTime(dueAt)) : '';
    item.append(text('span', [due, request.address].filter(Boolean).join(' · '), 'muted'));
    return item;
  }));
}

/** The open requests, by the states the workflows mark open (the staff list has no open/closed filter). */
async function loadOpenRequests() {
  const open = [...states].filter(([, state]) => state.open).map(([code]) => code);
  const found = [];
  for (let page = 1; page <= mapPages && open.length > 0; page += 1) {
    const answer = await get('/admin/requests', { state: open.join(','), page_size: mapPageSize, page });
    found.push(...answer.items);
    if (!answer.has_more) {
      break;
    }
  }

  return found;
}

function fillSelect(select, options) {
  const chosen = select.value;
  select.replaceChildren(new Option(t('all'), ''), ...options.map(([value, label]) => new Option(label, value)));
  select.value = options.some(([value]) => value === chosen) ? chosen : '';
}

function showMap() {
  const categories = new Map(openRequests.map(request => [request.service_code, request.service_name]));
  fillSelect($('map-category'), [...categories].sort((a, b) => a[1].localeCompare(b[1])));
  const openStates = [...states].filter(([, state]) => state.open);
  fillSelect($('map-state'), openStates.map(([code, state]) => [code, state.label]));

  const category = $('map-category').value;
  const state = $('map-state').value;
  const shown = openRequests.filter(request => (!category || request.service_code === category) && (!state || request.state === state));
  drawAreas(mapView, areas, id => departments.get(id) ?? '');
  const placed = drawRequests(mapView, shown, code => states.get(code)?.colour ?? '#334155', stateLabel, requestLink);
  $('map-count').textContent = t('shown', formatNumber(placed));
  $('map-legend').replaceChildren(...openStates.map(([, entry]) => {
    const item = text('li', entry.label);
    const swatch = text('span', '', 'swatch');
    swatch.style.backgroundColor = entry.colour;
    item.prepend(swatch);
    return item;
  }));
}

function failed(error) {
  if (error instanceof SignedOut) {
    showSignIn();
    return;
  }

  console.error(error);
  $('live-state').textContent = t('loadFailed', error.message);
}

async function refresh() {
  try {
    const [summary, statistics, series, overdue] = await Promise.all([
      get('/admin/statistics/summary'),
      get('/admin/statistics', { group_by: 'department' }),
      get('/admin/statistics/series', { interval: 'day' }),
      get('/admin/requests', { overdue: 'true', page_size: 20 }),
    ]);
    showSummary(summary);
    showBacklog(statistics);
    drawTrend($('trend'), series.points);
    showOverdue(overdue);
    openRequests = await loadOpenRequests();
    showMap();
    document.body.dataset.refreshed = summary.as_of;
  } catch (error) {
    failed(error);
  }
}

// Each refresh runs the statistics queries (a few hundred milliseconds of database time at 10⁶
// requests), so a busy feed refreshes the figures at most this often, however many events arrive.
const REFRESH_SPACING_MS = 10000;
let lastRefreshAt = 0;

/**
 * A burst of events (a dispatcher triaging twenty requests) becomes one refresh, a second after the
 * first of them; a steady stream refreshes every REFRESH_SPACING_MS, never waiting for a quiet moment.
 */
function refreshSoon() {
  if (refreshTimer !== null) {
    return;
  }
  const wait = Math.max(1000, lastRefreshAt + REFRESH_SPACING_MS - Date.now());
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    lastRefreshAt = Date.now();
    refresh();
  }, wait);
}

function showFresh(event) {
  $('fresh-empty').hidden = true;
  const item = document.createElement('li');
  item.dataset.id = event.request_id;
  item.append(link(event.request_id, event.protocol_number));
  item.append(text('span', [formatTime(event.occurred_at), stateLabel(event.state), departments.get(event.department_id)].filter(Boolean).join(' · '), 'muted'));
  const list = $('fresh');
  list.prepend(item);
  while (list.children.length > freshShown) {
    list.lastElementChild.remove();
  }
}

function startFeed() {
  feed = new AbortController();
  follow({
    token: () => session()?.token,
    signal: feed.signal,
    onState: state => {
      // Back after a gap: what changed in it is in the figures after one refresh, whatever the replay held.
      if (state === 'live' && $('live-state').dataset.state === 'reconnecting') {
        refreshSoon();
      }

      $('live-state').dataset.state = state;
      $('live-state').textContent = t(state === 'live' ? 'live' : 'reconnecting');
    },
    onSignedOut: showSignIn,
    onEvent: event => {
      if (event.kind === 'submitted') {
        showFresh(event);
      }

      refreshSoon();
    },
  });
}

function field(list, label, value) {
  if (value) {
    list.append(text('dt', label), text('dd', value));
  }
}

/** The request view inside the page: its admin detail (each look is audited as a contact view) and history. */
async function showDetail() {
  const match = /^#request\/(\d+)$/.exec(location.hash);
  const section = $('detail');
  section.hidden = !match;
  if (!match || !session()) {
    return;
  }

  try {
    const [detail, history] = await Promise.all([get(`/admin/requests/${match[1]}`), get(`/admin/requests/${match[1]}/history`)]);
    const request = detail.request;
    $('detail-title').textContent = t('request', request.protocol_number);
    const fields = $('detail-fields');
    fields.replaceChildren();
    field(fields, t('category'), request.service_name);
    field(fields, t('state'), stateLabel(request.state));
    field(fields, t('department'), departments.get(request.department_id));
    field(fields, t('channel'), request.channel);
    field(fields, t('address'), request.address);
    field(fields, t('description'), request.description);
    field(fields, t('requestedAt'), formatTime(request.requested_at));
    field(fields, t('expectedAt'), request.expected_at && formatTime(request.expected_at));
    $('detail-history').replaceChildren(...history.map(entry =>
      text('li', [formatTime(entry.occurred_at), eventKind(entry.kind), entry.actor, entry.note].filter(Boolean).join(' · '))));
  } catch (error) {
    if (error instanceof SignedOut) {
      failed(error);
      return;
    }

    $('detail-title').textContent = t('notFound');
    $('detail-fields').replaceChildren();
    $('detail-history').replaceChildren();
  }

  section.focus();
}

let settings = null;

async function showBoard() {
  $('sign-in').hidden = true;
  $('board').hidden = false;
  $('sign-out').hidden = false;
  try {
    settings ??= await (await fetch('settings.json')).json();
    mapView ??= createMap($('map'), settings);
    mapView.map.invalidateSize();
    await loadCatalogue();
  } catch (error) {
    failed(error);
    return;
  }

  await refresh();
  await showDetail();
  startFeed();
}

function showSignIn() {
  feed?.abort();
  clearTimeout(refreshTimer);
  refreshTimer = null;
  signOut();
  $('board').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  $('live-state').textContent = '';
  $('username').focus();
}

function showLanguageSwitch() {
  const other = currentLanguage() === 'el' ? 'en' : 'el';
  $('language').lang = other;
  $('language').textContent = t('otherLanguage');
  translate(document);
}

$('sign-in').addEventListener('submit', async submitted => {
  submitted.preventDefault();
  $('sign-in-error').textContent = '';
  const result = await signIn($('username').value, $('password').value);
  if (!result.ok) {
    $('sign-in-error').textContent = result.status === 401 ? t('wrongLogin') : t('loginFailed', result.status);
    return;
  }

  $('password').value = '';
  await showBoard();
});

$('sign-out').addEventListener('click', showSignIn);

$('language').addEventListener('click', async () => {
  setLanguage(currentLanguage() === 'el' ? 'en' : 'el');
  showLanguageSwitch();
  if (session()) {
    // Names from the API come in the new language too.
    try {
      await loadCatalogue();
    } catch (error) {
      failed(error);
      return;
    }

    await refresh();
    await showDetail();
  }
});

$('map-category').addEventListener('change', showMap);
$('map-state').addEventListener('change', showMap);
window.addEventListener('hashchange', showDetail);

showLanguageSwitch();
if (session()) {
  showBoard();
} else {
  showSignIn();
}
