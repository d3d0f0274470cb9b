// GOV.UK Frontend's page template does this in an inline script; the console's CSP forbids inline
// script, so it is this file, loaded first thing in <body>. It marks the page as having JavaScript
// (and a browser that GOV.UK Frontend's modules support) before anything is drawn.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
