// Lämpiö: the map of space search results, drawn with the vendored Leaflet.
//
// Progressive enhancement only. The page always lists the spaces with their addresses; this
// script turns the <div data-space-map> into a map when the page loaded Leaflet (it does so only
// when the deployment has a tile server). The venues come from a JSON script element rendered
// with Django's json_script, so no inline script is needed and the CSP stays strict.
//
// The container is found by its data-space-map attribute, not an id: when htmx swaps in new
// results it copies the attributes of an old element with the same id onto the new one, and the
// style attribute that Leaflet set on the old map is an inline style our CSP blocks.
(function () {
  "use strict";

  function readVenues(container) {
    var source = document.getElementById(container.dataset.markers || "");
    if (!source) {
      return [];
    }
    try {
      var venues = JSON.parse(source.textContent);
      return Array.isArray(venues) ? venues : [];
    } catch (error) {
      return [];
    }
  }

  function popupContent(venue) {
    // Build the popup from DOM nodes, never from HTML strings: venue names are user content.
    var link = document.createElement("a");
    link.href = venue.url;
    link.textContent = venue.name;
    return link;
  }

  function drawMap() {
    var container = document.querySelector("[data-space-map]");
    if (!container || container.dataset.ready === "true" || typeof window.L === "undefined") {
      return;
    }
    var tileUrl = container.dataset.tileUrl;
    if (!tileUrl) {
      return;
    }
    var venues = readVenues(container);
    container.dataset.ready = "true";
    container.textContent = "";
    container.classList.add("space-map--active");

    var L = window.L;
    var map = L.map(container, { scrollWheelZoom: false });
    L.tileLayer(tileUrl, {
      attribution: container.dataset.attribution || "",
      maxZoom: 18,
    }).addTo(map);

    var points = [];
    venues.forEach(function (venue) {
      if (typeof venue.lat !== "number" || typeof venue.lon !== "number") {
        return;
      }
      L.marker([venue.lat, venue.lon], { title: venue.name, alt: venue.name, keyboard: true })
        .addTo(map)
        .bindPopup(popupContent(venue));
      points.push([venue.lat, venue.lon]);
    });
    if (points.length) {
      map.fitBounds(points, { padding: [32, 32], maxZoom: 15 });
    } else {
      map.setView([64.5, 26.0], 5); // the whole of Finland
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawMap);
  } else {
    drawMap();
  }
  // The search form may replace the results (and the map's container) through htmx.
  document.addEventListener("htmx:afterSettle", drawMap);
})();
