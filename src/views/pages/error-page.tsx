// A full error page for readers: what went wrong, in words, and where to go next. Needs no database.
import type { Config } from '../../env'
import type { I18n } from '../../lib/i18n/i18n'
import { STYLESHEET_URL } from '../assets'

export interface ErrorPageProps {
  status: number
  title: string
  message: string
  site: Pick<Config['site'], 'name'>
  /** The edition the address belongs to: its language, direction and front page. */
  i18n: I18n
}

export function ErrorPage({ status, title, message, site, i18n }: ErrorPageProps) {
  return (
    <html lang={i18n.lang} dir={i18n.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} | ${site.name}`}</title>
        <link rel="stylesheet" href={STYLESHEET_URL} />
      </head>
      <body>
        <main id="main" class="error-page">
          <p class="error-page__status">{i18n.t('error.status', { status })}</p>
          <h1>{title}</h1>
          <p>{message}</p>
          <p>
            <a href={i18n.href('/')}>{i18n.t('error.home', { site: site.name })}</a>
          </p>
        </main>
      </body>
    </html>
  )
}
