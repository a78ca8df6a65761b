// Where uploads arrive, known to app.tsx before any route runs, so its body limit can be raised there.
import { MEDIA_MAX_BYTES } from '../../services/media-upload'

export const MEDIA_UPLOAD_PATH = '/editor/media/upload'
/** One image at the cap, plus the other fields and the multipart framing. */
export const MEDIA_UPLOAD_BODY_MAX = MEDIA_MAX_BYTES + 64 * 1024
