/* The admin's autocomplete boxes (Select2) type into a search field of their own, which has no
   label: screen readers announce it as a bare "search box" (axe: critical). Each one is given
   the name of the field it searches for, in the page's language, as Select2 draws it. */
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
  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }
  ready(function () {
    name(document);
    new MutationObserver(function () { name(document); })
      .observe(document.body, {childList: true, subtree: true});
  });
})();
