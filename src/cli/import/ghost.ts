// Imports a ghost export (in progress).
import type { ImportSource } from './types'

const source: ImportSource = {
  summary: 'ghost',
  run: async () => {
    throw new Error('The ghost importer is not written yet')
  },
}
export default source
