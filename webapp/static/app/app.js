// GOV.UK Frontend's behaviours (exclusive "None of these", error summary focus, navigation).
// Every page works without this file: it only improves pages where JavaScript runs.
// The page names GOV.UK's module by its fingerprinted URL (data-govuk-frontend), so the browser
// can keep it cached between pages instead of asking the server again (webapp/assets.py).
const script = document.querySelector('script[data-govuk-frontend]')

import(script.dataset.govukFrontend).then(({ initAll }) => initAll())

for (const button of document.querySelectorAll('[data-module="app-print"]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
