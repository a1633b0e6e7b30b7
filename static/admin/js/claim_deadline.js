/* The claim form: show the deadline the quote gives, as the editor types.
   Saving reads it again on the server; this only previews it. */
"use strict";
(function () {
  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }
  // A day as the date field shows it (the admin's DATE_INPUT_FORMATS), not as ISO.
  function asFieldShows(iso) {
    if (!iso || typeof window.get_format !== "function" || !Date.prototype.strftime) return iso || "";
    const [year, month, day] = iso.split("-").map(Number);
    return new Date(year, month - 1, day).strftime(window.get_format("DATE_INPUT_FORMATS")[0]);
  }
  ready(function () {
    const quote = document.getElementById("id_quote");
    const article = document.getElementById("id_article");
    const deadline = document.getElementById("id_deadline");
    const overridden = document.getElementById("id_deadline_overridden");
    if (!quote || !article || !deadline) return;
    const url = new URL(window.location.pathname.split("/claim/")[0] + "/claim/deadline-preview/",
                        window.location.origin);
    // Under the field and its help text, aligned with them.
    const note = document.createElement("div");
    note.className = "help";
    note.id = "deadline-preview";
    note.setAttribute("aria-live", "polite");
    const row = deadline.closest(".form-row");
    const help = row && row.querySelector(".help");
    if (help) help.after(note); else (row || deadline.parentNode).appendChild(note);
    let timer = null;

    async function preview() {
      url.search = new URLSearchParams({ quote: quote.value, article: article.value }).toString();
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) return;
      const data = await response.json();
      if (!data.found) { note.textContent = data.message; return; }
      const kept = overridden && overridden.checked;
      note.textContent = "From the quote: " + data.explanation +
        (data.approximate ? " (approximate)" : "") +
        (kept ? ". Not applied: the deadline is overridden." : "");
      if (!kept) deadline.value = asFieldShows(data.deadline);
    }
    function later() { clearTimeout(timer); timer = setTimeout(preview, 400); }
    quote.addEventListener("input", later);
    article.addEventListener("change", later);
    if (overridden) overridden.addEventListener("change", later);
    if (window.django && window.django.jQuery) window.django.jQuery(article).on("change", later);
    if (quote.value && article.value) preview();
  });
})();
