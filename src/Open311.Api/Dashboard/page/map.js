// The map: department areas (GeoJSON from /admin/areas) and open requests as dots coloured by state.
// Leaflet (window.L) comes from npm at build time. Without a tile server everything shows on a plain background.

// Distinct colours that keep 3:1 contrast against the light background and each other's neighbours.
const palette = ['#1f6fb2', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207', '#be185d', '#4d7c0f', '#334155'];
const areaColours = ['#2563eb', '#059669', '#d97706', '#9333ea', '#dc2626', '#0891b2'];

const escape = text => String(text ?? '').replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

export function stateColour(index) {
  return palette[index % palette.length];
}

export function createMap(element, settings) {
  const map = L.map(element, { zoomControl: true }).setView([38.3, 23.8], 6);
  if (settings.tile_url) {
    L.tileLayer(settings.tile_url, { attribution: settings.tile_attribution, maxZoom: 19 }).addTo(map);
  }

  return { map, areas: L.layerGroup().addTo(map), requests: L.layerGroup().addTo(map), fitted: false };
}

/** areas: [{ name, department_id, geometry }]; departmentName(id) in the page's language. */
export function drawAreas(view, areas, departmentName) {
  view.areas.clearLayers();
  areas.forEach(area => {
    const colour = areaColours[area.department_id % areaColours.length];
    L.geoJSON(area.geometry, { style: { color: colour, weight: 2, fillOpacity: 0.08, className: 'area' } })
      .bindTooltip(`${escape(area.name)}<br>${escape(departmentName(area.department_id))}`)
      .addTo(view.areas);
  });
}

/** requests: staff list items with lat/long; colourOf(state) and stateLabel(state) from the page; link(id) the detail's address. */
export function drawRequests(view, requests, colourOf, stateLabel, link) {
  view.requests.clearLayers();
  const placed = requests.filter(request => request.lat != null && request.long != null);
  for (const request of placed) {
    L.circleMarker([request.lat, request.long], { radius: 7, weight: 1, color: '#1e293b', fillColor: colourOf(request.state), fillOpacity: 0.9, className: 'request' })
      .bindPopup(`<a href="${link(request.id)}">${escape(request.protocol_number)}</a><br>${escape(request.service_name)}<br>${escape(stateLabel(request.state))}`)
      .addTo(view.requests);
  }

  // The first drawing frames what there is; later refreshes leave the view where the supervisor moved it.
  const bounds = L.featureGroup([...view.areas.getLayers(), ...view.requests.getLayers()]).getBounds();
  if (!view.fitted && bounds.isValid()) {
    view.map.fitBounds(bounds, { padding: [16, 16], maxZoom: 15 });
    view.fitted = true;
  }

  return placed.length;
}
