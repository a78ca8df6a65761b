// Demo photographs made with sharp: sky and ground gradients, shapes and grain, so they compress
// like real photos (a flat SVG would flatter every image budget).
import sharp from 'sharp'
import { mulberry32 } from './random'

export interface PhotoOptions {
  width?: number
  height?: number
  quality?: number
}

type Rgb = [number, number, number]

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
}

/** A JPEG "photo" of a skyline at some hour of the day; the same seed always gives the same bytes. */
export async function makePhoto(seed: number, options: PhotoOptions = {}): Promise<Buffer> {
  const { width = 1600, height = 900, quality = 82 } = options
  const random = mulberry32(seed)
  const hue = (): Rgb => [random() * 255, random() * 255, random() * 255]
  const [skyTop, skyLow, groundNear, groundFar] = [hue(), hue(), hue(), hue()]
  const horizon = Math.round(height * (0.45 + random() * 0.2))
  const sun = {
    x: random() * width,
    y: random() * horizon * 0.8,
    r: height * (0.05 + random() * 0.08),
  }
  const towers = Array.from({ length: 14 }, () => ({
    x: random() * width,
    w: width * (0.02 + random() * 0.06),
    h: horizon * (0.1 + random() * 0.5),
    shade: 40 + random() * 80,
  }))
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    const row: Rgb =
      y < horizon
        ? mix(skyTop, skyLow, y / horizon)
        : mix(groundFar, groundNear, (y - horizon) / (height - horizon))
    for (let x = 0; x < width; x++) {
      let colour = row
      const dx = x - sun.x
      const dy = y - sun.y
      if (dx * dx + dy * dy < sun.r * sun.r) colour = [250, 235, 190]
      for (const tower of towers) {
        if (x >= tower.x && x < tower.x + tower.w && y < horizon && y > horizon - tower.h) {
          colour = [tower.shade, tower.shade * 0.9, tower.shade * 0.8]
        }
      }
      const grain = (random() - 0.5) * 36
      const at = (y * width + x) * 3
      for (let c = 0; c < 3; c++)
        pixels[at + c] = Math.max(0, Math.min(255, (colour[c] ?? 0) + grain))
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .blur(0.8)
    .jpeg({ quality, mozjpeg: true })
    .toBuffer()
}
