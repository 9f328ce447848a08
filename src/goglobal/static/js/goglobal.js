/*
 * GoGlobal Connect: small progressive enhancements. No library, no network calls.
 * Every page works without this file; it only saves clicks.
 *
 *   <form data-autosubmit>            selects/checkboxes/radios inside submit the form on change
 *   <select data-autosubmit>          this one control submits its form on change
 *   <button data-confirm="Sure?">     asks before submitting (also on <a> and <form>)
 *   <form class="lang-switcher">      submits when a language is picked with the mouse/touch
 *
 * Keyboard users changing a select with the arrow keys are not sent away on each key press
 * (WCAG 3.2.2): the form's submit button is revealed instead, and Enter submits.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var NAV_QUERY = "(min-width: 48em)";
  var keyboardKeys = {
    ArrowUp: 1, ArrowDown: 1, ArrowLeft: 1, ArrowRight: 1, Home: 1, End: 1, PageUp: 1, PageDown: 1
  };

  function submitForm(form) {
    if (!form || form.dataset.submitting === "1") {
      return;
    }
    form.dataset.submitting = "1";
    try {
      if (typeof form.requestSubmit === "function") {
        form.requestSubmit();
      } else {
        form.submit();
      }
    } finally {
      window.setTimeout(function () {
        delete form.dataset.submitting;
      }, 1000);
    }
  }

  function revealSubmit(form) {
    var buttons = form.querySelectorAll("button[type='submit'], button:not([type]), input[type='submit']");
    buttons.forEach(function (button) {
      button.classList.add("is-needed");
    });
  }

  function wantsAutosubmit(control) {
    if (!control || !control.form) {
      return false;
    }
    if (control.closest(".lang-switcher")) {
      return control.tagName === "SELECT";
    }
    if (control.hasAttribute("data-autosubmit")) {
      return control.getAttribute("data-autosubmit") !== "false";
    }
    var form = control.closest("[data-autosubmit]");
    if (!form || form.getAttribute("data-autosubmit") === "false") {
      return false;
    }
    var tag = control.tagName;
    var type = (control.type || "").toLowerCase();
    return tag === "SELECT" || type === "checkbox" || type === "radio";
  }

  /* A select changed by arrow keys fires "change" on every key press in some browsers. */
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!(target instanceof HTMLSelectElement) || !wantsAutosubmit(target)) {
      return;
    }
    if (keyboardKeys[event.key] || event.key.length === 1) {
      target.dataset.keyboardChange = "1";
    } else if (event.key === "Enter" && target.dataset.keyboardChange === "1") {
      event.preventDefault();
      submitForm(target.form);
    }
  });

  document.addEventListener("pointerdown", function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement) {
      delete target.dataset.keyboardChange;
    }
  });

  document.addEventListener("change", function (event) {
    var control = event.target;
    if (!wantsAutosubmit(control)) {
      return;
    }
    if (control.dataset.keyboardChange === "1") {
      revealSubmit(control.form);
      return;
    }
    submitForm(control.form);
  });

  /* data-confirm on a button, link or form. The message comes from the (translated) template. */
  function confirmOrCancel(event, element) {
    var message = element && element.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return false;
    }
    return true;
  }

  document.addEventListener("click", function (event) {
    var element = event.target.closest("button[data-confirm], input[data-confirm], a[data-confirm]");
    if (element) {
      confirmOrCancel(event, element);
    }
  }, true);

  function isGuarded(form) {
    if ((form.getAttribute("method") || "get").toLowerCase() !== "post") {
      return false;
    }
    if (form.hasAttribute("data-allow-resubmit")) {
      return false;
    }
    return !Array.prototype.some.call(form.attributes, function (attribute) {
      return /^(data-)?hx-/.test(attribute.name);
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-confirm") && form.dataset.submitting !== "1") {
      if (!confirmOrCancel(event, form)) {
        return;
      }
    }
    /* Guard against double submission of a plain POST form (htmx forms manage their own). */
    if (!isGuarded(form)) {
      return;
    }
    if (form.dataset.sent === "1") {
      event.preventDefault();
      return;
    }
    form.dataset.sent = "1";
    window.setTimeout(function () {
      delete form.dataset.sent;
    }, 4000);
  });

  /* Navigation menu: keep the <details> open on wide screens (CSS hides its summary there). */
  function syncNav() {
    var wide = window.matchMedia && window.matchMedia(NAV_QUERY).matches;
    document.querySelectorAll(".site-nav-menu").forEach(function (menu) {
      if (wide) {
        menu.setAttribute("open", "");
      } else if (!menu.dataset.userOpened) {
        menu.removeAttribute("open");
      }
    });
  }

  function init() {
    syncNav();
    /* A form sent back with errors: focus its error summary, so it is read first. */
    var summary = document.querySelector(".alert-error[role=alert][tabindex='-1']");
    if (summary) {
      summary.focus();
    }
    document.querySelectorAll(".site-nav-menu > summary").forEach(function (summary) {
      summary.addEventListener("click", function () {
        var menu = summary.parentElement;
        if (menu.hasAttribute("open")) {
          delete menu.dataset.userOpened;
        } else {
          menu.dataset.userOpened = "1";
        }
      });
    });
    if (window.matchMedia) {
      var query = window.matchMedia(NAV_QUERY);
      if (query.addEventListener) {
        query.addEventListener("change", syncNav);
      }
    }
    /* Escape closes the open narrow-screen menu and returns focus to its toggle. */
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") {
        return;
      }
      var menu = document.activeElement && document.activeElement.closest(".site-nav-menu[open]");
      if (menu && !window.matchMedia(NAV_QUERY).matches) {
        menu.removeAttribute("open");
        delete menu.dataset.userOpened;
        menu.querySelector("summary").focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
