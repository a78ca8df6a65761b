// Recognising htmx requests, which get fragments instead of whole pages.

/** htmx sends `HX-Request: true` on every request it makes. */
export function isHtmxRequest(headers: Headers): boolean {
  return headers.get('hx-request') === 'true'
}
