// The adviser's call screen (webapp/templates/adviser/call.html), improved with JavaScript:
// live search as a combobox (type, arrows to move, Enter to add, Escape to close), the decision
// updated in place after every change (a wrong answer moves the focus to the error summary), a
// key to come back to the search (/), and a Copy button for the call summary.
// Without this file the same form works by plain POSTs; every answer is saved on the server.

const form = document.getElementById('app-call-form')
if (form) callScreen(form)

function callScreen (form) {
  const input = form.querySelector('#q')
  const list = document.getElementById('app-search-options')
  const count = document.getElementById('app-search-count')
  const none = document.getElementById('app-search-none')
  const note = document.getElementById('app-search-note') // what the search says beside its rows (a child in care)
  const status = document.getElementById('app-status')
  const years = form.querySelector('#age_years')
  const months = form.querySelector('#age_months')
  const unborn = form.querySelector('#unborn')
  const parts = {
    errors: document.getElementById('app-errors'),
    put_through: document.getElementById('app-put-through'),
    chosen: document.getElementById('app-chosen'),
    decision: document.getElementById('app-decision'),
    route_bar: document.getElementById('app-route-bar')
  }
  let errorsShown = errorKey([...document.querySelectorAll('#app-errors .govuk-error-summary__list a')].map((a) => a.textContent))
  let hits = []
  let active = -1
  let searchSeq = 0
  let searchAbort = null
  let queue = Promise.resolve()
  let updateQueued = false
  let changes = 0 // every change to the answers; a reply to an older state is not shown

  // --- the search box becomes a combobox (ARIA 1.2, list autocomplete, first option preselected)
  input.setAttribute('role', 'combobox')
  input.setAttribute('aria-autocomplete', 'list')
  input.setAttribute('aria-expanded', 'false')
  input.setAttribute('aria-controls', list.id)
  document.getElementById('q-hint').textContent =
    'What the caller says, like ‘bruises’ or ‘not at school’. Results appear as you type: ' +
    'up and down arrows to move, Enter to add the highlighted concern, Escape to close. ' +
    'From anywhere on this screen, press / to come back here.'

  function noJsResults () {
    const old = document.getElementById('app-results')
    if (old) old.remove()
  }

  async function runSearch () {
    const q = input.value
    const seq = ++searchSeq
    if (searchAbort) searchAbort.abort()
    if (!q.trim()) {
      close()
      showNone('')
      showNote('')
      return
    }
    searchAbort = new AbortController()
    // a POST, so what the caller said never appears in an address or an access log
    const body = new FormData()
    for (const name of ['csrf_token', 'q', 'age_years', 'age_months']) body.set(name, form.elements[name].value)
    if (unborn.checked) body.set('unborn', 'yes')
    let data
    try {
      const response = await fetch(form.dataset.searchUrl, {
        method: 'POST', body, signal: searchAbort.signal, headers: { Accept: 'application/json' }, credentials: 'same-origin'
      })
      data = await response.json()
    } catch (err) {
      if (err.name === 'AbortError') return
      count.textContent = 'Search is not working: press the Search button.'
      return
    }
    if (seq !== searchSeq) return
    noJsResults()
    show(data.hits)
    showNote(data.note)
    // words refused: said alone, never searched cut short; an age refused: said before the rows, which are for any age
    if (data.error) count.textContent = data.hits.length ? `${data.error} ${count.textContent}` : data.error
    performance.mark('app-search-rendered')
  }

  function option (hit, index) {
    const li = document.createElement('li')
    li.id = `app-option-${index}`
    li.className = 'app-search__option'
    li.setAttribute('role', 'option')
    li.setAttribute('aria-selected', 'false')
    li.dataset.id = hit.id
    li.append(hit.text + ' ')
    const tag = document.createElement('strong')
    tag.className = 'govuk-tag govuk-tag--grey app-level-tag'
    tag.textContent = hit.immediate ? 'Immediate' : hit.level_label
    li.append(tag)
    if (hit.twin_of) { // the best match's twin at another level: the same words as the page's twin note
      li.classList.add('app-search__option--twin')
      const note = document.createElement('span')
      note.className = 'app-twin govuk-body-s'
      note.textContent = 'Twin of the first result, at another level.' +
        (hit.tells_apart ? ` What tells them apart: ${hit.tells_apart}` : '')
      li.append(document.createElement('br'), note)
    }
    li.addEventListener('mousedown', (event) => event.preventDefault()) // keep focus in the box
    li.addEventListener('click', () => add(hit.id))
    return li
  }

  function show (newHits) {
    hits = newHits
    list.replaceChildren(...hits.map(option))
    list.hidden = hits.length === 0
    input.setAttribute('aria-expanded', String(hits.length > 0))
    input.removeAttribute('aria-activedescendant')
    select(hits.length ? 0 : -1, false)
    count.textContent = hits.length
      ? `${hits.length} ${hits.length === 1 ? 'concern' : 'concerns'} found. First: ${hits[0].text}. Enter adds it.`
      : 'No concerns found. Try other words.'
    showNone(hits.length ? '' : input.value)
  }

  function showNote (text) {
    if (!note) return
    note.textContent = text || ''
    note.hidden = !text
  }

  function showNone (q) { // "No concerns found" on the screen, not only for a screen reader
    none.textContent = q ? `No concerns found for ‘${q.trim()}’. Try other words, or fewer.` : ''
    none.hidden = !q
  }

  function select (index, announce = true) {
    active = index
    list.querySelectorAll('[role="option"]').forEach((li, i) => li.setAttribute('aria-selected', String(i === index)))
    if (index >= 0 && announce) {
      const li = list.children[index]
      input.setAttribute('aria-activedescendant', li.id)
      li.scrollIntoView({ block: 'nearest' })
    }
  }

  function close () {
    hits = []
    active = -1
    list.replaceChildren()
    list.hidden = true
    input.setAttribute('aria-expanded', 'false')
    input.removeAttribute('aria-activedescendant')
  }

  function add (id) {
    input.value = ''
    close()
    showNone('')
    noJsResults()
    input.focus()
    const question = form.querySelector(`input[name="immediate"][value="${CSS.escape(id)}"]`)
    if (question) { // an immediate concern found by search ticks its question
      question.checked = true
      send()
    } else {
      send({ add: id })
    }
  }

  input.addEventListener('input', runSearch)
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && hits.length) {
      event.preventDefault()
      select(Math.min(active + 1, hits.length - 1))
    } else if (event.key === 'ArrowUp' && hits.length) {
      event.preventDefault()
      select(Math.max(active - 1, 0))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      if (hits.length && active >= 0) add(hits[active].id)
      else runSearch()
    } else if (event.key === 'Escape') {
      if (hits.length) close()
      else input.value = ''
    }
  })
  input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== input) close() }, 150))
  input.addEventListener('focus', () => { if (input.value.trim() && !hits.length) runSearch() })

  // --- every change saves the answers and brings back the decision for them
  function send (extra = {}) {
    changes++
    const plain = Object.keys(extra).length === 0
    if (plain && updateQueued) return queue // one plain update already waits: it will read the latest fields
    if (plain) updateQueued = true
    queue = queue.then(() => post(extra, plain)).catch((error) => {
      // never leave an old decision on show as if it were current; a body over the limit says which field
      const message = error.tooLarge
        ? `${error.tooLarge} Shorten it: the decision shown is for the call as last saved.`
        : 'The decision shown may be out of date: press ‘Update the decision’.'
      const warning = document.createElement('p')
      warning.className = 'govuk-error-message'
      warning.textContent = message
      parts.errors.replaceChildren(warning)
      status.textContent = message
    })
    return queue
  }

  async function post (extra, plain) {
    if (plain) updateQueued = false
    const seen = changes
    const body = new FormData(form)
    for (const [key, value] of Object.entries(extra)) body.set(key, value)
    const response = await fetch(form.getAttribute('action'), {
      method: 'POST', body, credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch', Accept: 'application/json' }
    })
    if (response.status === 413) {
      const error = new Error('status 413')
      error.tooLarge = (await response.json().catch(() => ({}))).too_large
      throw error
    }
    if (!response.ok) throw new Error(`status ${response.status}`)
    const data = await response.json()
    if (data.conflict) { // another tab or window changed this call: show it as it stands
      window.location.reload()
      return
    }
    form.elements.rev.value = data.rev
    if (seen === changes) render(data) // else a newer change is queued and its reply will be shown
  }

  function render (data) {
    const focused = document.activeElement
    const summaryHadFocus = focused && focused.matches('.govuk-error-summary')
    const removeIndex = parts.chosen.contains(focused) ? [...parts.chosen.querySelectorAll('[data-app-remove]')].indexOf(focused) : -1
    const kept = keptPlace(focused, data.parts)
    for (const [name, html] of Object.entries(data.parts)) parts[name].innerHTML = html
    if (kept) backToPlace(kept)
    inlineErrors(data.errors)
    document.title = (data.errors.length ? 'Error: ' : '') + document.title.replace(/^Error: /, '')
    showCopy()
    const key = errorKey(data.errors.map((e) => e.message))
    const summary = parts.errors.querySelector('.govuk-error-summary')
    if (summary && summaryHadFocus) summary.focus({ preventScroll: true }) // the same summary, redrawn
    if (summary && key !== errorsShown) { // as GOV.UK's pattern: a new problem takes the focus to the summary
      summary.focus()
      summary.scrollIntoView({ block: 'start' })
    }
    errorsShown = key
    if (removeIndex >= 0) { // focus stays in the list after a removal, else goes back to the search box
      const buttons = parts.chosen.querySelectorAll('[data-app-remove]')
      const next = buttons[Math.min(removeIndex, buttons.length - 1)]
      if (next) next.focus()
      else input.focus()
    }
    status.textContent = data.status
    performance.mark('app-decision-rendered')
  }

  // A focused link or button in a part about to be redrawn would be replaced, leaving the focus on the
  // page's body and a keyboard user's next Tab at the top of the page: keep its place (which part, the how
  // manyth focusable in it) and put the focus back there in the redrawn part.
  const FOCUSABLE = 'a[href], button:not([disabled]), input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])'
  function keptPlace (focused, redrawn) {
    if (!focused || focused === document.body) return null
    for (const name of Object.keys(redrawn)) {
      if (name === 'chosen' || name === 'errors' || !parts[name].contains(focused)) continue // handled below
      return { name, index: [...parts[name].querySelectorAll(FOCUSABLE)].indexOf(focused) }
    }
    return null
  }
  function backToPlace (kept) {
    const focusable = [...parts[kept.name].querySelectorAll(FOCUSABLE)]
    const again = focusable[Math.min(Math.max(kept.index, 0), focusable.length - 1)]
    if (again) again.focus({ preventScroll: true })
    else { // nothing focusable left there: the part itself, so the next Tab carries on from it
      parts[kept.name].setAttribute('tabindex', '-1')
      parts[kept.name].focus({ preventScroll: true })
    }
  }

  function inlineErrors (errors) {
    for (const old of form.querySelectorAll('[data-app-js-error]')) old.remove()
    const group = document.getElementById('app-age-group')
    const ageErrors = errors.filter((e) => e.field === 'age_years' || e.field === 'age_months')
    for (const old of group.querySelectorAll('[data-app-error]')) old.remove()
    group.classList.toggle('govuk-form-group--error', ageErrors.length > 0)
    for (const field of [years, months]) {
      field.classList.toggle('govuk-input--error', ageErrors.some((e) => e.field === field.id))
    }
    const hint = document.getElementById('age-hint')
    let describedBy = 'age-hint'
    for (const e of ageErrors.slice(0, 1)) {
      const p = document.createElement('p')
      p.className = 'govuk-error-message'
      p.id = `${e.field}-error`
      p.dataset.appError = e.field
      const prefix = document.createElement('span')
      prefix.className = 'govuk-visually-hidden'
      prefix.textContent = 'Error:'
      p.append(prefix, ' ' + e.message)
      hint.after(p)
      describedBy += ` ${p.id}`
    }
    group.querySelector('fieldset').setAttribute('aria-describedby', describedBy)
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const button = event.submitter
    if (button && button.name === 'action' && button.value === 'search') {
      input.focus()
      runSearch()
      return
    }
    if (button && button.name === 'add') {
      add(button.value)
      return
    }
    send(button && button.name ? { [button.name]: button.value } : {})
  })
  form.addEventListener('change', (event) => {
    if (event.target === input) return
    send()
  })
  for (const field of [years, months]) {
    field.addEventListener('input', () => {
      send()
      if (input.value.trim()) runSearch()
    })
  }
  unborn.addEventListener('change', () => { if (input.value.trim()) runSearch() })
  let noteTimer = null
  form.querySelector('#note').addEventListener('input', () => {
    clearTimeout(noteTimer)
    noteTimer = setTimeout(send, 400)
  })
  // Delete or Backspace on a focused Remove button removes that concern
  parts.chosen.addEventListener('keydown', (event) => {
    if ((event.key === 'Delete' || event.key === 'Backspace') && event.target.matches('[data-app-remove]')) {
      event.preventDefault()
      event.target.click()
    }
  })

  // --- "/" from anywhere on the screen (not while typing in a field) comes back to the search
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
    const target = event.target
    if (target.closest && target.closest('input[type="text"], textarea, select, [contenteditable]')) return
    event.preventDefault()
    input.focus()
    input.select()
  })

  // --- "New call" first saves what is on the screen (a note still being typed), so Undo brings it all back
  const newCall = document.getElementById('app-new-call')
  if (newCall) {
    newCall.form.addEventListener('submit', (event) => {
      event.preventDefault()
      clearTimeout(noteTimer)
      send().finally(() => newCall.form.submit())
    }, { once: true })
  }

  // --- copy the call summary
  function showCopy () {
    const button = document.getElementById('app-copy')
    if (button) button.hidden = false
  }
  parts.decision.addEventListener('click', async (event) => {
    if (!event.target.closest('#app-copy')) return
    const summary = document.getElementById('app-summary')
    const copied = document.getElementById('app-copy-status')
    try {
      await navigator.clipboard.writeText(summary.value)
    } catch {
      summary.select()
      document.execCommand('copy')
    }
    copied.textContent = 'Copied.'
  })
  showCopy()
}

function errorKey (messages) {
  return messages.join('\n')
}
