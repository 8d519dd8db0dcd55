// Countdowns of a class game. The server renders the seconds left as text ("Temps restant : 20 s"), which is
// what a page without JavaScript shows; this script only makes them tick. It counts against the server's
// clock: the page carries the server's "now", so a student's wrong clock changes nothing.
"use strict";

function tickCountdowns() {
  document.querySelectorAll("[data-closes-at]").forEach(function (element) {
    if (!element.dataset.offset) {
      element.dataset.offset = String(Date.parse(element.dataset.serverNow) - Date.now());
    }
    const now = Date.now() + Number(element.dataset.offset);
    const left = Math.max(0, Math.ceil((Date.parse(element.dataset.closesAt) - now) / 1000));
    const value = element.querySelector(".countdown__value");
    if (value) value.textContent = left > 0 ? left + " s" : "terminé";
    element.classList.toggle("countdown--urgent", left > 0 && left <= 5);
  });
}

setInterval(tickCountdowns, 250);
document.addEventListener("DOMContentLoaded", tickCountdowns);
