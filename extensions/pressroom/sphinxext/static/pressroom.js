/* Pressroom: keep a mention's description (the tooltip pressroom.css draws under a link)
   inside the window. The tooltip starts at the link's left edge; a link near the right
   edge (on a phone, most of them) would push it out of sight, so it is moved left by as
   much as it needs: its widest (22rem, or 80% of the window) must fit. */
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
  }
  document.addEventListener("mouseover", place);
  document.addEventListener("focusin", place);
})();
