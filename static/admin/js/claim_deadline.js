/* The claim form: show the deadline the quote gives, as the editor types.
   Saving reads it again on the server; this only previews it. */
"use strict";
(function () {
  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }
  ready(function () {
    const quote = document.getElementById("id_quote");
    const article = document.getElementById("id_article");
    const deadline = document.getElementById("id_deadline");
    const overridden = document.getElementById("id_deadline_overridden");
    if (!quote || !article || !deadline) return;
    const url = new URL(window.location.pathname.split("/claim/")[0] + "/claim/deadline-preview/",
                        window.location.origin);
    const note = document.createElement("p");
    note.className = "help";
    note.id = "deadline-preview";
    note.setAttribute("aria-live", "polite");
    deadline.closest(".form-row, .fieldBox, div").appendChild(note);
    let timer = null;

    async function preview() {
      url.search = new URLSearchParams({ quote: quote.value, article: article.value }).toString();
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) return;
      const data = await response.json();
      if (!data.found) { note.textContent = data.message; return; }
      note.textContent = "From the quote: " + data.explanation + (data.approximate ? " (approximate)" : "");
      if (!(overridden && overridden.checked)) deadline.value = data.deadline || "";
    }
    function later() { clearTimeout(timer); timer = setTimeout(preview, 400); }
    quote.addEventListener("input", later);
    article.addEventListener("change", later);
    if (window.django && window.django.jQuery) window.django.jQuery(article).on("change", later);
    if (quote.value && article.value) preview();
  });
})();
