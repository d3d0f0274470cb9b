// The idle warning (WCAG 2.2.1): asks /session how long the signed-in session has left (which
// does not count as activity), and two minutes before the idle timeout shows the notice the
// layout holds hidden (templates/_idle_warning.html), moving focus to it. "Stay signed in" posts
// its form (CSRF token included) to /session/stay and hides the notice; "Sign out" is a plain
// form. When the time is up the page reloads, and the hub shows the sign-in page saying why.
// Without JavaScript none of this runs: the session simply ends.

const notice = document.getElementById("rj-idle");
const left = document.getElementById("rj-idle-left");
const stay = document.getElementById("rj-idle-stay");
let timer = 0;
let focusedBefore = null;

function wait(seconds) {
  window.clearTimeout(timer);
  timer = window.setTimeout(check, Math.max(1, seconds) * 1000);
}

function describe(seconds) {
  if (seconds >= 90) {
    return `${Math.round(seconds / 60)} minutes`;
  }
  if (seconds > 60) {
    return "about a minute";
  }
  return seconds === 1 ? "1 second" : `${seconds} seconds`;
}

function show(seconds) {
  left.textContent = describe(seconds);
  if (notice.hidden) {
    focusedBefore = document.activeElement;
    notice.hidden = false;
    notice.focus();
  }
}

function hide() {
  if (!notice.hidden) {
    notice.hidden = true;
    if (focusedBefore instanceof HTMLElement) {
      focusedBefore.focus();
    }
  }
}

function follow(time) {
  if (!time.signed_in || time.seconds_left <= 0) {
    window.location.reload();
    return;
  }
  if (time.seconds_left <= time.warn_before_seconds) {
    show(time.seconds_left);
    wait(Math.min(time.seconds_left, 30));
  } else {
    hide();
    wait(time.seconds_left - time.warn_before_seconds);
  }
}

async function check() {
  try {
    const answer = await fetch("/session", {
      headers: { accept: "application/json" },
      cache: "no-store",
      credentials: "same-origin",
    });
    follow(await answer.json());
  } catch {
    wait(30); // the hub did not answer: ask again later
  }
}

async function stayed(event) {
  event.preventDefault();
  try {
    const answer = await fetch(stay.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(stay)),
      headers: { accept: "application/json" },
      credentials: "same-origin",
    });
    const type = answer.headers.get("content-type") || "";
    if (!answer.ok || !type.startsWith("application/json")) {
      window.location.reload();
      return;
    }
    follow(await answer.json());
  } catch {
    stay.submit(); // the form works on its own
  }
}

if (notice && left && stay) {
  stay.addEventListener("submit", stayed);
  check();
}
