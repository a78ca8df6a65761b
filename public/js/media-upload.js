// Media uploads in the newsroom: drag and drop, and a progress bar. htmx 4 sends requests with fetch,
// which reports no upload progress, so forms marked data-upload-progress send through
// XMLHttpRequest instead; htmx still swaps the answer. Without this script the forms post as usual.
;(() => {
  if (window.bulletinMediaUpload) return
  window.bulletinMediaUpload = true

  const progressFor = (form) =>
    document.querySelector(`[data-drop-zone]:has(input[form="${form.id}"]) progress`) ??
    form.querySelector('progress')

  function headersOf(xhr) {
    const headers = new Headers()
    for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
      const at = line.indexOf(':')
      if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim())
    }
    return headers
  }

  function sendWithProgress(bar) {
    return (url, init) =>
      new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest()
        xhr.open(init.method ?? 'POST', url)
        for (const [name, value] of new Headers(init.headers)) xhr.setRequestHeader(name, value)
        xhr.upload.addEventListener('progress', (event) => {
          if (!bar || !event.lengthComputable) return
          bar.hidden = false
          bar.max = event.total
          bar.value = event.loaded
        })
        xhr.addEventListener('load', () => {
          resolve(new Response(xhr.responseText, { status: xhr.status, headers: headersOf(xhr) }))
        })
        xhr.addEventListener('error', () => reject(new TypeError('The upload failed.')))
        init.signal?.addEventListener('abort', () => xhr.abort())
        xhr.send(init.body)
      })
  }

  document.addEventListener('htmx:config:request', (event) => {
    const form = event.detail.ctx.sourceElement?.closest?.('form[data-upload-progress]')
    if (!form) return
    const bar = progressFor(form)
    if (bar) {
      bar.hidden = false
      bar.value = 0
    }
    event.detail.ctx.fetch = sendWithProgress(bar)
  })

  // The answer to an upload from the article form says which fields to fill in.
  document.addEventListener('htmx:after:swap', () => {
    const result = document.querySelector('#hero-upload-status [data-fill]')
    const form = document.querySelector('input[name="image_url"]')?.form
    if (!result || !form) return
    for (const [name, value] of Object.entries(JSON.parse(result.dataset.fill))) {
      const field = form.elements.namedItem(name)
      if (field && !(name === 'image_alt' && field.value)) field.value = value
    }
    delete result.dataset.fill
  })

  const zoneOf = (event) => event.target.closest?.('[data-drop-zone]')
  const fileInputOf = (zone) => zone.querySelector('input[type="file"]')

  function submit(input) {
    if (input.files?.length) input.form?.requestSubmit()
  }

  document.addEventListener('dragover', (event) => {
    const zone = zoneOf(event)
    if (!zone) return
    event.preventDefault()
    zone.classList.add('is-dragging')
  })
  document.addEventListener('dragleave', (event) => zoneOf(event)?.classList.remove('is-dragging'))
  document.addEventListener('drop', (event) => {
    const zone = zoneOf(event)
    if (!zone || !event.dataTransfer?.files.length) return
    event.preventDefault()
    zone.classList.remove('is-dragging')
    const input = fileInputOf(zone)
    input.files = event.dataTransfer.files
    submit(input)
  })
  document.addEventListener('change', (event) => {
    const input = event.target.closest?.('input[type="file"]')
    if (input && zoneOf(event)) submit(input)
  })
})()
