// Fixed vocabularies for static pages and corrections, importable by views without the schema.

export const PAGE_STATUSES = ['draft', 'published'] as const
export type PageStatus = (typeof PAGE_STATUSES)[number]

export const CORRECTION_KINDS = ['correction', 'clarification'] as const
export type CorrectionKind = (typeof CORRECTION_KINDS)[number]

/** Where a note shows on the article: above the body or below it. */
export const CORRECTION_PLACEMENTS = ['top', 'bottom'] as const
export type CorrectionPlacement = (typeof CORRECTION_PLACEMENTS)[number]
