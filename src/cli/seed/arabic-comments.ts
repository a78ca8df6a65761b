// A few Arabic comments: a thread on the reference translation and some on other Arabic stories.
import type { CommentStatus } from '../../db/schema'
import { AR_REFERENCE_COMMENTS } from './arabic-reference'
import { AR_COMMENTERS } from './arabic-words'
import type { CommentSeed } from './comments'
import { createRng } from './random'
import { type ArticleSeed, DAY, MINUTE } from './types'

const SEED = 3_072_025
const SECOND = 1000

const TOP_LEVEL = [
  'شكرًا على هذا التقرير الواضح.',
  'مقال مهم، نأمل متابعة الموضوع في الأيام المقبلة.',
  'سمعنا هذه الوعود من قبل.',
  'الوضع أكثر تعقيدًا مما توحي به العناوين.',
  'هل من موعد لنشر النص الكامل للبيان؟',
  'تغطية متوازنة كالعادة.',
  'هذا الخبر يعني الكثير لنا في المنطقة.',
]

const REPLIES = [
  'أوافقك الرأي تمامًا.',
  'مع احترامي، أرى الأمر بشكل مختلف.',
  'نقطة مهمة، لم أفكّر فيها.',
  'الجواب موجود في آخر المقال.',
]

interface Target {
  id: number
  article: ArticleSeed
}

/**
 * Comments on published Arabic articles, with ids from `firstId`: the reference translation gets
 * every reaction in AR_REFERENCE_COMMENTS, a reply and one comment awaiting moderation.
 */
export function generateArabicComments(
  targets: readonly Target[],
  referenceId: number,
  firstId: number,
): CommentSeed[] {
  const rng = createRng(SEED)
  const hashes = new Map(AR_COMMENTERS.map((name) => [name, rng.hex(64)]))
  const out: CommentSeed[] = []
  const add = (target: Target, parent: CommentSeed | null, body: string, status: CommentStatus) => {
    const published = target.article.publishedAgo ?? 0
    const ago = parent
      ? parent.createdAgo * (0.2 + 0.7 * rng.next())
      : published - MINUTE - Math.min(published - 2 * MINUTE, 2 * DAY) * rng.next()
    const authorName = rng.pick(AR_COMMENTERS)
    const comment: CommentSeed = {
      id: firstId + out.length,
      articleId: target.id,
      parentId: parent?.id ?? null,
      authorName,
      body,
      status,
      createdAgo: Math.floor(ago / SECOND) * SECOND,
      ipHash: hashes.get(authorName) as string,
    }
    out.push(comment)
    return comment
  }

  for (const target of targets) {
    if (target.article.status !== 'published') continue
    if (target.id === referenceId) {
      const tops = AR_REFERENCE_COMMENTS.map((body) => add(target, null, body, 'approved'))
      add(target, rng.pick(tops), rng.pick(REPLIES), 'approved')
      add(target, null, 'هل سيكون هناك اتصال ثانٍ قبل الصيف؟', 'pending')
      continue
    }
    if (!rng.chance(0.3)) continue
    for (let i = rng.int(1, 3); i > 0; i--) {
      const top = add(target, null, rng.pick(TOP_LEVEL), 'approved')
      if (rng.chance(0.3)) add(target, top, rng.pick(REPLIES), 'approved')
    }
  }
  return out
}
