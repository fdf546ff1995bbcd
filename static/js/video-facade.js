// Click-to-play video: the page shows a local poster and a button; only when the visitor
// presses it does the browser load the player from YouTube (youtube-nocookie) or Vimeo.
(function () {
  "use strict";

  function play(facade) {
    var src = facade.getAttribute("data-video-src");
    if (!src || !/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//.test(src)) {
      return;
    }
    var frame = document.createElement("iframe");
    frame.src = src;
    frame.title = facade.getAttribute("data-video-title") || "";
    frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.className = "video-facade__frame";
    facade.replaceChildren(frame);
    facade.classList.add("is-playing");
    frame.focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".video-facade__play");
    if (button) {
      play(button.closest(".video-facade"));
    }
  });
})();
