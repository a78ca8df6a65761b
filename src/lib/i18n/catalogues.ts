// Every shipped catalogue by language code; a language without one reads English.
import { ar } from './ar'
import { type Catalogue, en } from './en'
import { fr } from './fr'

export const CATALOGUES: Readonly<Record<string, Catalogue>> = { en, ar, fr }

export function findCatalogue(code: string): Catalogue {
  return CATALOGUES[code] ?? en
}

export function hasCatalogue(code: string): boolean {
  return code in CATALOGUES
}
