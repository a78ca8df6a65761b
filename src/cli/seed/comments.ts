// Demo comments: mostly approved, some pending, a little spam, and one level of replies.
import type { CommentStatus } from '../../db/schema'
import { createRng, type Rng } from './random'
import { DAY, MINUTE, type SeedTarget } from './types'

const SEED = 7_022_025
const SECOND = 1000

/** Ids are explicit so replies can point at their parents inside the same batch. */
export interface CommentSeed {
  id: number
  articleId: number
  parentId: number | null
  authorName: string
  body: string
  status: CommentStatus
  createdAgo: number
  ipHash: string
}

const AUTHORS = [
  ...['Rania K.', 'Georges H.', 'Fatima Z.', 'Marc D.', 'Ali Mansour', 'Nadine', 'Samir B.'],
  ...['Claire M.', 'Youssef', 'Hiba S.', 'John T.', 'Layla A.', 'Pierre L.', 'Ziad R.'],
  ...['Mona', 'Tarek Haddad', 'Elena V.', 'Karim', 'Joumana F.', 'Ahmad N.', 'Sophie'],
]

const TOP_LEVEL = [
  'Thank you for the clear summary.',
  'Interesting, but I would like to know more about what happens next.',
  'This confirms what many of us expected.',
  'Finally some good news. Let us hope it lasts.',
  'I am not convinced this will change anything on the ground.',
  'Good reporting, as always.',
  'Does anyone know when the full text will be published?',
  'The last paragraph says it all.',
  'We have heard these promises before.',
  'A balanced article. Thank you.',
  'Important story. It deserves more attention.',
  'Could you follow up on this next week?',
  'The situation is more complicated than the headlines suggest.',
  'This affects all of us in the region.',
]

const REPLIES = [
  'I agree with you completely.',
  'Respectfully, I see it differently.',
  'Good point, I had not thought of that.',
  'The article answers this further down.',
  'Let us wait and see before judging.',
  'Exactly what I was thinking.',
  'Do you have a source? I would like to read more.',
  'Thanks, that is helpful context.',
]

/** Readers' reactions to the reference article, so its long comment list reads naturally. */
const ON_REFERENCE = [
  'A phone call is better than silence. Dialogue is always the way forward.',
  'Nearly three years without a conversation says a lot about where things stand.',
  'Interesting that the Middle East was on the agenda as well as Ukraine.',
  'Macron has changed his tone a lot since 2022.',
  'Let us see if this call leads to anything concrete.',
  'The part about non-proliferation is the most important in my view.',
  'Europe needs its own channel to Moscow, whatever one thinks of the war.',
  'Good that both sides agreed to stay in touch.',
  'Who asked for the call? The article does not say.',
  'Hopefully this is the start of real negotiations.',
  'The Kremlin readout and the Élysée readout probably read very differently.',
]

const SPAM = [
  'Earn money from home!!! Visit https://spam.example/offer',
  'Cheap watches, best prices: https://deals.example',
]
const REJECTED = ['Off topic: does anyone know a good mechanic in Jounieh?', 'Nothing but lies!!!']

/** Comments for published articles; `reference` gets a long approved thread and two pending. */
export function generateComments(
  targets: readonly SeedTarget[],
  referenceId: number,
): CommentSeed[] {
  const rng = createRng(SEED)
  const { comments: out, add } = createCommentWriter(rng, AUTHORS, 1, 3 * DAY)
  const published = targets.filter((t) => t.article.status === 'published')
  for (const target of published) {
    if (target.id === referenceId) {
      writeReferenceThread(rng, target, add)
      continue
    }
    if (!rng.chance(0.45)) continue
    for (let i = rng.int(1, 5); i > 0; i--) {
      const top = add(target, null, rng.pick(TOP_LEVEL), rng.chance(0.88) ? 'approved' : 'pending')
      if (top.status !== 'approved' || !rng.chance(0.3)) continue
      for (let r = rng.int(1, 2); r > 0; r--) {
        add(target, top, rng.pick(REPLIES), rng.chance(0.9) ? 'approved' : 'pending')
      }
    }
  }
  // A little moderation work on recent stories, for the editor's queue.
  const recent = published.filter((t) => (t.article.publishedAgo ?? 0) < 10 * DAY)
  for (const body of SPAM) add(rng.pick(recent), null, body, 'spam')
  for (const body of REJECTED) add(rng.pick(recent), null, body, 'rejected')
  return out
}

type AddComment = (
  target: SeedTarget,
  parent: CommentSeed | null,
  body: string,
  status: CommentStatus,
) => CommentSeed

/**
 * Collects comments as `add` writes them, with ids from `firstId`. Replies come after their
 * parent; top-level comments within `span` of publication. Each reader gets one fake hash, as a
 * salted hash of a real address would behave.
 */
export function createCommentWriter(
  rng: Rng,
  authors: readonly string[],
  firstId: number,
  span: number,
): { comments: CommentSeed[]; add: AddComment } {
  const hashes = new Map(authors.map((name) => [name, rng.hex(64)]))
  const comments: CommentSeed[] = []
  const add: AddComment = (target, parent, body, status) => {
    const published = target.article.publishedAgo ?? 0
    const ago = parent
      ? parent.createdAgo * (0.2 + 0.7 * rng.next())
      : published - MINUTE - Math.min(published - 2 * MINUTE, span) * rng.next()
    const authorName = rng.pick(authors)
    const comment: CommentSeed = {
      id: firstId + comments.length,
      articleId: target.id,
      parentId: parent?.id ?? null,
      authorName,
      body,
      status,
      createdAgo: Math.floor(ago / SECOND) * SECOND,
      ipHash: hashes.get(authorName) as string,
    }
    comments.push(comment)
    return comment
  }
  return { comments, add }
}

function writeReferenceThread(rng: Rng, target: SeedTarget, add: AddComment) {
  const bodies = [...ON_REFERENCE, ...rng.sample(TOP_LEVEL, TOP_LEVEL.length)]
  const tops = bodies.slice(0, 22).map((body) => add(target, null, body, 'approved'))
  for (const parent of rng.sample(tops, 8)) add(target, parent, rng.pick(REPLIES), 'approved')
  add(target, null, 'Will there be a second call before the summer?', 'pending')
  add(target, null, 'Please publish the full Élysée statement too.', 'pending')
}
