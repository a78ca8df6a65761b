// The 5-minute cron polls agency feeds served on 127.0.0.1: drafts with no duplicates, 304s, backoff.
import { parse } from 'node-html-parser'
import { afterEach, describe, expect, it } from 'vitest'
import { listDueAgencyFeeds } from '../../src/db/queries/agency-feeds'
import { CRON_EVERY_FIVE_MINUTES, jobsFor } from '../../src/jobs'
import { pollAgencyFeeds } from '../../src/jobs/agency-feeds'
import type { Job } from '../../src/jobs/run-job'
import { pollAgencyFeed } from '../../src/services/agency-feed-poll'
import {
  articlesFrom,
  FEED_SERVER,
  feedLog,
  feedName,
  feedRow,
  futureTime,
  MINUTE,
  pollAt,
  rssFeed,
  scriptFeed,
  subscribe,
  testFeedTask,
  unsubscribeAll,
} from './agency-feeds-fixtures'
import { testDb } from './fixtures'
import { outcomeOf } from './scheduled'

const subscribed: number[] = []
afterEach(() => unsubscribeAll(subscribed))

async function subscribeTo(name: string, dueAt: number, mode: 'draft' | 'publish' = 'draft') {
  const id = await subscribe({ url: `${FEED_SERVER}/feeds/${name}`, dueAt, mode })
  subscribed.push(id)
  return id
}

describe('the agency feeds cron task', () => {
  it('runs every five minutes', () => {
    expect(jobsFor(CRON_EVERY_FIVE_MINUTES)).toContain(pollAgencyFeeds)
  })

  it('lands a locally served feed as drafts, with no duplicates after three polls', async () => {
    const name = feedName()
    const t0 = futureTime()
    const first = [
      { guid: `${name}-2`, title: 'Markets open higher' },
      { guid: `${name}-1`, title: 'Talks resume in Geneva' },
    ]
    await scriptFeed(name, {
      body: rssFeed(first),
      etag: '"v1"',
      lastModified: 'Mon, 30 Nov 2026 08:00:00 GMT',
    })
    const id = await subscribeTo(name, t0)

    const run1 = await pollAt(t0)
    // The run polls every feed due by then, other files' subscriptions too: only this one's
    // outcome is judged.
    expect(outcomeOf(run1, testFeedTask.name)).toMatchObject({
      status: 'ok',
      counts: { created: 2 },
    })
    expect((await feedRow(id))?.failureCount).toBe(0)
    // Second poll: nothing changed, and the server says so with a 304 to the conditional GET.
    const run2 = await pollAt(t0 + 5 * MINUTE)
    expect(outcomeOf(run2, testFeedTask.name).counts).toMatchObject({ notModified: 1, created: 0 })
    // Third poll: the agency files one more story, and repeats the two it had.
    await scriptFeed(name, {
      body: rssFeed([{ guid: `${name}-3`, title: 'Storm reaches the coast' }, ...first]),
      etag: '"v2"',
    })
    const run3 = await pollAt(t0 + 10 * MINUTE)
    expect(outcomeOf(run3, testFeedTask.name).counts).toMatchObject({ created: 1 })

    const log = await feedLog(name)
    expect(log.map((entry) => entry.status)).toEqual([200, 304, 200])
    expect(log[0]).toMatchObject({ ifNoneMatch: null, ifModifiedSince: null })
    expect(log[1]).toMatchObject({
      ifNoneMatch: '"v1"',
      ifModifiedSince: 'Mon, 30 Nov 2026 08:00:00 GMT',
    })

    const landed = await articlesFrom(id)
    // Oldest filed first; each story once.
    expect(landed.map((article) => article.title)).toEqual([
      'Talks resume in Geneva',
      'Markets open higher',
      'Storm reaches the coast',
    ])
    for (const article of landed) {
      expect(article.status).toBe('draft')
      expect(article.byline).toBe('Staff, Agencies')
      expect(article.canonicalUrl).toMatch(new RegExp(`^https://wire\\.example/${name}-\\d$`))
    }
    expect(await feedRow(id)).toMatchObject({ failureCount: 0, lastError: null, etag: '"v2"' })
  })

  it('publishes straight away when the subscription says so', async () => {
    const name = feedName()
    const t0 = futureTime()
    await scriptFeed(name, { body: rssFeed([{ guid: `${name}-1`, title: 'Ceasefire holds' }]) })
    const id = await subscribeTo(name, t0, 'publish')
    const outcome = outcomeOf(await pollAt(t0), testFeedTask.name)
    expect(outcome.counts).toMatchObject({ created: 1, published: 1 })
    const [article] = await articlesFrom(id)
    expect(article?.status).toBe('published')
  })

  it('makes scripts, iframes and javascript: links in agency copy inert', async () => {
    const name = feedName()
    const t0 = futureTime()
    const body =
      '<p>Calm returned.</p><script>alert(1)</script><iframe src="https://evil.example/"></iframe><p><a href="javascript:alert(2)">Click</a> <a href="https://wire.example/more">More</a></p>'
    await scriptFeed(name, { body: rssFeed([{ guid: `${name}-1`, title: 'Calm returns', body }]) })
    const id = await subscribeTo(name, t0)
    await pollAt(t0)
    const [article] = await articlesFrom(id)
    const page = parse(article?.bodyHtml ?? '')
    expect(page.querySelectorAll('script, iframe')).toHaveLength(0)
    expect(page.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      'https://wire.example/more',
    ])
    expect(page.textContent).toContain('Calm returned.')
  })

  it('backs off a failing feed, shows why, and neither stops the other feeds nor other tasks', async () => {
    const broken = feedName()
    const healthy = feedName()
    const t0 = futureTime()
    await scriptFeed(broken, { status: 500, body: 'down' })
    await scriptFeed(healthy, {
      body: rssFeed([{ guid: `${healthy}-1`, title: 'Rail strike called off' }]),
    })
    const brokenId = await subscribeTo(broken, t0)
    const healthyId = await subscribeTo(healthy, t0)
    let probeRuns = 0
    const probe: Job = {
      name: `test-probe-${broken}`,
      leaseMs: 60_000,
      run: async () => ({ counts: { runs: ++probeRuns } }),
    }

    const outcomes = await pollAt(t0, { jobs: [testFeedTask, probe] })
    // The run's counts take in other files' feeds due by then too: these two are judged below by
    // their own rows and articles.
    const { status, counts } = outcomeOf(outcomes, testFeedTask.name)
    expect(status).toBe('ok')
    expect(counts?.failed).toBeGreaterThanOrEqual(1)
    expect(counts?.created).toBeGreaterThanOrEqual(1)
    expect(outcomeOf(outcomes, probe.name).status).toBe('ok')
    expect(probeRuns).toBe(1)
    expect(await articlesFrom(healthyId)).toHaveLength(1)
    expect(await feedRow(brokenId)).toMatchObject({
      failureCount: 1,
      lastError: 'The feed answered HTTP 500.',
      nextAttemptAt: new Date(t0 + 5 * MINUTE),
    })

    // Before the backoff ends, the broken feed is left alone.
    await pollAt(t0 + MINUTE)
    expect(await feedLog(broken)).toHaveLength(1)
    // After it, one more try, and the wait doubles.
    await pollAt(t0 + 6 * MINUTE)
    expect(await feedLog(broken)).toHaveLength(2)
    expect(await feedRow(brokenId)).toMatchObject({
      failureCount: 2,
      nextAttemptAt: new Date(t0 + 16 * MINUTE),
    })
    // Once it answers again, it is healthy again.
    await scriptFeed(broken, {
      body: rssFeed([{ guid: `${broken}-1`, title: 'Service restored' }]),
    })
    await pollAt(t0 + 16 * MINUTE)
    expect(await feedRow(brokenId)).toMatchObject({ failureCount: 0, lastError: null })
    expect(await articlesFrom(brokenId)).toHaveLength(1)
  })

  it('leaves items past the budget of a run for the next poll, which is not answered 304', async () => {
    const name = feedName()
    const t0 = futureTime()
    const items = [3, 2, 1].map((n) => ({ guid: `${name}-${n}`, title: `Wire story ${n}` }))
    await scriptFeed(name, { body: rssFeed(items), etag: '"same"' })
    const id = await subscribeTo(name, t0)
    const due = async (time: number) => {
      const found = await listDueAgencyFeeds(testDb(), new Date(time), 1000)
      const feed = found.find((candidate) => candidate.id === id)
      if (!feed) throw new Error('the feed is not due')
      return feed
    }
    const deps = (time: number) => ({
      db: testDb(),
      now: new Date(time),
      siteLanguage: 'en',
      purge: async () => ({ paths: [], tags: [], deleted: 0, failures: [] }),
    })
    const first = await pollAgencyFeed(deps(t0), await due(t0), { allowPrivate: true }, 2)
    expect(first).toMatchObject({ status: 'ok', report: { created: 2, remaining: 1 } })
    const second = await pollAgencyFeed(
      deps(t0 + MINUTE),
      await due(t0 + MINUTE),
      { allowPrivate: true },
      2,
    )
    expect(second).toMatchObject({ status: 'ok', report: { created: 1, remaining: 0 } })
    expect((await feedLog(name)).map((entry) => entry.ifNoneMatch)).toEqual([null, null])
    expect((await articlesFrom(id)).map((article) => article.title)).toEqual([
      'Wire story 1',
      'Wire story 2',
      'Wire story 3',
    ])
  })

  it('records a malformed feed as failing, with the line and column', async () => {
    const name = feedName()
    const t0 = futureTime()
    await scriptFeed(name, { body: '<rss version="2.0"><channel><item></channel></rss>' })
    const id = await subscribeTo(name, t0)
    await pollAt(t0)
    expect((await feedRow(id))?.lastError).toMatch(/not well-formed XML \(line 1, column \d+\)/)
  })
})

describe('the SSRF guard in the cron', () => {
  it('refuses a feed on a loopback address unless local development allows it, without requesting it', async () => {
    const name = feedName()
    const t0 = futureTime()
    await scriptFeed(name, { body: rssFeed([{ guid: `${name}-1`, title: 'Internal' }]) })
    const id = await subscribeTo(name, t0)
    await pollAt(t0, { allowPrivate: false })
    expect(await feedLog(name)).toHaveLength(0)
    expect((await feedRow(id))?.lastError).toMatch(/private or local network/)
    expect(await articlesFrom(id)).toHaveLength(0)
  })

  it('checks every redirect hop like the first, and follows at most three', async () => {
    const start = feedName()
    const target = feedName()
    const t0 = futureTime()
    await scriptFeed(target, { body: rssFeed([{ guid: `${target}-1`, title: 'Moved feed' }]) })
    await scriptFeed(start, { status: 301, location: `/feeds/${target}` })
    const moved = await subscribeTo(start, t0)
    await pollAt(t0)
    expect(await articlesFrom(moved)).toHaveLength(1)

    const toMetadata = feedName()
    await scriptFeed(toMetadata, { status: 302, location: 'file:///etc/passwd' })
    const refused = await subscribeTo(toMetadata, t0)
    const loop = feedName()
    await scriptFeed(loop, { status: 302, location: `/feeds/${loop}` })
    const looping = await subscribeTo(loop, t0)
    await pollAt(t0 + MINUTE)
    expect((await feedRow(refused))?.lastError).toMatch(/^Redirect refused: Only http/)
    expect((await feedRow(looping))?.lastError).toBe('The feed redirected more than 3 times.')
    expect(await feedLog(loop)).toHaveLength(4)
  })
})
