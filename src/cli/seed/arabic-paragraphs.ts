// Sentence and paragraph templates for the Arabic edition's generated news stories.

/**
 * Slots: {verb} the past-tense verb agreeing with the actor, {full} the actor, {object} the
 * preposition and the thing, {place}, {weekday}, {source}, {fact}, {fact2} and {quote}.
 * Sentences open with the verb, as Arabic news prose does.
 */
export const AR_LEADS: readonly string[] = [
  '{verb} {full} {object} يوم {weekday}، بحسب {source}. {fact}',
  '{verb} {full} {object}، وفق ما أفادت {source} يوم {weekday}. {fact}',
]

export const AR_PARAGRAPHS: readonly string[] = [
  'وقال مسؤول في {place} إن المسألة ستبقى مطروحة على جدول الأعمال خلال الأسابيع المقبلة. {fact}',
  '{fact} {fact2}',
  'وأشار مراقبون إلى أن هذا الملف طُرح مرارًا في الأشهر الأخيرة من دون نتيجة واضحة. {fact}',
  'وقال متحدث: «{quote}»، مضيفًا أن مزيدًا من التفاصيل سيُعلَن لاحقًا.',
  'ولم يردّ المسؤولون في {place} فورًا على طلبات التعليق. {fact}',
  '{fact} في المقابل، رأى منتقدون أن هذه المقاربة تترك أسئلة مهمة بلا إجابة.',
  'ومن المتوقع صدور إعلانات جديدة قبل نهاية الشهر، بحسب {source}.',
  'وجاءت ردود الفعل في {place} حذرة، إذ نبّه معلّقون إلى عدم المبالغة في قراءة إعلان واحد.',
]

export const AR_QUOTES: readonly string[] = [
  'نتابع هذا الملف عن كثب',
  'لم يُتَّخذ أي قرار بعد، لكن هذه أولوية',
  'هذه خطوة وليست حلًّا',
  'سنحكم على النتائج لا على التصريحات',
  'التفاصيل أهم من العناوين',
]

/** Background once a theme's own facts run out. */
export const AR_FILLERS: readonly string[] = [
  'لم يحدّد المسؤولون جدولًا زمنيًا لاتخاذ قرار.',
  'من المتوقع أن تُطرح المسألة في اجتماعات دولية مقبلة.',
  'يقول دبلوماسيون إن النقاشات مستمرة بعيدًا عن الأضواء.',
  'تعثّرت مقترحات مماثلة في الماضي بسبب مسائل التمويل والرقابة.',
]

export const AR_LIST_INTRO = 'أبرز النقاط:'
