// The teacher's review: selecting a passage of the article fills the evidence fields of the question form
// being written (start and end offsets into the article's text, and the words themselves to check them).
// Without this file the form still works: the teacher copies the passage or types the offsets.
"use strict";

(function () {
  // Offset of (node, offset) within a paragraph, counting only the article's own text: the visually hidden
  // labels of the highlights ([data-skip]) are not part of the article.
  function offsetIn(paragraph, node, offset) {
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    let total = 0;
    for (let current = walker.nextNode(); current; current = walker.nextNode()) {
      const skipped = current.parentElement && current.parentElement.closest("[data-skip]");
      if (current === node) return total + (skipped ? 0 : offset);
      if (!skipped) total += current.length;
    }
    // The boundary is an element: count the text before its offset-th child.
    return null;
  }

  function position(node, offset) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const paragraph = element && element.closest("#article-text p[data-start]");
    if (!paragraph) return null;
    if (node.nodeType !== Node.TEXT_NODE) {
      const range = document.createRange();
      range.setStart(paragraph, 0);
      range.setEnd(node, offset);
      const text = range.cloneContents();
      text.querySelectorAll("[data-skip]").forEach(function (hidden) { hidden.remove(); });
      return Number(paragraph.dataset.start) + text.textContent.length;
    }
    const inner = offsetIn(paragraph, node, offset);
    return inner === null ? null : Number(paragraph.dataset.start) + inner;
  }

  let activeForm = null;
  document.addEventListener("focusin", function (event) {
    const form = event.target.closest && event.target.closest("form[data-question-form]");
    if (form) activeForm = form;
  });

  function targetForm() {
    if (activeForm && document.body.contains(activeForm)) return activeForm;
    return document.querySelector("form[data-question-form]");
  }

  function useSelection() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const start = position(range.startContainer, range.startOffset);
    const end = position(range.endContainer, range.endOffset);
    const form = targetForm();
    if (start === null || end === null || end <= start || !form) return;
    const text = selection.toString().replace(/\s+/g, " ").trim();
    form.querySelector("[data-evidence-start]").value = start;
    form.querySelector("[data-evidence-end]").value = end;
    const field = form.querySelector("[data-evidence-text]");
    field.value = text;
    field.classList.add("is-filled");
  }

  document.addEventListener("mouseup", function (event) {
    if (event.target.closest && event.target.closest("#article-text")) useSelection();
  });
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey && event.target.closest && event.target.closest("#article-text")) useSelection();
  });

  // Typing the passage by hand: the offsets no longer describe it, the server will locate the words.
  document.addEventListener("input", function (event) {
    if (!event.target.matches || !event.target.matches("[data-evidence-text]")) return;
    const form = event.target.closest("form");
    form.querySelector("[data-evidence-start]").value = "";
    form.querySelector("[data-evidence-end]").value = "";
  });
})();
