/* The survey round's answer page: a conditional question is hidden until the earlier answer
   it depends on fits. Without JavaScript every question shows with a hint saying when to
   answer it, and the server ignores answers to questions whose condition is not met. */
(function () {
  "use strict";

  function chosen(form, name) {
    var values = [];
    form.querySelectorAll("input[name]").forEach(function (input) {
      if (input.name === name && input.checked) {
        values.push(input.value);
      }
    });
    return values;
  }

  function update(form) {
    // Document order: a question's controller is earlier, so it is already up to date.
    form.querySelectorAll("[data-show-if]").forEach(function (box) {
      var key = box.getAttribute("data-show-if");
      var wanted = (box.getAttribute("data-show-values") || "").split(" ");
      var controller = form.querySelector('[data-question="' + key + '"]');
      var controllerShown = !controller || !controller.hidden;
      box.hidden = !(controllerShown && chosen(form, key).some(function (value) {
        return wanted.indexOf(value) !== -1;
      }));
    });
  }

  function start() {
    var form = document.getElementById("round-form");
    if (!form) {
      return;
    }
    update(form);
    form.addEventListener("change", function () {
      update(form);
    });
    var errors = document.getElementById("round-errors");
    if (errors) {
      errors.focus();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
