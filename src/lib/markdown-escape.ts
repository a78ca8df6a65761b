// Plain text made safe to drop into Markdown: every character Markdown reads as markup is escaped.

/** Backslash-escapes what Markdown would read as markup, so the text stays text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]~<>|&!]/g, (char) => `\\${char}`)
    .replace(
      /^(\s*)([#+=-]|\d+[.)])/,
      (_, space: string, mark: string) => `${space}${mark.replace(/([#+=.)-])$/, '\\$1')}`,
    )
}
