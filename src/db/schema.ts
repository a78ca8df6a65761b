// The drizzle schema: the single source of truth for Bulletin's data model and its migrations.
import { sql } from 'drizzle-orm'
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import { CORRECTION_KINDS, CORRECTION_PLACEMENTS, PAGE_STATUSES } from '../lib/trust-vocabulary'
import { ARTICLE_STATUSES, COMMENT_STATUSES, USER_ROLES } from '../lib/vocabulary'

/** Milliseconds since the epoch; integers sort and compare cheaply in SQLite. */
const timestamp = () => integer({ mode: 'timestamp_ms' })
const createdAt = () => timestamp().notNull().default(sql`(unixepoch('subsec') * 1000)`)

// Defined in lib/ so that views can list them without importing the schema.
export {
  ARTICLE_STATUSES,
  type ArticleStatus,
  COMMENT_STATUSES,
  type CommentStatus,
  USER_ROLES,
  type UserRole,
} from '../lib/vocabulary'

export const categories = sqliteTable('categories', {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  /** Order in the navigation bar; lower comes first. */
  position: integer().notNull().default(0),
  /** Its published articles, kept by triggers (migrations/0004), so page links need no count. */
  publishedCount: integer().notNull().default(0),
})

export const users = sqliteTable('users', {
  id: integer().primaryKey({ autoIncrement: true }),
  email: text().notNull().unique(),
  name: text().notNull(),
  role: text({ enum: USER_ROLES }).notNull(),
  /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`: the parameters travel with the hash. */
  passwordHash: text().notNull(),
  disabled: integer({ mode: 'boolean' }).notNull().default(false),
  lastLoginAt: timestamp(),
  createdAt: createdAt(),
})

export const articles = sqliteTable(
  'articles',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    slug: text().notNull().unique(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    bodyMd: text().notNull().default(''),
    /** Rendered from `bodyMd` and sanitised at save time; the only HTML a reader ever gets raw. */
    bodyHtml: text().notNull().default(''),
    categoryId: integer()
      .notNull()
      .references(() => categories.id),
    byline: text().notNull().default(''),
    authorId: integer().references(() => users.id, { onDelete: 'set null' }),
    imageUrl: text(),
    imageAlt: text().notNull().default(''),
    imageWidth: integer(),
    imageHeight: integer(),
    status: text({ enum: ARTICLE_STATUSES }).notNull().default('draft'),
    /** For a scheduled article this is the moment it is due to go live. */
    publishedAt: timestamp(),
    updatedAt: timestamp().notNull(),
    createdAt: createdAt(),
    /** Its edition: one of the configured editions' codes (env EDITIONS). */
    language: text().notNull().default('en'),
    commentsClosed: integer({ mode: 'boolean' }).notNull().default(false),
    /**
     * Translations of one story share this: the id of the first article of the group. Null for an
     * article that has never been translated.
     */
    translationGroup: integer(),
    /** Where an agency item came from: credited on the page as its canonical source. */
    canonicalUrl: text(),
  },
  (t) => [
    index('articles_status_published_idx').on(t.status, t.publishedAt),
    index('articles_category_status_published_idx').on(t.categoryId, t.status, t.publishedAt),
    // One edition's home, feeds and sitemaps, and its section pages, each one index range.
    index('articles_language_status_published_idx').on(t.language, t.status, t.publishedAt),
    index('articles_category_language_status_published_idx').on(
      t.categoryId,
      t.language,
      t.status,
      t.publishedAt,
    ),
    index('articles_translation_group_idx').on(t.translationGroup),
    index('articles_updated_idx').on(t.updatedAt),
    index('articles_author_idx').on(t.authorId),
    // Everything related-news scoring and its targets read of a candidate, so the refresh never
    // reads an article's row: status and dates sit after the bodies (their overflow pages), and
    // even the row's head is a random read across the whole file on a large cold archive.
    index('articles_related_meta_idx').on(
      t.id,
      t.status,
      t.categoryId,
      t.publishedAt,
      t.updatedAt,
      t.language,
      t.title,
      t.summary,
    ),
  ],
)

/** Slugs an article used to have, so old links answer with a 301. */
export const slugRedirects = sqliteTable('slug_redirects', {
  oldSlug: text().primaryKey(),
  articleId: integer()
    .notNull()
    .references(() => articles.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
})

/** Every save keeps the version it replaced. */
export const articleRevisions = sqliteTable(
  'article_revisions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    summary: text().notNull(),
    bodyMd: text().notNull(),
    // Everything else an editor can change, so that restoring a version restores all of it.
    slug: text().notNull().default(''),
    categoryId: integer().references(() => categories.id, { onDelete: 'set null' }),
    byline: text().notNull().default(''),
    /** JSON array of tag names, as the editor typed them. */
    tagNames: text().notNull().default('[]'),
    imageUrl: text(),
    imageAlt: text().notNull().default(''),
    imageWidth: integer(),
    imageHeight: integer(),
    language: text().notNull().default('en'),
    editorId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('article_revisions_article_idx').on(t.articleId, t.createdAt)],
)

export const tags = sqliteTable('tags', {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  name: text().notNull(),
  /** Its published articles, kept by triggers (migrations/0004), so page links need no count. */
  publishedCount: integer().notNull().default(0),
})

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer()
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    /**
     * Copies of the article's status and published_at, kept by triggers (migrations/0004), so a
     * tag's page is one index range in date order rather than a sort of every article it has.
     */
    status: text({ enum: ARTICLE_STATUSES }),
    publishedAt: timestamp(),
    /** Likewise the article's edition (migrations/0010), so one edition's tag page is one range. */
    language: text(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.tagId] }),
    // `language` rides along so related news's tag-neighbour seeks never read the table's rows.
    index('article_tags_tag_idx').on(t.tagId, t.articleId, t.language),
    index('article_tags_tag_status_published_idx').on(
      t.tagId,
      t.status,
      t.publishedAt,
      t.articleId,
    ),
    index('article_tags_tag_language_status_published_idx').on(
      t.tagId,
      t.language,
      t.status,
      t.publishedAt,
      t.articleId,
    ),
  ],
)

/**
 * A section as one edition shows it: its translated name (null: the section's own name) and its
 * published articles in that edition, counted by triggers (migrations/0010).
 */
export const categoryEditions = sqliteTable(
  'category_editions',
  {
    categoryId: integer()
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    language: text().notNull(),
    name: text(),
    description: text(),
    publishedCount: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.language] })],
)

/** A tag as one edition shows it; like category_editions. */
export const tagEditions = sqliteTable(
  'tag_editions',
  {
    tagId: integer()
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    language: text().notNull(),
    name: text(),
    publishedCount: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tagId, t.language] })],
)

export const comments = sqliteTable(
  'comments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** One level of replies: a reply's parent is always a top-level comment. */
    parentId: integer().references((): AnySQLiteColumn => comments.id, { onDelete: 'cascade' }),
    authorName: text().notNull(),
    body: text().notNull(),
    status: text({ enum: COMMENT_STATUSES }).notNull().default('pending'),
    createdAt: createdAt(),
    /** Salted hash of the poster's IP; the raw address is never stored. */
    ipHash: text().notNull(),
    /** Generated by the browser so a double submit creates one comment. */
    idempotencyKey: text().notNull().unique(),
  },
  (t) => [
    index('comments_article_status_created_idx').on(t.articleId, t.status, t.createdAt),
    index('comments_parent_idx').on(t.parentId),
    index('comments_status_created_idx').on(t.status, t.createdAt),
    index('comments_ip_hash_idx').on(t.ipHash, t.status),
  ],
)

/**
 * No foreign keys: each inserted pick's checks read both articles' table pages, random reads on a
 * million-article archive. A trigger on deleting an article (migration 0017) does the cascade.
 */
export const relatedArticles = sqliteTable(
  'related_articles',
  {
    articleId: integer().notNull(),
    rank: integer().notNull(),
    relatedId: integer().notNull(),
    score: real().notNull(),
    /** Why it was picked, for editors: "2 shared tags: France, Russia · same section". */
    reason: text().notNull(),
    computedAt: timestamp().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.rank] }),
    // Purging needs the reverse direction: which pages show this article?
    index('related_articles_related_idx').on(t.relatedId),
  ],
)

/** Related picks an editor pinned; they come before the computed ones. */
export const relatedPins = sqliteTable(
  'related_pins',
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    relatedId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.position] })],
)

/** Views per article per UTC day, fed by the view beacon (cached pages never reach the DB). */
export const articleViews = sqliteTable(
  'article_views',
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** `YYYY-MM-DD` in UTC. */
    day: text().notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [
    // By day first: a day's rows sit together, so trending reads and pruning touch only that day.
    primaryKey({ columns: [t.day, t.articleId] }),
    // Each day's most viewed first, so trending reads a few rows however many stories were read.
    index('article_views_day_count_idx').on(t.day, t.count),
  ],
)

/** The current trending list, recomputed by cron from recent views. */
export const trendingArticles = sqliteTable('trending_articles', {
  rank: integer().primaryKey(),
  articleId: integer()
    .notNull()
    .references(() => articles.id, { onDelete: 'cascade' }),
  score: real().notNull(),
  computedAt: timestamp().notNull(),
})

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token; the token itself is never stored. */
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    expiresAt: timestamp().notNull(),
    lastSeenAt: timestamp().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
)

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    tokenHash: text().notNull().unique(),
    /** Space-separated scopes, e.g. `articles:read articles:write`. */
    scopes: text().notNull(),
    revokedAt: timestamp(),
    lastUsedAt: timestamp(),
    createdAt: createdAt(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
)

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    /** JSON with whatever the action needs to be understood later. */
    detail: text().notNull().default('{}'),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_created_idx').on(t.createdAt),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
)

/** Fixed-window counters shared by every isolate and data centre. */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    /** What is limited and for whom, e.g. `comment:min:<ipHash>:<articleId>`. */
    key: text().notNull(),
    windowStart: integer().notNull(),
    count: integer().notNull().default(0),
    expiresAt: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index('rate_limits_expires_idx').on(t.expiresAt),
  ],
)

/**
 * Sign-in throttling, one leaky bucket per account, trusted device and IP (all times in ms). Each
 * attempt adds 1 to `level` before the password is checked; the level drains by `allowance` per
 * window, so the limit slides instead of resetting at a window's edge. Past the allowance, each
 * attempt pushes `blockedUntil` out by a delay that doubles.
 */
export const loginThrottles = sqliteTable(
  'login_throttles',
  {
    /** `login:account:<email hash>`, `login:device:<device id>` or `login:ip:<ip hash>`. */
    key: text().primaryKey(),
    /** Attempts allowed per window before delays start. */
    allowance: integer().notNull(),
    level: real().notNull(),
    updatedAt: integer().notNull(),
    blockedUntil: integer().notNull(),
    /** Once past, the bucket is empty and unblocked, and the row can go. */
    expiresAt: integer().notNull(),
  },
  (t) => [index('login_throttles_expires_idx').on(t.expiresAt)],
)

/** One row per cron task: its last run, a lease against overlapping runs, and a resume cursor. */
export const jobs = sqliteTable('jobs', {
  name: text().primaryKey(),
  status: text({ enum: ['idle', 'running', 'ok', 'failed'] })
    .notNull()
    .default('idle'),
  lastStartedAt: timestamp(),
  lastFinishedAt: timestamp(),
  lastError: text(),
  /** JSON counts from the last run, e.g. `{"published":2}`. */
  counts: text().notNull().default('{}'),
  cursor: text(),
  leaseUntil: timestamp(),
  leaseOwner: text(),
})

/** Small key/value facts about the site, such as `last_update_at` for the footer. */
export const siteState = sqliteTable('site_state', {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: timestamp().notNull(),
})

// ---- Authors, static pages and corrections (issue 18) ----

/**
 * A byline's person or desk. Not necessarily an account: agency and contributor bylines have no
 * login, while a user can be linked to the one profile that is theirs. `sourceSlug` keeps the
 * WordPress or Ghost slug an import found, so old author URLs can still be redirected.
 */
export const authors = sqliteTable(
  'authors',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    slug: text().notNull().unique(),
    name: text().notNull(),
    /** Role or title shown under the name, e.g. "Middle East correspondent". */
    jobTitle: text().notNull().default(''),
    bioMd: text().notNull().default(''),
    /** Rendered from `bioMd` by the article Markdown sanitiser at save time. */
    bioHtml: text().notNull().default(''),
    /** The photo's URL; `photoMediaId` names its media-library item once that is wired. */
    photoUrl: text(),
    photoMediaId: integer(),
    photoAlt: text().notNull().default(''),
    /** JSON array of `{ label, url }`: a site and social profiles as plain links. */
    links: text().notNull().default('[]'),
    userId: integer()
      .unique()
      .references(() => users.id, { onDelete: 'set null' }),
    /** Where an import found it (`wordpress`, `ghost`), its id and slug there. */
    source: text(),
    sourceId: text(),
    sourceSlug: text(),
    createdAt: createdAt(),
    updatedAt: timestamp().notNull(),
  },
  (t) => [uniqueIndex('authors_source_idx').on(t.source, t.sourceId)],
)

/** An article's authors, in byline order. Restrict: an author with articles cannot be deleted. */
export const articleAuthors = sqliteTable(
  'article_authors',
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorId: integer()
      .notNull()
      .references(() => authors.id, { onDelete: 'restrict' }),
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.authorId] }),
    index('article_authors_author_idx').on(t.authorId, t.articleId),
  ],
)

/** Static pages (About, Contact, …): Markdown like articles, never in lists, feeds or related. */
export const pages = sqliteTable(
  'pages',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    slug: text().notNull().unique(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    bodyMd: text().notNull().default(''),
    bodyHtml: text().notNull().default(''),
    status: text({ enum: PAGE_STATUSES }).notNull().default('draft'),
    /** Place in the footer menu, lowest first; null keeps the page out of it. */
    footerPosition: integer(),
    language: text().notNull().default('en'),
    publishedAt: timestamp(),
    updatedAt: timestamp().notNull(),
    createdAt: createdAt(),
    source: text(),
    sourceId: text(),
  },
  (t) => [
    index('pages_footer_idx').on(t.footerPosition),
    uniqueIndex('pages_source_idx').on(t.source, t.sourceId),
  ],
)

/** Every save of a page keeps the version it replaced, as article_revisions does. */
export const pageRevisions = sqliteTable(
  'page_revisions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    pageId: integer()
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    bodyMd: text().notNull(),
    editorId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('page_revisions_page_idx').on(t.pageId, t.createdAt)],
)

/** A dated correction or clarification note on a published article. */
export const corrections = sqliteTable(
  'corrections',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    kind: text({ enum: CORRECTION_KINDS }).notNull().default('correction'),
    placement: text({ enum: CORRECTION_PLACEMENTS }).notNull().default('bottom'),
    bodyMd: text().notNull(),
    bodyHtml: text().notNull(),
    /** When the note was made; an import keeps the original date. */
    correctedAt: timestamp().notNull(),
    editorId: integer().references(() => users.id, { onDelete: 'set null' }),
    source: text(),
    sourceId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('corrections_article_idx').on(t.articleId, t.correctedAt),
    index('corrections_corrected_idx').on(t.correctedAt),
    uniqueIndex('corrections_source_idx').on(t.source, t.sourceId),
  ],
)

/** An article under live coverage: it carries a stream of updates until the coverage ends. */
export const liveBlogs = sqliteTable('live_blogs', {
  articleId: integer()
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  startedAt: timestamp().notNull(),
  /** Set when coverage ends: the page freezes as a normal article, its updates kept. */
  endedAt: timestamp(),
  /**
   * Readers' poll cursor: bumped by triggers (migrations/0015) on every update added, changed or
   * removed, so a poll after it returns edits, pins and deletions as well as new updates.
   */
  revision: integer().notNull().default(0),
})

/** One timestamped update of a live article; its revisions place it against readers' cursors. */
export const liveUpdates = sqliteTable(
  'live_updates',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    articleId: integer()
      .notNull()
      .references(() => liveBlogs.articleId, { onDelete: 'cascade' }),
    bodyMd: text().notNull(),
    /** Rendered from `bodyMd` and sanitised at save time, like an article body. */
    bodyHtml: text().notNull(),
    imageUrl: text(),
    imageAlt: text().notNull().default(''),
    keyEvent: integer({ mode: 'boolean' }).notNull().default(false),
    pinned: integer({ mode: 'boolean' }).notNull().default(false),
    authorId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
    /** The blog's revision when the update was posted, and when it last changed (set by triggers). */
    addedRevision: integer().notNull().default(0),
    revision: integer().notNull().default(0),
  },
  (t) => [index('live_updates_article_idx').on(t.articleId, t.id)],
)

/** A deleted live update, kept so that open tabs polling after `revision` remove it too. */
export const liveRemovals = sqliteTable(
  'live_removals',
  {
    updateId: integer().primaryKey(),
    articleId: integer()
      .notNull()
      .references(() => liveBlogs.articleId, { onDelete: 'cascade' }),
    revision: integer().notNull(),
  },
  (t) => [index('live_removals_article_idx').on(t.articleId, t.revision)],
)

/** The site-wide breaking-news line; the newest one not cleared and not expired is shown. */
export const breakingAlerts = sqliteTable(
  'breaking_alerts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    headline: text().notNull(),
    /** A site path or an https URL. */
    url: text().notNull(),
    expiresAt: timestamp().notNull(),
    clearedAt: timestamp(),
    authorId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('breaking_alerts_expires_idx').on(t.expiresAt)],
)

/**
 * The media library: one row per stored original in R2 (MEDIA), keyed by its content hash so the
 * same file uploaded twice is stored once. Where an image is used is read from articles on demand.
 */
export const media = sqliteTable(
  'media',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** The R2 object key and the URL segment: /media/<key>/<width>.<format>. */
    key: text().notNull().unique(),
    /** SHA-256 of the bytes as uploaded, so a second upload of the same file is recognised. */
    contentHash: text().notNull().unique(),
    /** The MIME type found from the bytes (never the file name or the declared type). */
    type: text().notNull(),
    bytes: integer().notNull(),
    /** Dimensions after the EXIF orientation was applied. */
    width: integer().notNull(),
    height: integer().notNull(),
    filename: text().notNull().default(''),
    alt: text().notNull().default(''),
    caption: text().notNull().default(''),
    credit: text().notNull().default(''),
    uploadedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [index('media_created_idx').on(t.createdAt), index('media_uploader_idx').on(t.uploadedBy)],
)

// ---- Agency feeds (issue 19) ----

/**
 * An agency's RSS or Atom feed the newsroom subscribes to. The cron polls it with a conditional
 * GET (`etag`, `lastModified`); each failure doubles the wait before `nextAttemptAt`.
 */
export const agencyFeeds = sqliteTable(
  'agency_feeds',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    url: text().notNull().unique(),
    categoryId: integer()
      .notNull()
      .references(() => categories.id),
    /** Printed on every item, e.g. "Staff, Agencies". */
    byline: text().notNull().default(''),
    /** `draft` lands items for an editor to check; `publish` puts them live at once. */
    mode: text({ enum: ['draft', 'publish'] })
      .notNull()
      .default('draft'),
    /** The editor who subscribed: items are created in their name. */
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    etag: text(),
    lastModified: text(),
    lastPolledAt: timestamp(),
    lastSucceededAt: timestamp(),
    /** Failures in a row; zero once a poll succeeds. */
    failureCount: integer().notNull().default(0),
    /** Not polled before this moment; null means due now. */
    nextAttemptAt: timestamp(),
    lastError: text(),
    createdAt: createdAt(),
  },
  (t) => [index('agency_feeds_next_attempt_idx').on(t.nextAttemptAt)],
)

/**
 * Feed items already taken in, by their guid (or link when there is none), so a poll or a re-run
 * import never lands the same story twice. `source` is `feed:<id>` for a subscription and
 * `file:<name>` for `npm run import -- feed FILE`.
 */
export const agencyFeedItems = sqliteTable(
  'agency_feed_items',
  {
    source: text().notNull(),
    itemKey: text().notNull(),
    articleId: integer().references(() => articles.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.source, t.itemKey] })],
)

// ---- WordPress and Ghost imports (issue 19) ----

export const IMPORT_KINDS = [
  'article',
  'page',
  'author',
  'tag',
  'section',
  'comment',
  'media',
] as const

/**
 * What an import brought in: (source, kind, source id) to the new row, so a re-run of the same
 * file changes nothing and an interrupted run picks up where it stopped. `source` names the site
 * (`wordpress:example.com`, `ghost:example.com`), since two sites share ids. `contentHash` is the
 * item as last imported: the same hash is skipped, a new one is an update.
 */
export const importMap = sqliteTable(
  'import_map',
  {
    source: text().notNull(),
    kind: text({ enum: IMPORT_KINDS }).notNull(),
    sourceId: text().notNull(),
    targetId: integer().notNull(),
    contentHash: text().notNull().default(''),
    importedAt: timestamp().notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.kind, t.sourceId] })],
)

/**
 * Old paths of imported items (WordPress permalinks, `/?p=123`, `/category/…`, Ghost's `/slug/`),
 * read only when no route answered, and answered with a 301. Like slug_redirects, the target is a
 * row (kind and id), not a URL, so a later slug change still lands right; `targetPath` is for
 * what has no row, such as the site feed.
 */
export const legacyPaths = sqliteTable('legacy_paths', {
  /** The path as the old site wrote it, with no trailing slash; `/?p=123` keeps its query. */
  path: text().primaryKey(),
  targetKind: text({ enum: ['article', 'page', 'author', 'tag', 'section', 'path'] }).notNull(),
  targetId: integer(),
  targetPath: text(),
  source: text().notNull(),
  createdAt: createdAt(),
})
