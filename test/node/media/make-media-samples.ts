// Writes test/worker/media-samples.ts: small images for the Worker tests, which have no sharp.
// Run with `tsx test/node/media/make-media-samples.ts` after changing what the samples must show.
import { writeFileSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import sharp from 'sharp'
import { makePhoto } from '../../../src/cli/seed/photos'

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })

/** A real PNG whose header then claims 10000×5000: what a decompression bomb looks like to a check. */
async function bombPng(): Promise<Buffer> {
  const png = Buffer.from(await solid(16, 16).png().toBuffer())
  // IHDR's data starts at byte 16 (8 signature, 4 length, 4 type); its CRC covers type and data.
  png.writeUInt32BE(10_000, 16)
  png.writeUInt32BE(5_000, 20)
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29)
  return png
}

const samples: Record<string, Buffer> = {
  photoJpeg: await makePhoto(7, { width: 1000, height: 600, quality: 60 }),
  // 80×40 as stored, shown 40×80 once EXIF orientation 6 (rotate 90°) is applied; carries GPS.
  rotatedJpeg: await solid(80, 40)
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: { IFD0: { Make: 'SampleCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLongitudeRef: 'E' } },
    })
    .toBuffer(),
  png: await solid(40, 30).png().toBuffer(),
  webp: await solid(40, 30).webp().toBuffer(),
  avif: await solid(40, 30).avif().toBuffer(),
  gif: await solid(40, 30).gif().toBuffer(),
  bombPng: await bombPng(),
}

const lines = Object.entries(samples).map(
  ([name, bytes]) => `export const ${name} = '${bytes.toString('base64')}'`,
)
writeFileSync(
  new URL('../../worker/media-samples.ts', import.meta.url),
  `// Sample images as base64, written by test/node/media/make-media-samples.ts (Workers have no sharp).\n${lines.join('\n')}\n`,
)
