// kbcompile's single-file HTML page: search, theme toggle, table-of-contents toggle and position
// tracking, shared images. Nothing here loads anything; the page reads fine without it.
(function () {
  "use strict";
  var root = document.documentElement;
  var body = document.body;

  // Images shown more than once are stored once; the copies take the first one's bytes.
  document.querySelectorAll("img[data-copy-of]").forEach(function (img) {
    var first = document.getElementById(img.getAttribute("data-copy-of"));
    if (first) img.src = first.src;
  });

  // Theme: the reader's choice is remembered; otherwise the system's.
  var themeButton = document.getElementById("kb-theme-toggle");
  try {
    var saved = localStorage.getItem("kb-theme");
    if (saved === "dark" || saved === "light") root.setAttribute("data-theme", saved);
  } catch (e) { /* storage may be off for files */ }
  var params = new URLSearchParams(location.search);
  if (params.get("theme") === "dark" || params.get("theme") === "light") root.setAttribute("data-theme", params.get("theme"));
  themeButton.hidden = false;
  themeButton.addEventListener("click", function () {
    var dark = root.getAttribute("data-theme") === "dark" ||
      (!root.hasAttribute("data-theme") && matchMedia("(prefers-color-scheme: dark)").matches);
    var next = dark ? "light" : "dark";
    root.setAttribute("data-theme", next);
    try { localStorage.setItem("kb-theme", next); } catch (e) { /* ignore */ }
  });

  // The table of contents: collapsible, and it follows the reading position.
  var tocButton = document.getElementById("kb-toc-toggle");
  var narrow = matchMedia("(max-width: 52rem)");
  tocButton.hidden = false;
  function sidebarShown() { return narrow.matches ? body.classList.contains("kb-sidebar-open") : !body.classList.contains("kb-sidebar-hidden"); }
  function updateTocButton() { tocButton.setAttribute("aria-expanded", String(sidebarShown())); }
  tocButton.addEventListener("click", function () {
    body.classList.toggle(narrow.matches ? "kb-sidebar-open" : "kb-sidebar-hidden");
    updateTocButton();
  });
  document.getElementById("kb-sidebar").addEventListener("click", function (event) {
    if (event.target.closest("a") && narrow.matches) { body.classList.remove("kb-sidebar-open"); updateTocButton(); }
  });
  updateTocButton();
  var tocLinks = {};
  document.querySelectorAll("#kb-sidebar a[href^='#']").forEach(function (a) { tocLinks[decodeURIComponent(a.getAttribute("href").slice(1))] = a; });
  var current = null;
  if ("IntersectionObserver" in window) {
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        var id = entry.target.id || (entry.target.closest("article") || {}).id;
        var link = tocLinks[id];
        if (!link) return;
        if (current) current.classList.remove("kb-current");
        current = link;
        link.classList.add("kb-current");
        if (link.scrollIntoView && !narrow.matches) link.scrollIntoView({ block: "nearest" });
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    document.querySelectorAll("main h1[id], main h2[id], main h3[id], main article > h1").forEach(function (h) { observer.observe(h); });
  }

  // Search: the index was built when the book was compiled; queries are split the same way
  // (CJK bigrams, lower-cased words) and every term must match.
  var index = JSON.parse(document.getElementById("kb-search-index").textContent);
  var form = document.getElementById("kb-search");
  var input = document.getElementById("kb-search-input");
  var results = document.getElementById("kb-search-results");
  form.hidden = false;

  function isCJK(code) {
    return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x2fa1f);
  }
  function terms(text) {
    var out = [], run = [], word = "";
    function endRun() {
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
    }
    function endWord() { if (word) out.push(word); word = ""; }
    for (var ch of text) {
      var code = ch.codePointAt(0);
      if (isCJK(code)) { endWord(); run.push(ch); }
      else if (/[\p{L}\p{N}]/u.test(ch)) { endRun(); word += ch.toLowerCase(); }
      else { endRun(); endWord(); }
    }
    endRun(); endWord();
    return out;
  }
  // A term's postings are base64 of their bytes, seven bits a byte, low bits first, the high
  // bit set on every byte of a number but its last.
  function decodePostings(base64) {
    var bytes = atob(base64), postings = [], value = 0, shift = 0;
    for (var i = 0; i < bytes.length; i++) {
      var byte = bytes.charCodeAt(i);
      value += (byte & 0x7f) * Math.pow(2, shift);
      if (byte < 0x80) { postings.push(value); value = 0; shift = 0; } else { shift += 7; }
    }
    return postings;
  }
  function search(query) {
    var wanted = Array.from(new Set(terms(query)));
    if (!wanted.length) return [];
    var scores = null;
    var total = index.docs.length;
    wanted.forEach(function (term) {
      var postings = decodePostings(index.terms[term] || "");
      var idf = Math.log(1 + total / (postings.length || 1));
      var next = new Map();
      var doc = 0;
      for (var i = 0; i < postings.length; i++) {
        // Each posting is (document − previous document) × 8 + min(count, 7).
        doc += Math.floor(postings[i] / 8);
        if (scores && !scores.has(doc)) continue;
        next.set(doc, (scores ? scores.get(doc) : 0) + (postings[i] % 8) * idf);
      }
      scores = next;
    });
    var needle = query.trim().toLowerCase();
    return Array.from(scores.entries()).map(function (entry) {
      var doc = index.docs[entry[0]];
      var bonus = doc[0].toLowerCase().indexOf(needle) >= 0 ? 5 : 0;
      return { doc: doc, score: entry[1] + bonus };
    }).sort(function (a, b) { return b.score - a.score; }).slice(0, 20);
  }
  // The text of a result's section, read from the page: from its heading (or the article's
  // start) to the next heading of level 2 or 3.
  function sectionText(href) {
    var element = document.getElementById(decodeURIComponent(href.slice(1)));
    if (!element) return "";
    var node = element.tagName === "ARTICLE" ? element.firstElementChild : element.nextElementSibling;
    var text = "";
    while (node && !/^H[23]$/.test(node.tagName) && text.length < 4000) {
      text += shownText(node) + " ";
      node = node.nextElementSibling;
    }
    return text;
  }
  // An element's text as the reader sees it: a formula's MathML keeps its TeX source in an
  // <annotation>, which is not shown.
  function shownText(node) {
    if (!node.querySelector("annotation")) return node.textContent;
    var copy = node.cloneNode(true);
    copy.querySelectorAll("annotation").forEach(function (annotation) { annotation.remove(); });
    return copy.textContent;
  }
  function snippet(text, query) {
    var lower = text.toLowerCase(), needle = query.trim().toLowerCase();
    var at = lower.indexOf(needle);
    if (at < 0) { var first = terms(query)[0] || ""; at = lower.indexOf(first); needle = first; }
    var span = document.createElement("span");
    span.className = "kb-result-snippet";
    if (at < 0) { span.textContent = text.slice(0, 80); return span; }
    var start = Math.max(0, at - 30), end = Math.min(text.length, at + needle.length + 60);
    span.append((start > 0 ? "…" : "") + text.slice(start, at).replace(/\s+/g, " "));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + needle.length);
    span.append(mark, text.slice(at + needle.length, end).replace(/\s+/g, " ") + (end < text.length ? "…" : ""));
    return span;
  }
  function show(query) {
    results.textContent = "";
    if (!query.trim()) { results.hidden = true; return; }
    var found = search(query);
    if (!found.length) {
      var empty = document.createElement("div");
      empty.className = "kb-empty";
      empty.textContent = root.lang.indexOf("zh") === 0 ? "没有找到结果" : "No results";
      results.append(empty);
    }
    found.forEach(function (result) {
      var a = document.createElement("a");
      a.href = result.doc[1];
      a.className = "kb-result";
      var title = document.createElement("span");
      title.className = "kb-result-title";
      title.textContent = result.doc[0];
      a.append(title, document.createElement("br"), snippet(sectionText(result.doc[1]), query));
      a.addEventListener("click", function () { results.hidden = true; });
      results.append(a);
    });
    results.hidden = false;
  }
  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = results.querySelector("a");
    if (first) { location.hash = first.getAttribute("href"); results.hidden = true; }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input) { event.preventDefault(); input.focus(); input.select(); }
    if (event.key === "Escape") { results.hidden = true; input.blur(); }
  });
  if (params.get("q")) { input.value = params.get("q"); show(input.value); }
})();
