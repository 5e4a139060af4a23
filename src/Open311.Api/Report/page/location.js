// Where the problem is: the device's location (asked only when the citizen presses the button), a pin on a Leaflet map
// (only when a tile server is configured: a map without tiles shows nothing to place a pin by), or an address.
// Leaflet (window.L) comes from npm at build time.
import { t } from './texts.js';

export function createLocation({ settings, onPoint }) {
  let point = null;
  let map = null;
  let pin = null;

  const round = value => Math.round(value * 1e6) / 1e6;
  const show = () => {
    document.getElementById('point').textContent = point ? t('point', point.lat.toFixed(5), point.long.toFixed(5)) : '';
  };

  function place(lat, long, { pan = false } = {}) {
    point = { lat: round(lat), long: round(long) };
    if (map) {
      pin ??= L.marker([lat, long], {
        draggable: true, keyboard: false,
        icon: L.divIcon({ className: 'pin-icon', html: '<div class="pin"></div>', iconSize: [26, 26], iconAnchor: [4, 26] }),
      }).addTo(map).on('dragend', () => {
        const at = pin.getLatLng();
        place(at.lat, at.lng);
      });
      pin.setLatLng([lat, long]);
      if (pan) {
        map.setView([lat, long], Math.max(map.getZoom(), 17), { animate: false });
      }
    }

    show();
    onPoint(point);
  }

  if (settings.tile_url) {
    document.getElementById('map-block').hidden = false;
    map = L.map('map', { keyboard: true, zoomControl: false }).setView([38.3, 23.8], 6);
    L.control.zoom({ zoomInTitle: t('zoomIn'), zoomOutTitle: t('zoomOut') }).addTo(map);
    L.tileLayer(settings.tile_url, { attribution: settings.tile_attribution, maxZoom: 19 }).addTo(map);
    map.on('click', event => place(event.latlng.lat, event.latlng.lng));
    document.getElementById('pin-centre').addEventListener('click', () => {
      const centre = map.getCenter();
      place(centre.lat, centre.lng);
    });
  }

  const status = document.getElementById('locate-status');
  document.getElementById('locate').addEventListener('click', () => {
    if (!navigator.geolocation) {
      status.textContent = t('locateFailed');
      return;
    }

    status.textContent = t('locating');
    navigator.geolocation.getCurrentPosition(
      position => {
        status.textContent = t('located', Math.round(position.coords.accuracy));
        place(position.coords.latitude, position.coords.longitude, { pan: true });
      },
      error => { status.textContent = t(error.code === error.PERMISSION_DENIED ? 'locateDenied' : 'locateFailed'); },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
  });

  return {
    get point() { return point; },
    /** The map was hidden while its step was: it must measure itself again. */
    shown() { map?.invalidateSize(); },
    reset() {
      point = null;
      pin?.remove();
      pin = null;
      status.textContent = '';
      document.getElementById('address').value = '';
      show();
    },
    relabel: show,
  };
}
