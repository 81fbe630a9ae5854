// Lämpiö assistant: small enhancements on top of forms that work without JavaScript (htmx
// does the requests). After a question or message was sent, the form is emptied and its
// earlier error cleared, so the next one can be typed at once; the focus stays in the field.
(function () {
  "use strict";

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail && event.detail.elt;
    if (!form || !form.matches || !form.matches("form[data-assistant-form]")) {
      return;
    }
    var refused = event.detail.xhr && event.detail.xhr.getResponseHeader("HX-Retarget");
    if (!event.detail.successful || refused) {
      return;
    }
    var field = form.querySelector("textarea, input[type=text]");
    if (field) {
      field.value = "";
    }
    var errors = document.querySelectorAll("[data-assistant-errors]");
    Array.prototype.forEach.call(errors, function (element) {
      element.textContent = "";
    });
  });
})();
