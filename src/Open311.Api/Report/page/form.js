// The questions of a category, made from its Open311 service definition, one control per datatype; and the server's
// errors shown at the field they name. The server is the one judge of what is valid: the form is sent as it is
// (novalidate) and every Open311 error that names a field is shown there.
import { t } from './texts.js';

const element = (tag, properties = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
};

const idOf = code => `attr-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function requiredMark(attribute) {
  return attribute.required
    ? [' ', element('span', { className: 'required', ariaHidden: 'true', textContent: '*' }), element('span', { className: 'visually-hidden', textContent: t('required') })]
    : [];
}

function hint(attribute, id) {
  return attribute.datatype_description ? element('p', { className: 'hint', id: `hint-${id}`, textContent: attribute.datatype_description }) : null;
}

function describedBy(attribute, id) {
  return [attribute.datatype_description ? `hint-${id}` : null, `err-${id}`].filter(Boolean).join(' ');
}

function choices(attribute, id, type) {
  const group = element('fieldset', { id, className: 'field' });
  // Named by its legend also as a radiogroup, whose name would otherwise not come from the legend.
  group.setAttribute('aria-labelledby', `legend-${id}`);
  if (type === 'radio') {
    group.setAttribute('role', 'radiogroup');
    group.setAttribute('aria-required', String(attribute.required));
  }

  group.setAttribute('aria-describedby', describedBy(attribute, id));
  group.append(element('legend', { id: `legend-${id}` }, attribute.description, ...requiredMark(attribute)));
  const help = hint(attribute, id);
  if (help) {
    group.append(help);
  }

  attribute.values.forEach((value, index) => {
    const input = element('input', { type, id: `${id}-${index}`, name: `attribute[${attribute.code}]${type === 'checkbox' ? '[]' : ''}`, value: value.key });
    group.append(element('div', { className: 'option' }, input, element('label', { htmlFor: input.id, textContent: value.name })));
  });
  return group;
}

function single(attribute, id) {
  const wrapper = element('div', { className: 'field' });
  const label = element('label', { htmlFor: id }, attribute.description, ...requiredMark(attribute));
  const control = attribute.datatype === 'text'
    ? element('textarea', { id, rows: 3 })
    : element('input', { id, type: attribute.datatype === 'datetime' ? 'datetime-local' : 'text' });
  if (attribute.datatype === 'number') {
    // Text with a numeric keyboard, so "3,5" as Greeks write it can be read, and anything else reaches the server's check.
    control.inputMode = 'decimal';
  }

  control.name = `attribute[${attribute.code}]`;
  control.required = attribute.required;
  control.setAttribute('aria-describedby', describedBy(attribute, id));
  wrapper.append(label);
  const help = hint(attribute, id);
  if (help) {
    wrapper.append(help);
  }

  wrapper.append(control);
  return wrapper;
}

/** Renders the definition's questions into container; returns the codes in form order. */
export function renderAttributes(container, definition) {
  container.replaceChildren();
  for (const attribute of [...definition.attributes].sort((a, b) => a.order - b.order)) {
    const id = idOf(attribute.code);
    if (!attribute.variable) {
      container.append(element('p', { className: 'hint', textContent: attribute.description }));
      continue;
    }

    const field = attribute.datatype === 'singlevaluelist' ? choices(attribute, id, 'radio')
      : attribute.datatype === 'multivaluelist' ? choices(attribute, id, 'checkbox')
        : single(attribute, id);
    field.dataset.code = attribute.code;
    field.dataset.datatype = attribute.datatype;
    const error = element('p', { className: 'error', id: `err-${id}`, hidden: true });
    field.append(error);
    container.append(field);
  }
}

/** A datetime-local value (local wall time) as ISO 8601 with this device's offset, as Open311 wants it. */
function withOffset(local) {
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) {
    return local;
  }

  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const pad = n => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const seconds = local.length === 16 ? ':00' : '';
  return `${local}${seconds}${sign}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}

/** The answers as Open311 form fields: attribute[code], and attribute[code][] per checked value of a multivaluelist. */
export function collectAttributes(container, form) {
  for (const field of container.querySelectorAll('[data-code]')) {
    const { code, datatype } = field.dataset;
    if (datatype === 'singlevaluelist' || datatype === 'multivaluelist') {
      field.querySelectorAll('input:checked').forEach(input => form.append(input.name, input.value));
      continue;
    }

    const control = field.querySelector('input, textarea');
    let value = control.value.trim();
    if (value === '') {
      continue;
    }

    if (datatype === 'number') {
      value = value.replace(',', '.');
    } else if (datatype === 'datetime') {
      value = withOffset(value);
    }

    form.append(`attribute[${code}]`, value);
  }
}

/** The answers by code, to put back after the questions are drawn again (in another language). */
export function answers(container) {
  const kept = {};
  container.querySelectorAll('[data-code]').forEach(field => {
    kept[field.dataset.code] = [...field.querySelectorAll('input, textarea')]
      .map(input => (input.type === 'radio' || input.type === 'checkbox') ? (input.checked ? input.value : null) : input.value)
      .filter(value => value !== null);
  });
  return kept;
}

export function restore(container, kept) {
  container.querySelectorAll('[data-code]').forEach(field => {
    const values = kept[field.dataset.code] ?? [];
    field.querySelectorAll('input, textarea').forEach(input => {
      if (input.type === 'radio' || input.type === 'checkbox') {
        input.checked = values.includes(input.value);
      } else {
        input.value = values[0] ?? '';
      }
    });
  });
}

// The page's own fields by the Open311 name an error starts with.
const fieldIds = {
  description: 'description', address_string: 'address', lat: 'location', long: 'location',
  media: 'photo', email: 'email', email_alerts_requested: 'email', phone: 'phone', sms_alerts_requested: 'phone',
};

/** Which of the page's fields an Open311 error is about: its first word (attribute[code], email, …), or null. */
export function fieldOf(description) {
  if (description.startsWith('a location is required')) {
    return 'location';
  }

  const name = description.split(/[\s:]/, 1)[0];
  const attribute = /^attribute\[(.+)\]$/.exec(name);
  if (attribute) {
    return document.getElementById(idOf(attribute[1])) ? idOf(attribute[1]) : null;
  }

  return fieldIds[name] ?? null;
}

/** The server's words as a citizen reads them, for the reasons the page knows; else the server's own. */
function wording(description) {
  const reasons = [
    [/ is required$/, () => t('reasons.required')],
    [/ must be a number/, () => t('reasons.number')],
    [/ must be an ISO 8601 datetime/, () => t('reasons.datetime')],
    [/ must be at most (\d+) characters/, match => t('reasons.tooLong', match[1])],
    [/^email is not a valid/, () => t('reasons.email')],
    [/^email_alerts_requested: /, () => t('reasons.emailAlerts')],
    [/^sms_alerts_requested: /, () => t('reasons.smsAlerts')],
    [/^a location is required/, () => t('reasons.location')],
  ];
  for (const [pattern, say] of reasons) {
    const match = pattern.exec(description);
    if (match) {
      return say(match);
    }
  }

  return description;
}

/** Clears every shown error. */
export function clearErrors(form) {
  form.querySelectorAll('.error[id^=err-]').forEach(error => { error.hidden = true; error.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(control => control.removeAttribute('aria-invalid'));
  form.querySelector('#error-summary').hidden = true;
}

/**
 * Shows each error at its field (the field's controls marked invalid and described by it) and all of them in the
 * summary, which is announced (role=alert) and focused so keyboard and screen reader users start from it.
 */
export function showErrors(form, errors) {
  clearErrors(form);
  const summary = form.querySelector('#error-summary');
  const list = summary.querySelector('#error-list');
  list.replaceChildren();
  for (const error of errors) {
    const text = wording(error.description);
    const id = fieldOf(error.description);
    const item = element('li');
    if (id) {
      const at = form.querySelector(`#err-${id}`);
      at.textContent = text;
      at.hidden = false;
      const field = form.querySelector(`#${id}`);
      (field.matches('input, textarea') ? [field] : field.querySelectorAll('input, textarea')).forEach(control => control.setAttribute('aria-invalid', 'true'));
      const label = field.matches('fieldset') ? field.querySelector('legend').textContent : form.querySelector(`label[for=${id}]`)?.textContent ?? '';
      item.append(element('a', { href: `#${field.matches('fieldset') ? (field.querySelector('input')?.id ?? id) : id}`, textContent: `${label.replace(/\s*\*.*$/, '')}: ${text}` }));
    } else {
      item.textContent = text;
    }

    list.append(item);
  }

  summary.setAttribute('role', 'alert');
  summary.hidden = false;
  summary.focus();
}
