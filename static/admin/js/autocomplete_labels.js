/* The admin's autocomplete boxes (Select2) type into a search field of their own, which has no
   label: screen readers announce it as a bare "search box" (axe: critical). Each one is given
   the name of the field it searches for, in the page's language, as Select2 draws it.
   A multiple choice with a value draws its "remove all" cross inside the list of choices, where a
   list holds only items (axe: serious). The cross is a mouse's shortcut, never focused (the keys
   remove choices one by one): it is hidden from screen readers, which then read a list of items. */
"use strict";
(function () {
  function fieldName(select) {
    const label = select && select.id && document.querySelector('label[for="' + select.id + '"]');
    return label ? label.textContent.replace(/[:：]\s*$/, "").trim() : "";
  }
  function searchedSelect(search) {
    const container = search.closest(".select2-container");
    if (container && container.previousElementSibling && container.previousElementSibling.tagName === "SELECT") {
      return container.previousElementSibling;  // a multiple choice: the field sits in the box
    }
    const open = document.querySelector(".select2-container--open");  // a dropdown's field
    return open && open.previousElementSibling;
  }
  function name(root) {
    root.querySelectorAll(".select2-search__field:not([aria-label])").forEach(function (search) {
      const label = fieldName(searchedSelect(search));
      if (label) search.setAttribute("aria-label", label);
    });
  }
  function tidy(root) {
    root.querySelectorAll(
      "ul.select2-selection__rendered > .select2-selection__clear:not([aria-hidden])"
    ).forEach(function (clear) { clear.setAttribute("aria-hidden", "true"); });
  }
  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }
  ready(function () {
    name(document);
    tidy(document);
    new MutationObserver(function () { name(document); tidy(document); })
      .observe(document.body, {childList: true, subtree: true});
  });
})();
