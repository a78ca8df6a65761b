// What an upload really is, read from its first bytes: never from its name or its declared type.
import { AppError } from '../lib/errors'

export type MediaType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/avif' | 'image/gif'

const ACCEPTED = 'JPEG, PNG, WebP, AVIF or GIF'

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length))
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte)
}

/** AVIF is an ISO-BMFF file whose `ftyp` box names `avif` (still) or `avis` (sequence). */
function isAvif(bytes: Uint8Array): boolean {
  if (ascii(bytes, 4, 4) !== 'ftyp') return false
  const boxSize =
    ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)
  const end = Math.min(boxSize, bytes.length, 256)
  const brands = [ascii(bytes, 8, 4)]
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, 4))
  return brands.includes('avif') || brands.includes('avis')
}

/** SVG and other XML start with `<` (after a byte-order mark or white space). */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
  return head.startsWith('<')
}

/** The image type of the bytes, or INVALID with a message that says what is accepted. */
export function sniffImageType(bytes: Uint8Array): MediaType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif'
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp'
  if (isAvif(bytes)) return 'image/avif'
  if (looksLikeMarkup(bytes)) {
    throw new AppError(
      'INVALID',
      `SVG and other markup are not accepted, because they can carry script. Upload a ${ACCEPTED} image.`,
    )
  }
  throw new AppError('INVALID', `This file is not a ${ACCEPTED} image, whatever its name says.`)
}

/**
 * A file name is only shown back to editors, but one with path characters is refused outright
 * rather than cleaned, so nobody wonders where `../../x.jpg` went.
 */
export function checkFileName(name: string): string {
  const trimmed = name.trim()
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[/\\\u0000-\u001f\u007f]/.test(trimmed) || trimmed === '.' || trimmed.startsWith('..')) {
    throw new AppError('INVALID', 'The file name must not contain path characters such as / or \\.')
  }
  return trimmed.slice(0, 200)
}
