// A full error page for readers: what went wrong, in words, and where to go next. Needs no database.
import type { Config } from '../../env'
import { STYLESHEET_URL } from '../assets'

export interface ErrorPageProps {
  status: number
  title: string
  message: string
  site: Pick<Config['site'], 'name' | 'language'>
}

export function ErrorPage({ status, title, message, site }: ErrorPageProps) {
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} | ${site.name}`}</title>
        <link rel="stylesheet" href={STYLESHEET_URL} />
      </head>
      <body>
        <main id="main" class="error-page">
          <p class="error-page__status">Error {status}</p>
          <h1>{title}</h1>
          <p>{message}</p>
          <p>
            <a href="/">Go to the {site.name} front page</a>
          </p>
        </main>
      </body>
    </html>
  )
}
