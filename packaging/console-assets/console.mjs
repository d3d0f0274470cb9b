// Starts GOV.UK Frontend's components on the page (the small progressive enhancement the console
// allows: every page works without it).
import { initAll } from "./govuk-frontend.min.js";

initAll();
