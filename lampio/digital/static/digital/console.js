/* The provider's console, live: new messages and questions, hidden ones, the audience count.
 * Without it the console works with its forms and the "Refresh the console" link.
 * Viewers' text is set with textContent only.
 */
(function () {
  "use strict";

  var root = document.getElementById("console");
  var template = document.getElementById("console-message-template");
  if (!root || !template || !("WebSocket" in window)) {
    return;
  }
  var moderateUrl = root.getAttribute("data-moderate-url");
  var retries = 0;

  function listFor(kind) {
    return document.getElementById(kind === "question" ? "console-questions" : "console-chat");
  }

  function addMessage(event) {
    var list = listFor(event.kind);
    if (!list || list.querySelector('[data-message-id="' + event.id + '"]')) {
      return;
    }
    var empty = list.querySelector("[data-console-empty]");
    if (empty) {
      empty.remove();
    }
    var item = template.content.firstElementChild.cloneNode(true);
    item.setAttribute("data-message-id", String(event.id));
    item.querySelector('[data-field="name"]').textContent = event.name || root.getAttribute("data-viewer-label");
    item.querySelector('[data-field="time"]').textContent = event.time;
    item.querySelector('[data-field="text"]').textContent = event.text;
    item.querySelector("[data-moderate-form]").setAttribute("action", moderateUrl + event.id + "/");
    if (event.kind !== "question") {
      item.querySelectorAll('[data-for-kind="question"]').forEach(function (node) { node.remove(); });
    }
    list.appendChild(item);
  }

  function markState(event, text) {
    var item = root.querySelector('[data-message-id="' + event.id + '"]');
    if (item) {
      item.querySelector('[data-field="state"]').textContent = text;
    }
  }

  function handle(event) {
    var counter;
    if (event.type === "message") {
      addMessage(event);
    } else if (event.type === "hidden") {
      markState(event, root.getAttribute("data-hidden-label") || "–");
    } else if (event.type === "answered") {
      markState(event, root.getAttribute("data-answered-label") || "✓");
    } else if (event.type === "audience" || event.type === "hello") {
      counter = document.getElementById("console-audience");
      if (counter) {
        counter.textContent = String(event.type === "hello" ? event.audience : event.count);
      }
    } else if (event.type === "reactions") {
      Object.keys(event.counts).forEach(function (kind) {
        var node = root.querySelector('[data-reaction-count="' + kind + '"]');
        if (node) {
          node.textContent = String(event.counts[kind]);
        }
      });
    }
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + root.getAttribute("data-socket-path"));
    socket.addEventListener("open", function () { retries = 0; });
    socket.addEventListener("message", function (message) {
      var data;
      try {
        data = JSON.parse(message.data);
      } catch (error) {
        return;
      }
      (data.events || []).forEach(handle);
    });
    socket.addEventListener("close", function () {
      if (retries < 10) {
        retries += 1;
        window.setTimeout(connect, 1500 * retries);
      }
    });
  }

  connect();
})();
