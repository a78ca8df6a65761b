// <link rel="alternate" hreflang> to each language version of a page, and x-default.

export interface Alternate {
  /** A language code, or `x-default`. */
  hreflang: string
  /** Absolute URL. */
  href: string
}

export function HreflangLinks({ alternates }: { alternates: Alternate[] }) {
  return (
    <>
      {alternates.map((alternate) => (
        <link rel="alternate" hreflang={alternate.hreflang} href={alternate.href} />
      ))}
    </>
  )
}
