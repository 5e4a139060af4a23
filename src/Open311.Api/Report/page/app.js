// The reporting page's wiring: choose a category, answer its questions, say where, perhaps add a photo and a way to be
// told, see what is already reported nearby, send; then the protocol number and the link to follow it.
import { apply, dateTime, language, months, other, setLanguage, t } from './texts.js';
import * as open311 from './open311.js';
import { answers, clearErrors, collectAttributes, renderAttributes, restore, showErrors } from './form.js';
import { createLocation } from './location.js';
import { shrink } from './photo.js';

const $ = id => document.getElementById(id);
const form = $('step-form');
const steps = ['step-category', 'step-form', 'step-done'];

let settings = null;
let place = null;
let service = null;
let definition = null;
let photo = null;
let nearbyAsked = 0;

function show(step) {
  steps.forEach(id => { $(id).hidden = id !== step; });
  // The new step's heading takes the focus, so a screen reader starts reading there and Tab goes on from it.
  $(step).querySelector('h1').focus();
  document.body.dataset.step = step;
}

function loadFailed(error) {
  $('load-error').textContent = t('loadFailed', error.message);
}

function drawLanguage() {
  apply();
  $('language').lang = other();
  $('language').textContent = t('otherLanguage');
  $('privacy').textContent = t('privacy', months(settings?.contact_retention_months ?? 12));
  place?.relabel();
}

async function drawCategories() {
  const categories = await open311.services(language);
  const groups = new Map();
  for (const category of categories) {
    const group = category.group ?? '';
    groups.set(group, [...(groups.get(group) ?? []), category]);
  }

  const container = $('categories');
  container.replaceChildren();
  groups.forEach((members, group) => {
    const section = document.createElement('section');
    section.className = 'group';
    const heading = Object.assign(document.createElement('h2'), { textContent: group });
    const list = Object.assign(document.createElement('ul'), { className: 'categories' });
    for (const category of members) {
      const button = Object.assign(document.createElement('button'), { type: 'button', className: 'category' });
      button.dataset.code = category.service_code;
      button.append(Object.assign(document.createElement('span'), { className: 'name', textContent: category.service_name }));
      if (category.description) {
        button.append(Object.assign(document.createElement('span'), { className: 'description', textContent: category.description }));
      }

      button.addEventListener('click', () => choose(category).catch(loadFailed));
      list.append(Object.assign(document.createElement('li'), {}));
      list.lastElementChild.append(button);
    }

    section.append(heading, list);
    container.append(section);
  });
  document.body.dataset.categories = String(categories.length);
}

async function drawQuestions() {
  const kept = answers($('attributes'));
  definition = await open311.definition(service.service_code, language);
  renderAttributes($('attributes'), definition);
  restore($('attributes'), kept);
  const names = await open311.services(language);
  service = names.find(s => s.service_code === service.service_code) ?? service;
  $('form-title').textContent = service.service_name;
  $('form-description').textContent = service.description ?? '';
}

async function choose(category) {
  service = category;
  $('attributes').replaceChildren();
  definition = service.metadata ? await open311.definition(service.service_code, language) : { attributes: [] };
  renderAttributes($('attributes'), definition);
  $('form-title').textContent = service.service_name;
  $('form-description').textContent = service.description ?? '';
  clearErrors(form);
  show('step-form');
  place.shown();
  if (place.point) {
    await lookNearby(place.point);
  }
}

/** "Already reported?": the open requests of the same category near the spot, before anything is sent. */
async function lookNearby(point) {
  if (!service) {
    return;
  }

  const asked = ++nearbyAsked;
  const found = await open311.nearbyOpen(service.service_code, point, language);
  if (asked !== nearbyAsked) {
    return;
  }

  const list = $('nearby-list');
  list.replaceChildren();
  $('nearby').hidden = found.length === 0;
  $('nearby-intro').textContent = t('nearbyIntro', found.length);
  for (const request of found) {
    const item = document.createElement('li');
    item.dataset.id = request.service_request_id;
    item.append(Object.assign(document.createElement('p'), { textContent: request.description ?? service.service_name }));
    const where = [request.address, t('nearbyRequested', dateTime(request.requested_datetime))].filter(Boolean).join(' · ');
    item.append(Object.assign(document.createElement('p'), { className: 'muted', textContent: where }));
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary', textContent: t('followInstead') });
    button.addEventListener('click', () => followInstead(request.service_request_id).catch(refused));
    item.append(button);

    list.append(item);
  }

  document.body.dataset.nearby = String(found.length);
}

function contactFields(data) {
  const email = $('email').value.trim();
  const phone = $('phone').value.trim();
  if (email) {
    data.set('email', email);
  }

  if (phone) {
    data.set('phone', phone);
  }

  data.set('email_alerts_requested', String($('email-alerts').checked));
  data.set('sms_alerts_requested', String($('sms-alerts').checked));
  data.set('alerts_language', language);
  return data;
}

/** The "me too" extension: told of an existing request, with the contact given below, instead of a new report. */
async function followInstead(id) {
  if (!$('email-alerts').checked && !$('sms-alerts').checked) {
    $('follow-status').textContent = t('followNeedsContact');
    $('contact').querySelector('input').focus();
    return;
  }

  const answer = await open311.follow(id, contactFields(new FormData()), language);
  $('follow-status').textContent = t('followed', answer.service_request_id);
}

function refused(error) {
  $('send-status').textContent = '';
  if (error instanceof open311.Refusal && error.status === 429) {
    showErrors(form, [{ description: t('tooMany') }]);
  } else if (error instanceof open311.Refusal && error.errors.length > 0) {
    showErrors(form, error.errors);
  } else {
    showErrors(form, [{ description: t('failed', error.message) }]);
  }
}

async function send(event) {
  event.preventDefault();
  const data = new FormData();
  data.set('service_code', service.service_code);
  if (place.point) {
    data.set('lat', String(place.point.lat));
    data.set('long', String(place.point.long));
  }

  for (const [name, id] of [['address_string', 'address'], ['description', 'description']]) {
    const value = $(id).value.trim();
    if (value) {
      data.set(name, value);
    }
  }

  collectAttributes($('attributes'), data);
  if (photo) {
    data.set('media', photo.blob, 'photo.jpg');
  }

  contactFields(data);
  $('send').disabled = true;
  $('send-status').textContent = t('sending');
  try {
    const receipt = await open311.submit(data, language);
    clearErrors(form);
    $('send-status').textContent = '';
    $('done-title').textContent = t('doneTitle');
    $('done-text').textContent = t('doneText');
    $('done-protocol').textContent = receipt.protocol_number;
    $('done-notice').textContent = receipt.service_notice ?? '';
    $('done-follow').href = receipt.follow_url;
    show('step-done');
  } catch (error) {
    refused(error);
  } finally {
    $('send').disabled = false;
  }
}

async function takePhoto(input) {
  const file = input.files[0];
  input.value = '';
  if (!file) {
    return;
  }

  const error = $('err-photo');
  const shrunk = await shrink(file);
  if (!shrunk) {
    error.textContent = t('photoUnreadable');
    error.hidden = false;
    return;
  }

  error.hidden = true;
  if (photo) {
    URL.revokeObjectURL(photo.url);
  }

  photo = { ...shrunk, url: URL.createObjectURL(shrunk.blob) };
  $('photo-image').src = photo.url;
  $('photo-image').alt = t('photoPreview');
  $('photo-preview').hidden = false;
  $('photo-status').textContent = t('photoReady', shrunk.width, shrunk.height, Math.round(shrunk.blob.size / 1024));
}

function forgetPhoto() {
  if (photo) {
    URL.revokeObjectURL(photo.url);
  }

  photo = null;
  $('photo-preview').hidden = true;
  $('photo-image').removeAttribute('src');
}

function startAgain() {
  form.reset();
  forgetPhoto();
  place.reset();
  $('nearby').hidden = true;
  $('photo-status').textContent = '';
  $('follow-status').textContent = '';
  service = null;
  show('step-category');
}

$('language').addEventListener('click', async () => {
  setLanguage(other());
  drawLanguage();
  try {
    await drawCategories();
    if (service && !$('step-form').hidden) {
      await drawQuestions();
    }
  } catch (error) {
    loadFailed(error);
  }
});
$('back').addEventListener('click', () => show('step-category'));
form.addEventListener('submit', event => send(event));
$('photo-camera').addEventListener('change', event => takePhoto(event.target));
$('photo-gallery').addEventListener('change', event => takePhoto(event.target));
$('photo-remove').addEventListener('click', () => {
  forgetPhoto();
  $('photo-status').textContent = t('photoRemoved');
  $('photo-gallery').focus();
});
$('again').addEventListener('click', startAgain);

async function start() {
  drawLanguage();
  const jurisdiction = new URLSearchParams(window.location.search).get('jurisdiction_id');
  const response = await fetch(`settings.json${jurisdiction ? `?jurisdiction_id=${encodeURIComponent(jurisdiction)}` : ''}`);
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}`);
  }

  settings = await response.json();
  open311.configure(settings);
  drawLanguage();
  place = createLocation({ settings, onPoint: point => lookNearby(point).catch(loadFailed) });
  await drawCategories();
  document.body.dataset.ready = 'true';
}

start().catch(loadFailed);
