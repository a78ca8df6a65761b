// "Insert image" in the article form: the library picker in a dialog, inserting Markdown at the cursor.
// Without this script the link opens the picker page in a new tab, with each image's Markdown to copy.
;(() => {
  if (window.bulletinMediaPicker) return
  window.bulletinMediaPicker = true

  let dialog = null
  let textarea = null
  let selection = [0, 0]
  let opener = null

  function createDialog() {
    const element = document.createElement('dialog')
    element.className = 'media-picker-dialog'
    element.setAttribute('aria-labelledby', 'media-picker-title')
    element.innerHTML =
      '<div class="media-picker-dialog__head"><h2 id="media-picker-title">Insert an image</h2>' +
      '<button type="button" data-media-picker-close>Close</button></div>' +
      '<div data-media-picker-content aria-live="polite"><p>Loading…</p></div>'
    // Outside the article form: the picker holds forms of its own, and forms cannot nest.
    document.body.append(element)
    element.addEventListener('close', () => textarea?.focus())
    element.addEventListener('click', onClick)
    element.addEventListener('submit', onSubmit)
    return element
  }

  async function load(url, init = {}) {
    const content = dialog.querySelector('[data-media-picker-content]')
    const response = await fetch(url, { ...init, headers: { 'HX-Request': 'true' } })
    const html = await response.text()
    if (!response.ok) return html
    content.innerHTML = html
    return null
  }

  function insert(button) {
    const withCaption = dialog.querySelector('[data-media-picker-caption]')?.checked
    let text = button.dataset.insert
    if (withCaption && button.dataset.caption) text += `\n${button.dataset.caption}`
    const [start, end] = selection
    const before = textarea.value.slice(0, start)
    const after = textarea.value.slice(end)
    // An image is a paragraph of its own: blank lines around it, unless they are there already.
    const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n'
    const tail = after === '' || after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n'
    textarea.setRangeText(`${lead}${text}${tail}`, start, end, 'end')
    textarea.selectionStart = textarea.selectionEnd = start + lead.length + text.length
    textarea.dispatchEvent(new Event('input', { bubbles: true }))
    dialog.close()
  }

  function onClick(event) {
    const target = event.target
    if (target.closest('[data-media-picker-close]')) return dialog.close()
    const button = target.closest('[data-insert]')
    if (button) return insert(button)
    const link = target.closest('nav a[href]')
    if (link) {
      event.preventDefault()
      load(link.href).then(() => dialog.querySelector('#media-picker-q')?.focus())
    }
  }

  async function onSubmit(event) {
    const form = event.target
    event.preventDefault()
    if (!form.matches('[data-media-picker-upload]')) {
      await load(`${form.action}?${new URLSearchParams(new FormData(form))}`)
      dialog.querySelector('#media-picker-q')?.focus()
      return
    }
    const status = form.querySelector('[data-media-picker-status]')
    status.textContent = 'Uploading…'
    const picker = form.closest('[data-media-picker-body]')
    const response = await fetch(form.action, {
      method: 'POST',
      body: new FormData(form),
      headers: { 'HX-Request': 'true' },
    }).catch(() => null)
    if (!response?.ok) {
      const answer = response ? await response.text() : ''
      const reason = new DOMParser().parseFromString(answer, 'text/html').querySelector('.field-error')
      status.textContent = reason?.textContent ?? 'The upload failed. Try again.'
      return
    }
    // The newest image comes first: show page one, ready to insert.
    await load(picker?.querySelector('form[method="get"]')?.action ?? opener.href)
    dialog.querySelector('[data-insert]')?.focus()
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[data-media-picker]')
    if (!link) return
    event.preventDefault()
    opener = link
    textarea = document.getElementById(link.dataset.mediaPicker)
    if (!textarea) return
    selection = [textarea.selectionStart, textarea.selectionEnd]
    dialog ??= createDialog()
    dialog.showModal()
    load(link.href).then(() => dialog.querySelector('#media-picker-q')?.focus())
  })
})()
