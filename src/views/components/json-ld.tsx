// A JSON-LD <script> whose content can never close the script element or start markup.
import { raw } from 'hono/html'

/**
 * JSON.stringify leaves `<`, `>` and `&` as they are, so a title containing `</script>` would end
 * the element early. Escaping them as \u003c etc. keeps the JSON identical and the HTML inert.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json">{raw(serializeJsonLd(data))}</script>
}
