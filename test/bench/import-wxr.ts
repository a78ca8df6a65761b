// Writes a synthetic WXR file of N posts (block markup, categories, tags, a comment each), streamed.

import { once } from 'node:events'
import { createWriteStream } from 'node:fs'

const SECTIONS = ['politics', 'economy', 'culture', 'sports', 'science', 'world']
const TAGS = ['beirut', 'elections', 'markets', 'football', 'climate', 'health', 'energy', 'film']

function post(i: number): string {
  const section = SECTIONS[i % SECTIONS.length]
  const tag = TAGS[i % TAGS.length]
  const day = String((i % 28) + 1).padStart(2, '0')
  return `<item><title>Story ${i} &amp; its “headline”</title><link>https://bench.example/2025/03/${day}/story-${i}/</link>
<dc:creator><![CDATA[desk]]></dc:creator><guid isPermaLink="false">https://bench.example/?p=${i}</guid>
<content:encoded><![CDATA[<!-- wp:paragraph --><p>Paragraph one of story ${i}, with <strong>bold</strong> and a <a href="https://example.org/${i}">link</a>.</p><!-- /wp:paragraph -->
<!-- wp:heading --><h2>Background</h2><!-- /wp:heading -->
<!-- wp:paragraph --><p>${'Reporting from the scene continues as officials meet. '.repeat(8)}</p><!-- /wp:paragraph -->
<!-- wp:list --><ul><li>First point</li><li>Second point</li></ul><!-- /wp:list -->]]></content:encoded>
<excerpt:encoded><![CDATA[Summary of story ${i}.]]></excerpt:encoded>
<wp:post_id>${i}</wp:post_id><wp:post_date><![CDATA[2025-03-${day} 10:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2025-03-${day} 08:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[story-${i}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_parent>0</wp:post_parent>
<wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="${section}"><![CDATA[${section}]]></category><category domain="post_tag" nicename="${tag}"><![CDATA[${tag}]]></category>
<wp:comment><wp:comment_id>${i}</wp:comment_id><wp:comment_author><![CDATA[Reader]]></wp:comment_author><wp:comment_date_gmt><![CDATA[2025-03-${day} 09:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[A comment.]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item>
`
}

/** Writes `posts` posts to `file`, a few hundred at a time, so the generator stays small too. */
export async function writeWxr(file: string, posts: number): Promise<void> {
  const out = createWriteStream(file)
  out.write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[desk]]></wp:author_login><wp:author_display_name><![CDATA[News Desk]]></wp:author_display_name></wp:author>
${SECTIONS.map((s, i) => `<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename><![CDATA[${s}]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[${s}]]></wp:cat_name></wp:category>`).join('\n')}
`)
  for (let i = 1; i <= posts; i++) {
    if (!out.write(post(i))) await once(out, 'drain')
  }
  out.end('</channel></rss>\n')
  await once(out, 'finish')
}
