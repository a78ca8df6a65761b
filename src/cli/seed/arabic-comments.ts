// A few Arabic comments: a thread on the reference translation and some on other Arabic stories.
import { AR_REFERENCE_COMMENTS } from './arabic-reference'
import { AR_COMMENTERS } from './arabic-words'
import { type CommentSeed, createCommentWriter } from './comments'
import { createRng } from './random'
import { DAY, type SeedTarget } from './types'

const SEED = 3_072_025

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

/**
 * Comments on published Arabic articles, with ids from `firstId`: the reference translation gets
 * every reaction in AR_REFERENCE_COMMENTS, a reply and one comment awaiting moderation.
 */
export function generateArabicComments(
  targets: readonly SeedTarget[],
  referenceId: number,
  firstId: number,
): CommentSeed[] {
  const rng = createRng(SEED)
  const { comments: out, add } = createCommentWriter(rng, AR_COMMENTERS, firstId, 2 * DAY)
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
