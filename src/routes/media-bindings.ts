// The media bindings of a request, or a clear 500 naming what wrangler.toml lacks.
import type { Env } from '../env'
import { AppError } from '../lib/errors'

export function mediaBindings(c: { env: Env }): { bucket: R2Bucket; images: ImagesBinding } {
  const { MEDIA: bucket, IMAGES: images } = c.env
  if (!bucket || !images) {
    throw new AppError(
      'MISCONFIGURED',
      'Media needs the MEDIA (R2) and IMAGES bindings in wrangler.toml.',
    )
  }
  return { bucket, images }
}
