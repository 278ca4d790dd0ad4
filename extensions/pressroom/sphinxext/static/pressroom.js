/* Pressroom: keep a mention's description (the tooltip pressroom.css draws under a link)
   inside the window. The tooltip starts at the link's left edge; a link near the right
   edge (on a phone, most of them) would push it out of sight, so it is moved left by as
   much as it needs: its widest (22rem, or 80% of the window) must fit. Escape hides the
   tooltip of the link hovered or focused until the pointer or the focus comes to a link
   again (content shown on hover or focus must be dismissable: WCAG 1.4.13). */
(function () {
  "use strict";
  var MARGIN = 8;
  function place(event) {
    var target = event.target;
    var link = target && target.closest ? target.closest("a.pressroom-ref") : null;
    if (!link) {
      return;
    }
    var box = link.getClientRects()[0] || link.getBoundingClientRect();
    var rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    var viewport = document.documentElement.clientWidth;
    var widest = Math.min(22 * rem, 0.8 * window.innerWidth);
    var room = viewport - MARGIN - box.left;
    var shift = room >= widest ? 0 : Math.max(room - widest, MARGIN - box.left);
    link.style.setProperty("--pressroom-tip-shift", shift + "px");
    link.classList.remove("pressroom-tip-hidden");
  }
  function dismiss(event) {
    if (event.key !== "Escape") {
      return;
    }
    document.querySelectorAll("a.pressroom-ref:hover, a.pressroom-ref:focus-visible")
      .forEach(function (link) { link.classList.add("pressroom-tip-hidden"); });
  }
  document.addEventListener("mouseover", place);
  document.addEventListener("focusin", place);
  document.addEventListener("keydown", dismiss);
})();

/* Pressroom: a search result's excerpt comes from what the page says, not from its
   navigation and panel. Sphinx's search (searchtools.js, on the search page) shows the
   text around the first place a searched word appears in the page's main part; on a
   release that place was the panel listing the entries it mentions ("People: Ai
   Weiwei, Brian Dooley, ...") or the notice of its problems, and on an entry its
   breadcrumbs, never the sentence. The breadcrumbs, the panel and the notice (the
   build's words, not the release's) are left out of the text the excerpt is cut from
   (the release's date, publisher and entries are in the result's title and page). Without
   Sphinx's search on the page, or with a version of it that names its steps
   differently, nothing changes. An excerpt and a result's title take the direction of
   their first letters (dir="auto"): those of a release in Arabic or Hebrew read right to
   left. */
(function () {
  "use strict";
  /* global Search */
  if (typeof Search === "undefined" || typeof Search.htmlToText !== "function") {
    return;
  }
  var LEFT_OUT = ".pressroom-breadcrumbs, .pressroom-meta, .pressroom-problems";
  var htmlToText = Search.htmlToText;
  Search.htmlToText = function (htmlString, anchor) {
    var page = new DOMParser().parseFromString(htmlString, "text/html");
    var parts = page.querySelectorAll(LEFT_OUT);
    if (!parts.length) {
      return htmlToText.call(this, htmlString, anchor);
    }
    parts.forEach(function (el) { el.remove(); });
    return htmlToText.call(this, page.documentElement.outerHTML, anchor);
  };
  /* a result's title takes the direction of its first letters too: a release titled in
     Arabic or Hebrew reads right to left in a list of English ones. Sphinx adds each
     result to its list (Search.output) as it is found. */
  if (typeof MutationObserver === "function") {
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          var link = node.nodeType === 1 && node.matches("ul.search > li")
            ? node.querySelector("a") : null;
          if (link) {
            link.setAttribute("dir", "auto");
          }
        });
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
  var makeSearchSummary = Search.makeSearchSummary;
  if (typeof makeSearchSummary === "function") {
    Search.makeSearchSummary = function () {
      var summary = makeSearchSummary.apply(this, arguments);
      if (summary && summary.setAttribute) {
        summary.setAttribute("dir", "auto");
      }
      return summary;
    };
  }
})();

/* Pressroom: a printed page holds what is folded on screen (an entry's "N more sentences
   mentioning it", any other <details>): each one closed is opened before printing and
   closed again after it, as the reader left it. pressroom.css shows their content in
   print too, where a browser styles it (::details-content), for a print without this. */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
