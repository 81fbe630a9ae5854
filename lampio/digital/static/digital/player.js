/* The session player: the browser's own <video> plays MP4 and, where it can, HLS. Only for an
   HLS stream (.m3u8) in a browser without native HLS is hls.js (vendored, loaded before this
   file) attached. Nothing here reloads the page or stops playback on a timer. */
(function () {
  "use strict";

  function nativeHls(video) {
    return video.canPlayType("application/vnd.apple.mpegurl") !== "";
  }

  function attach(video) {
    var url = video.getAttribute("data-stream");
    if (!url || !video.hasAttribute("data-hls") || nativeHls(video)) {
      return;
    }
    if (!window.Hls || !window.Hls.isSupported()) {
      return; // the fallback link inside <video> and the browser's own message remain
    }
    // No web worker: our Content-Security-Policy allows no blob: workers.
    var hls = new window.Hls({ enableWorker: false });
    video.removeAttribute("src");
    hls.loadSource(url);
    hls.attachMedia(video);
  }

  function start() {
    var videos = document.querySelectorAll("video[data-stream]");
    for (var i = 0; i < videos.length; i += 1) {
      attach(videos[i]);
    }
  }

  // live.js swaps in a new player area when the provider goes live: attach to that one too.
  document.addEventListener("lampio:player-replaced", start);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
