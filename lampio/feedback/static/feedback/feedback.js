// Lämpiö feedback pages: small enhancements on top of forms that work without JavaScript.
//
// - the feedback text shows how many characters are left;
// - the pseudonym field shows only for "under a pseudonym", the contact details not for
//   anonymous feedback (fields with an error always stay visible);
// - with a tile server, a map sets the latitude and longitude fields by a click;
// - the receipt's tracking link can be copied with one button.
// UI texts come from data attributes rendered by the templates, so they are translated.
(function () {
  "use strict";

  function setUpCounter() {
    var counter = document.querySelector("[data-counter-for]");
    var field = counter && document.getElementById(counter.dataset.counterFor);
    if (!counter || !field) {
      return;
    }
    var limit = parseInt(field.getAttribute("maxlength") || "0", 10);
    if (!limit) {
      return;
    }
    function update() {
      counter.textContent = counter.dataset.counterText.replace(
        "__COUNT__",
        String(Math.max(0, limit - field.value.length))
      );
    }
    counter.hidden = false;
    field.addEventListener("input", update);
    update();
  }

  function setUpIdentity() {
    var radios = document.querySelectorAll(".feedback-identity input[type=radio]");
    var pseudonym = document.querySelector(".feedback-pseudonym");
    var contact = document.querySelector(".feedback-contact");
    if (!radios.length) {
      return;
    }
    function hasErrors(element) {
      return element && element.querySelector(".errorlist") !== null;
    }
    function update() {
      var chosen = document.querySelector(".feedback-identity input[type=radio]:checked");
      var value = chosen ? chosen.value : "";
      if (pseudonym && !hasErrors(pseudonym)) {
        pseudonym.hidden = value !== "pseudonym";
      }
      if (contact && !hasErrors(contact)) {
        contact.hidden = value === "anonymous";
      }
    }
    radios.forEach(function (radio) {
      radio.addEventListener("change", update);
    });
    update();
  }

  function setUpMap() {
    var container = document.querySelector("[data-feedback-map]");
    if (!container || typeof window.L === "undefined" || !container.dataset.tileUrl) {
      return;
    }
    var latitude = document.getElementById(container.dataset.latitude);
    var longitude = document.getElementById(container.dataset.longitude);
    if (!latitude || !longitude) {
      return;
    }
    container.hidden = false;
    var help = document.querySelector(".feedback-map-help");
    if (help) {
      help.hidden = false;
    }
    var L = window.L;
    var map = L.map(container, { scrollWheelZoom: false });
    L.tileLayer(container.dataset.tileUrl, {
      attribution: container.dataset.attribution || "",
      maxZoom: 19,
    }).addTo(map);
    var marker = null;
    function place(lat, lon) {
      if (marker) {
        marker.setLatLng([lat, lon]);
      } else {
        marker = L.marker([lat, lon], {
          title: container.dataset.markerTitle || "",
          alt: container.dataset.markerTitle || "",
          keyboard: true,
        }).addTo(map);
      }
    }
    var lat = parseFloat(latitude.value);
    var lon = parseFloat(longitude.value);
    if (isFinite(lat) && isFinite(lon)) {
      place(lat, lon);
      map.setView([lat, lon], 16);
    } else {
      map.setView([64.5, 26.0], 5); // the whole of Finland
    }
    map.on("click", function (event) {
      var point = event.latlng.wrap();
      latitude.value = point.lat.toFixed(6);
      longitude.value = point.lng.toFixed(6);
      place(point.lat, point.lng);
    });
    function follow() {
      var typedLat = parseFloat(latitude.value);
      var typedLon = parseFloat(longitude.value);
      if (isFinite(typedLat) && isFinite(typedLon)) {
        place(typedLat, typedLon);
        map.panTo([typedLat, typedLon]);
      }
    }
    latitude.addEventListener("change", follow);
    longitude.addEventListener("change", follow);
  }

  function setUpCopy() {
    var button = document.querySelector("[data-copy-target]");
    var source = button && document.getElementById(button.dataset.copyTarget);
    var status = document.querySelector("[data-copy-status]");
    if (!button || !source || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(
        function () {
          if (status) {
            status.textContent = button.dataset.copiedText || "";
          }
        },
        function () {
          source.select();
        }
      );
    });
  }

  function start() {
    setUpCounter();
    setUpIdentity();
    setUpMap();
    setUpCopy();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
