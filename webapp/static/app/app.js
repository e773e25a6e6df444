// GOV.UK Frontend's behaviours (exclusive "None of these", error summary focus, navigation).
// Every page works without this file: it only improves pages where JavaScript runs.
import { initAll } from '/static/govuk/govuk-frontend.min.js'

initAll()

for (const button of document.querySelectorAll('[data-module="app-print"]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
