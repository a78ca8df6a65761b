// A comment's plain text: escaped by JSX, line breaks kept, http(s) links auto-linked as untrusted.
import { splitLinks } from '../../lib/autolink'

export function CommentBody({ text }: { text: string }) {
  const paragraphs = text.split(/\n{2,}/)
  // data-hx-ignore: htmx never processes attributes inside reader-written content.
  return (
    <div class="comment__body" data-hx-ignore>
      {paragraphs.map((paragraph) => (
        <p>
          {paragraph.split('\n').map((line, index) => (
            <>
              {index > 0 ? <br /> : null}
              {splitLinks(line).map((segment) =>
                segment.kind === 'link' ? (
                  <a href={segment.href} rel="nofollow ugc noopener">
                    {segment.text}
                  </a>
                ) : (
                  segment.text
                ),
              )}
            </>
          ))}
        </p>
      ))}
    </div>
  )
}
