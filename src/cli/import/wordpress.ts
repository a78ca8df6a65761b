// Imports a wordpress export (in progress).
import type { ImportSource } from './types'

const source: ImportSource = {
  summary: 'wordpress',
  run: async () => {
    throw new Error('The wordpress importer is not written yet')
  },
}
export default source
