// `--media-dir` end to end: found images go through the library's upload into wrangler's local R2.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { truncate } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runImport } from '../../../src/cli/import'
import { locateMediaFile, refuseRemoteMedia } from '../../../src/cli/import/media'
import { openLocalMediaStore } from '../../../src/cli/local-media-store'
import type { Db } from '../../../src/db/client'
import { articles, media, users } from '../../../src/db/schema'
import type { MediaStore } from '../../../src/services/media-upload'
import { freshDb } from '../db/fresh-db'

const FIXTURE = 'test/fixtures/import/wordpress-media.xml'
const PHOTO = 'test/fixtures/import/photo.png'
const NOW = Date.UTC(2026, 10, 30)
const KEPT = 'image kept at its original URL: '

let root: string
let mediaDir: string
let opened: Awaited<ReturnType<typeof openLocalMediaStore>>

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'import-media-'))
  mediaDir = join(root, 'uploads')
  mkdirSync(join(mediaDir, '2024/05'), { recursive: true })
  copyFileSync(PHOTO, join(mediaDir, '2024/05/photo.png'))
  // A real image just outside the folder: reachable by `..%2F` or a symlink, unless refused.
  copyFileSync(PHOTO, join(root, 'secret.png'))
  symlinkSync(join(root, 'secret.png'), join(mediaDir, '2024/05/link.png'))
  writeFileSync(join(mediaDir, '2024/05/notes.png'), 'meeting notes, not a picture\n')
  // Sparse: past the 20 MB cap without writing 21 MB.
  writeFileSync(join(mediaDir, '2024/05/huge.png'), '')
  await truncate(join(mediaDir, '2024/05/huge.png'), 21 * 1024 * 1024)
  opened = await openLocalMediaStore(null as unknown as Db, join(root, 'state'))
}, 60_000)

afterAll(async () => {
  await opened?.dispose()
  rmSync(root, { recursive: true, force: true })
})

async function siteWithAdmin() {
  const db = await freshDb()
  await db
    .insert(users)
    .values({ email: 'admin@newsroom.test', name: 'Admin', role: 'admin', passwordHash: 'x' })
  return db
}

function importWithMedia(db: Db, dryRun = false, file = FIXTURE) {
  const mediaStore: MediaStore = { ...opened.store, db }
  return runImport(db, {
    source: 'wordpress',
    file,
    mediaDir,
    mediaStore,
    dryRun,
    now: NOW,
  })
}

describe('the import with --media-dir', () => {
  it('uploads the images it finds into the library and points the body and the hero at them', async () => {
    const db = await siteWithAdmin()
    const { report, error } = await importWithMedia(db)
    expect(error).toBeUndefined()
    const stored = await db.select().from(media)
    // The hero and the body's first image are one file: stored once.
    expect(stored).toHaveLength(1)
    const key = stored[0]?.key as string
    expect(await opened.store.bucket.head(key)).not.toBeNull()
    const [article] = await db.select().from(articles)
    expect(article?.imageUrl).toBe(`/media/${key}`)
    expect([article?.imageWidth, article?.imageHeight]).toEqual([4, 3])
    expect(article?.bodyMd).toContain(`![The red square](/media/${key})`)
    const images = parse(article?.bodyHtml ?? '').querySelectorAll('img')
    const srcOf = (alt: string) =>
      images.find((img) => img.getAttribute('alt') === alt)?.getAttribute('src')
    expect(srcOf('The red square')).toContain(key)
    expect(srcOf('Lost')).toBe('https://cedar.example/wp-content/uploads/2024/05/gone.jpg')
    const warned = report.summary().warned
    expect(warned[`${KEPT}not found in --media-dir`]).toBe(1)
    expect(warned[`${KEPT}not in the old site’s uploads`]).toBe(1)
    expect(warned[`${KEPT}larger than the library’s 20 MB, refused`]).toBe(1)
    expect(
      Object.keys(warned).filter((w) => w.startsWith(`${KEPT}refused by the media library`)),
    ).toHaveLength(1)
  })

  it('refuses a path that leads out of the folder, by ..%2F or by a symlink', async () => {
    const db = await siteWithAdmin()
    const { report } = await importWithMedia(db)
    expect(report.summary().warned[`${KEPT}outside --media-dir, refused`]).toBe(2)
    const [article] = await db.select().from(articles)
    const images = parse(article?.bodyHtml ?? '').querySelectorAll('img')
    const srcOf = (alt: string) =>
      images.find((img) => img.getAttribute('alt') === alt)?.getAttribute('src')
    expect(srcOf('Escape')).toBe('https://cedar.example/wp-content/uploads/..%2Fsecret.png')
    expect(srcOf('Symlink')).toBe('https://cedar.example/wp-content/uploads/2024/05/link.png')
  })

  it('changes nothing when the same file and folder are imported again', async () => {
    const db = await siteWithAdmin()
    await importWithMedia(db)
    const before = await db.select().from(articles)
    const { report } = await importWithMedia(db)
    expect(report.summary().imported).toEqual({})
    expect(report.summary().updated).toEqual({})
    expect(await db.select().from(media)).toHaveLength(1)
    expect(await db.select().from(articles)).toEqual(before)
  })

  it('takes a featured image into the library when its attachment comes after the post', async () => {
    const db = await siteWithAdmin()
    // The attachment item moved to the end of the file, as WordPress writes a later upload.
    const text = readFileSync(FIXTURE, 'utf8')
    const start = text.indexOf('\t<item>')
    const end = text.indexOf('</item>', start) + '</item>'.length
    const late = join(root, 'late.xml')
    const moved = text.slice(start, end)
    writeFileSync(late, text.replace(moved, '').replace('</channel>', `${moved}\n</channel>`))
    const { report, error } = await importWithMedia(db, false, late)
    expect(error).toBeUndefined()
    const [stored] = await db.select().from(media)
    const [article] = await db.select().from(articles)
    expect(article?.imageUrl).toBe(`/media/${stored?.key}`)
    expect([article?.imageWidth, article?.imageHeight]).toEqual([4, 3])
    expect(report.summary().warned['featured image not found in the file']).toBeUndefined()
  })

  it('refuses to store images for a remote database, whose deployed bucket it cannot reach', () => {
    expect(refuseRemoteMedia('libsql://news-org.turso.io')).toContain('local bucket')
    expect(refuseRemoteMedia('https://db.example.com')).toContain('without --media-dir')
    expect(refuseRemoteMedia('http://127.0.0.1:8080')).toBeNull()
    expect(refuseRemoteMedia('file:data/bulletin.db')).toBeNull()
  })

  it('looks for the files on a dry run but stores nothing', async () => {
    const db = await siteWithAdmin()
    const { report, error } = await importWithMedia(db, true)
    expect(error).toBeUndefined()
    expect(await db.select().from(media)).toHaveLength(0)
    expect(report.summary().warned[`${KEPT}not found in --media-dir`]).toBe(1)
  })

  it('finds a file by the path after wp-content/uploads or Ghost’s content/images', () => {
    expect(
      locateMediaFile('/m', 'https://old.example/wp-content/uploads/2024/05/a%20b.jpg'),
    ).toEqual({ file: '/m/2024/05/a b.jpg' })
    expect(locateMediaFile('/m', '__GHOST_URL__/content/images/2024/05/c.png')).toEqual({
      file: '/m/2024/05/c.png',
    })
    expect(locateMediaFile('/m', 'https://old.example/wp-content/uploads/%00.png')).toEqual({
      kept: 'outside --media-dir, refused',
    })
  })
})
