/* Live chat, questions and applause over the session's WebSocket.
 *
 * Only an enhancement: without this file (or when the socket cannot connect) the panel's forms
 * post and the page reloads. Text from others is always set with textContent, never as HTML.
 */
(function () {
  "use strict";

  var panel = document.querySelector("[data-live-session]");
  if (!panel || !("WebSocket" in window) || !window.JSON) {
    return;
  }
  var list = document.getElementById("chat-messages");
  var announcer = document.getElementById("chat-announcer");
  var chatForm = panel.querySelector("[data-live-chat]");
  var reactForm = panel.querySelector("[data-live-react]");
  var status = chatForm ? chatForm.querySelector("[data-chat-status]") : null;
  var socket = null;
  var ready = false;
  var retries = 0;
  var sequence = 0;
  var MAX_SHOWN = 100;

  function announce(text) {
    if (announcer) {
      announcer.textContent = text;
    }
  }

  function addMessage(event) {
    if (!list || event.kind !== "chat" || list.querySelector('[data-message-id="' + event.id + '"]')) {
      return;
    }
    var empty = list.querySelector("[data-chat-empty]");
    if (empty) {
      empty.remove();
    }
    var item = document.createElement("li");
    item.setAttribute("data-message-id", String(event.id));
    var name = document.createElement("strong");
    name.textContent = event.name || panel.getAttribute("data-viewer-label");
    var time = document.createElement("span");
    time.className = "muted";
    time.textContent = event.time;
    item.appendChild(name);
    item.appendChild(document.createTextNode(" "));
    item.appendChild(time);
    item.appendChild(document.createTextNode(": " + event.text));
    list.appendChild(item);
    while (list.children.length > MAX_SHOWN) {
      list.removeChild(list.firstElementChild);
    }
    announce((event.name || panel.getAttribute("data-viewer-label")) + ": " + event.text);
  }

  function hideMessage(event) {
    var item = list && list.querySelector('[data-message-id="' + event.id + '"]');
    if (item) {
      item.remove();
    }
  }

  function showCounts(counts) {
    Object.keys(counts || {}).forEach(function (kind) {
      document.querySelectorAll('[data-reaction-count="' + kind + '"]').forEach(function (node) {
        node.textContent = String(counts[kind]);
      });
    });
  }

  function showAudience(count) {
    document.querySelectorAll("[data-audience-count]").forEach(function (node) {
      node.textContent = String(count);
    });
  }

  /* Going live or ending changes the player area: fetch the page again and swap that part. */
  function reloadPlayer() {
    var current = document.querySelector("[data-live-player]");
    if (!current || !window.fetch || !window.DOMParser) {
      window.location.reload();
      return;
    }
    window.fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live-player]");
        if (fresh) {
          current.replaceWith(document.importNode(fresh, true));
          document.dispatchEvent(new CustomEvent("lampio:player-replaced"));
        }
      })
      .catch(function () { window.location.reload(); });
  }

  function setStatus(text) {
    if (status) {
      status.textContent = text || "";
    }
  }

  function handle(event) {
    switch (event.type) {
      case "hello":
        showCounts(event.reactions);
        showAudience(event.audience);
        break;
      case "message":
        addMessage(event);
        break;
      case "hidden":
        hideMessage(event);
        break;
      case "reactions":
        showCounts(event.counts);
        break;
      case "audience":
        showAudience(event.count);
        break;
      case "live-state":
        reloadPlayer();
        break;
      case "chat-state":
        if (chatForm) {
          chatForm.hidden = !event.open;
        }
        break;
      case "ack":
        if (chatForm) {
          chatForm.querySelector("textarea").value = "";
        }
        setStatus(event.message || "");
        break;
      case "error":
        setStatus(event.message);
        break;
      default:
        break;
    }
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    try {
      socket = new WebSocket(scheme + window.location.host + panel.getAttribute("data-socket-path"));
    } catch (error) {
      return;
    }
    socket.addEventListener("open", function () {
      ready = true;
      retries = 0;
    });
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
      ready = false;
      if (retries < 6) {
        retries += 1;
        window.setTimeout(connect, 1500 * retries);
      }
    });
  }

  function send(payload) {
    if (!ready || socket.readyState !== WebSocket.OPEN) {
      return false;
    }
    sequence += 1;
    payload.ref = sequence;
    socket.send(JSON.stringify(payload));
    return true;
  }

  if (chatForm) {
    chatForm.addEventListener("submit", function (event) {
      var text = chatForm.querySelector("textarea").value;
      var kind = chatForm.querySelector('input[name="kind"]:checked');
      var showName = chatForm.querySelector('input[name="show_name"]');
      if (!text.trim()) {
        return; /* the server answers with the form and its error */
      }
      if (send({
        type: kind ? kind.value : "chat",
        text: text,
        show_name: Boolean(showName && showName.checked)
      })) {
        event.preventDefault();
        setStatus("");
      }
    });
  }

  if (reactForm) {
    reactForm.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (button && send({ type: "react", kind: button.value })) {
        event.preventDefault();
      }
    });
  }

  connect();
})();
