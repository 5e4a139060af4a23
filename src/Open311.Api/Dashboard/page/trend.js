// The trend: requests received and resolved per day, as inline SVG (no chart library needed for two lines).
import { formatDay, formatNumber, t } from './texts.js';

const svgNs = 'http://www.w3.org/2000/svg';
const size = { width: 640, height: 240, left: 40, right: 12, top: 12, bottom: 28 };

function element(name, attributes, parent) {
  const made = document.createElementNS(svgNs, name);
  Object.entries(attributes).forEach(([key, value]) => made.setAttribute(key, String(value)));
  parent?.appendChild(made);
  return made;
}

/** Draws the series' points ({ start, received, resolved }) into container, replacing what was there. */
export function drawTrend(container, points) {
  const received = points.reduce((sum, point) => sum + point.received, 0);
  const resolved = points.reduce((sum, point) => sum + point.resolved, 0);
  const summary = t('trendSummary', formatNumber(received), formatNumber(resolved));
  const svg = element('svg', { viewBox: `0 0 ${size.width} ${size.height}`, role: 'img', 'aria-label': summary });
  element('title', {}, svg).textContent = summary;

  const top = Math.max(1, ...points.map(point => Math.max(point.received, point.resolved)));
  const plotWidth = size.width - size.left - size.right;
  const plotHeight = size.height - size.top - size.bottom;
  const x = index => size.left + (points.length < 2 ? plotWidth / 2 : (index * plotWidth) / (points.length - 1));
  const y = value => size.top + plotHeight - (value * plotHeight) / top;

  // Four gridlines with their values, whole numbers only.
  const step = Math.max(1, Math.ceil(top / 4));
  for (let value = 0; value <= top; value += step) {
    element('line', { x1: size.left, x2: size.width - size.right, y1: y(value), y2: y(value), class: 'grid' }, svg);
    const label = element('text', { x: size.left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'axis' }, svg);
    label.textContent = formatNumber(value);
  }

  // A day label about once a week.
  const every = Math.max(1, Math.round(points.length / 5));
  points.forEach((point, index) => {
    if (index % every === 0) {
      // The last day's label ends at the edge rather than past it.
      const anchor = index === points.length - 1 ? 'end' : 'middle';
      const label = element('text', { x: x(index), y: size.height - 8, 'text-anchor': anchor, class: 'axis' }, svg);
      label.textContent = formatDay(point.start);
    }
  });

  for (const series of ['received', 'resolved']) {
    const path = points.map((point, index) => `${x(index).toFixed(1)},${y(point[series]).toFixed(1)}`).join(' ');
    element('polyline', { points: path, class: `line ${series}` }, svg);
  }

  container.replaceChildren(svg);
}
