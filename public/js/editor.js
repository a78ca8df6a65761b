// Newsroom enhancements: the CSRF header on htmx requests, confirmations, select-all and copy.
// Every newsroom page works without this script; forms carry their own CSRF field.
;(() => {
  // htmx 4 has no inherited hx-headers for this, so the session's token goes on every request here.
  document.addEventListener('htmx:config:request', (event) => {
    const token = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content')
    if (token) event.detail.ctx.request.headers['X-CSRF-Token'] = token
  })

  // Destructive buttons carry data-confirm; asking in the capture phase stops htmx seeing a no.
  document.addEventListener(
    'submit',
    (event) => {
      const message = event.submitter?.dataset?.confirm
      if (message && !window.confirm(message)) {
        event.preventDefault()
        event.stopImmediatePropagation()
      }
    },
    true,
  )

  document.addEventListener('change', (event) => {
    const all = event.target.closest?.('input[data-select-all]')
    if (!all) return
    const form = all.closest('form')
    for (const box of form.querySelectorAll(`input[name="${all.dataset.selectAll}"]`)) {
      box.checked = all.checked
    }
  })

  document.addEventListener('click', (event) => {
    const button = event.target.closest?.('button[data-copy]')
    if (!button) return
    const text = document.getElementById(button.dataset.copy)?.textContent ?? ''
    navigator.clipboard?.writeText(text).then(
      () => {
        button.textContent = 'Copied'
      },
      () => {
        button.textContent = 'Select and copy it by hand'
      },
    )
  })

  // The live desk is built for speed: Ctrl-Enter (or Cmd-Enter) posts the update being typed.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
    const field = event.target.closest?.('textarea[data-submit-shortcut]')
    if (!field?.form) return
    event.preventDefault()
    field.form.requestSubmit()
  })

  // After a post the desk is swapped whole; the writer goes on typing in the fresh field.
  document.addEventListener('htmx:after:swap', () => {
    const field = document.querySelector('#live-desk textarea#live-body')
    if (field && !document.activeElement?.closest?.('#live-desk')) field.focus()
  })

  // Controls that only work with script stay hidden until it runs, here and in swapped content.
  function reveal() {
    for (const element of document.querySelectorAll('.select-all[hidden], button[data-copy][hidden]')) {
      element.hidden = false
    }
  }
  reveal()
  document.addEventListener('htmx:after:swap', (event) => {
    reveal()
    // An error lands in the alert region at the top; bring it into view from the form's buttons.
    const target = event.detail?.ctx?.target
    if (target?.id === 'editor-alert') target.scrollIntoView({ block: 'nearest' })
  })
})()
