// <link rel="alternate"> tags that let a feed reader given any page find the site's and the section's feeds.

export interface FeedScope {
  /** The feed's title, e.g. "Bulletin: Economy". */
  title: string
  /** Where its feed.xml and atom.xml live: '' for the site, '/category/economy' for a section. */
  base: string
}

export function FeedLinks({ scopes }: { scopes: FeedScope[] }) {
  return (
    <>
      {scopes.flatMap(({ title, base }) => [
        <link
          rel="alternate"
          type="application/rss+xml"
          href={`${base}/feed.xml`}
          title={`${title} (RSS)`}
        />,
        <link
          rel="alternate"
          type="application/atom+xml"
          href={`${base}/atom.xml`}
          title={`${title} (Atom)`}
        />,
      ])}
    </>
  )
}
