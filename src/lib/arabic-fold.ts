// Folds Arabic spelling variants to one form, so search matches with or without tashkeel.

/**
 * Dropped: the harakat (U+064B–U+0652: tanwin, fatha, damma, kasra, shadda, sukun), the madda and
 * hamza above and below that a decomposed آ, أ or إ carries (U+0653–U+0655), the superscript alef
 * (U+0670) and the tatweel (U+0640), which only stretches a word. U+0656–U+065F (Quranic and
 * non-Arabic marks) are left alone: SQLite's parser allows about 26 nested calls, and each folded
 * character is one more replace() in the triggers (see foldArabicSql).
 */
const DROPPED: readonly number[] = [
  ...Array.from({ length: 0x0655 - 0x064b + 1 }, (_, i) => 0x064b + i),
  0x0670,
  0x0640,
]

/**
 * Folded, as Arabic search engines commonly do, because writers and readers use these forms
 * interchangeably: every alef with hamza or madda, and the alef wasla, to a bare alef; the alef
 * maqsura to ya (Egyptian usage writes final ي as ى); the hamza seats of waw and ya to the bare
 * letters; and the ta marbuta to ha, since a final ة is often typed as ه. The standalone hamza ء
 * stays: dropping it would merge words that differ by more than spelling.
 */
const FOLDED: readonly (readonly [number, number])[] = [
  [0x0623, 0x0627], // أ → ا
  [0x0625, 0x0627], // إ → ا
  [0x0622, 0x0627], // آ → ا
  [0x0671, 0x0627], // ٱ → ا
  [0x0649, 0x064a], // ى → ي
  [0x0624, 0x0648], // ؤ → و
  [0x0626, 0x064a], // ئ → ي
  [0x0629, 0x0647], // ة → ه
]

const DROP_PATTERN = new RegExp(`[${DROPPED.map(escapeCode).join('')}]`, 'gu')
const FOLD_MAP = new Map(FOLDED.map(([from, to]) => [String.fromCodePoint(from), to]))
const FOLD_PATTERN = new RegExp(`[${FOLDED.map(([from]) => escapeCode(from)).join('')}]`, 'gu')
/** Every character above lies in this block, so text without it is returned untouched. */
const ARABIC = /[\u0600-\u06ff]/u

function escapeCode(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`
}

/** The text search indexes and queries for `text`; anything but the characters above is kept. */
export function foldArabic(text: string): string {
  if (!ARABIC.test(text)) return text
  return text
    .replace(DROP_PATTERN, '')
    .replace(FOLD_PATTERN, (letter) => String.fromCodePoint(FOLD_MAP.get(letter) as number))
}

/**
 * The same fold as an SQL expression over `column`, for the FTS5 triggers (migrations/0013),
 * since libSQL runs no JavaScript: nested replace() calls with char() codes, so no invisible
 * combining mark ever sits in a migration file. A test checks the migration says exactly this.
 */
export function foldArabicSql(column: string): string {
  let sql = column
  for (const code of DROPPED) sql = `replace(${sql}, char(${code}), '')`
  for (const [from, to] of FOLDED) sql = `replace(${sql}, char(${from}), char(${to}))`
  return sql
}
