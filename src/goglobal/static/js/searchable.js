/*
 * GoGlobal Connect: searchable lists. No library, no network calls.
 *
 *   <select multiple data-searchable data-search-label="Search the list"
 *           data-search-count="%(count)s shown">
 *     <option value="7" data-search="malaysia 马来西亚 馬來西亞 malaixiya mlxy">马来西亚</option>
 *
 * A search box is put above the list; typing narrows the options to those whose name (in any
 * language, or its pinyin) holds what was typed. Chosen options always stay visible, and
 * Enter in the box chooses the first option shown. Without this file the list is a plain
 * multiple select.
 */
(function () {
  "use strict";

  function fold(text) {
    return (text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(select) {
    if (select.dataset.searchableReady === "1") {
      return;
    }
    select.dataset.searchableReady = "1";
    var box = document.createElement("input");
    box.type = "search";
    box.className = "searchable-filter";
    box.autocomplete = "off";
    box.setAttribute("aria-label", select.dataset.searchLabel || "Search the list");
    if (select.id) {
      box.id = select.id + "-search";
      box.setAttribute("aria-controls", select.id);
    }
    var count = document.createElement("span");
    count.className = "searchable-count";
    count.setAttribute("aria-live", "polite");
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(count, select.nextSibling);

    var options = Array.prototype.map.call(select.options, function (option) {
      return { option: option, key: fold(option.text + " " + (option.dataset.search || "")) };
    });

    function filter() {
      var wanted = fold(box.value.trim());
      var shown = 0;
      options.forEach(function (item) {
        var visible = !wanted || item.key.indexOf(wanted) !== -1 || item.option.selected;
        item.option.hidden = !visible;
        if (visible) {
          shown += 1;
        }
      });
      count.textContent = wanted
        ? (select.dataset.searchCount || "%(count)s shown").replace("%(count)s", String(shown))
        : "";
      return shown;
    }

    box.addEventListener("input", filter);
    box.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") {
        return;
      }
      event.preventDefault();
      var first = options.filter(function (item) {
        return !item.option.hidden && !item.option.selected;
      })[0];
      if (first) {
        first.option.selected = true;
        select.dispatchEvent(new Event("change", { bubbles: true }));
        box.value = "";
        filter();
      }
    });
  }

  function enhanceAll() {
    document.querySelectorAll("select[data-searchable]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
