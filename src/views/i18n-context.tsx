// The page's I18n, handed down the view tree by hono/jsx context, so leaf components need no prop.
import { type Child, createContext, useContext } from 'hono/jsx'
import { DEFAULT_EDITION } from '../lib/editions'
import { createI18n, type I18n } from '../lib/i18n/i18n'

const I18nContext = createContext<I18n>(createI18n(DEFAULT_EDITION))

/** The I18n of the nearest provider: the page's edition, or English outside any. */
export function useI18n(): I18n {
  return useContext(I18nContext)
}

export function I18nProvider({ i18n, children }: { i18n: I18n; children: Child }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>
}
