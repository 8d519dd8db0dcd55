// Loupe's few lines of JavaScript: htmx settings, focus after a swap, number keys for the choices.
// The app works without this file: every hx-* sits on a real form action or link.
"use strict";

// Our stylesheet has the indicator styles: no inline <style> (a Content-Security-Policy will forbid it).
htmx.config.includeIndicatorStyles = false;
// Error responses carry a French message; swap them (the server retargets them to the alert area).
htmx.config.responseHandling = [
  { code: "204", swap: false },
  { code: "[23]..", swap: true },
  { code: "[45]..", swap: true, error: true },
];

// After a swap, move the focus where the reader should be (the feedback, the next question), so that
// keyboard and screen-reader users follow.
document.addEventListener("htmx:afterSettle", function (event) {
  const target = event.detail.target;
  if (target && target.id === "alerts") return;  // a message: role="alert" announces it, the focus stays
  const spot = target && target.querySelector("[data-autofocus]");
  if (spot) spot.focus({ preventScroll: false });
});

// Keys 1 to 9 press the matching choice of the question on screen.
document.addEventListener("keydown", function (event) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
  const field = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
  if (field || !/^[1-9]$/.test(event.key)) return;
  const button = document.querySelector('form.choices button[data-key="' + event.key + '"]');
  if (button) {
    event.preventDefault();
    button.click();
  }
});
