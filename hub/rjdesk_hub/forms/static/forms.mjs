// The referral forms' small progressive enhancement (every page works without it): GOV.UK
// Frontend's components, and "Leave this site quickly", which replaces this page's history
// entry (location.replace) so Back does not return to the form. GOV.UK's own Exit this page
// script is not started: it adds a history entry. Pressing Shift three times leaves too.
import {
  Button,
  CharacterCount,
  Checkboxes,
  ErrorSummary,
  Radios,
  SkipLink,
  createAll,
} from "./govuk-frontend.min.js";

for (const Component of [Button, CharacterCount, Checkboxes, ErrorSummary, Radios, SkipLink]) {
  createAll(Component);
}

const exitButton = document.querySelector(".govuk-js-exit-this-page-button");

function leave() {
  document.body.classList.add("govuk-exit-this-page-hide-content");
  window.location.replace(exitButton.href);
}

if (exitButton) {
  exitButton.addEventListener("click", (event) => {
    event.preventDefault();
    leave();
  });
  let presses = [];
  document.addEventListener("keyup", (event) => {
    if (event.key !== "Shift") {
      presses = [];
      return;
    }
    const now = Date.now();
    presses = presses.filter((at) => now - at < 5000);
    presses.push(now);
    if (presses.length >= 3) {
      leave();
    }
  });
}
