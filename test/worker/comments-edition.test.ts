// Comment answers speak the edition of the page the form was on: its labels, its errors, its notices.
import { describe, expect, it } from 'vitest'
import { comments } from '../../src/db/schema'
import { ar } from '../../src/lib/i18n/ar'
import { key, post, storedComments } from './comment-post-helpers'
import { insertArticle, testDb } from './fixtures'
import { html, request } from './helpers'

describe('comment answers in the reader’s edition', () => {
  it('puts the page’s edition in the comment form of an Arabic article', async () => {
    const article = await insertArticle({ language: 'ar' })
    const page = await html(await request(`/news/${article.slug}`))
    const form = page.querySelector('#comment-form')
    expect(form?.querySelector('input[name="edition"]')?.getAttribute('value')).toBe('ar')
  })

  it('answers a bad comment on an Arabic article in Arabic, with the reader’s text back', async () => {
    const article = await insertArticle({ language: 'ar' })
    const body = 'تعليق بلا اسم، يجب أن يعود كما كُتب.'
    const response = await post(
      article.id,
      { author_name: ' ', body, idempotency_key: key(), edition: 'ar' },
      { htmx: true },
    )
    expect(response.status).toBe(422)
    const form = await html(response)
    expect(form.querySelector('#comment-form-authorName-error')?.text).toBe(
      ar['problem.nameMissing'],
    )
    expect(form.querySelector('label[for="comment-form-author"]')?.text).toBe(ar['form.name'])
    expect(form.querySelector('textarea')?.text).toBe(body)
    expect(form.querySelector('input[name="edition"]')?.getAttribute('value')).toBe('ar')
    expect(await storedComments(article.id)).toHaveLength(0)
  })

  it('titles the comments page of an Arabic article in Arabic', async () => {
    const article = await insertArticle({ language: 'ar' })
    const page = await html(await request(`/news/${article.slug}/comments`))
    expect(page.querySelector('html')?.getAttribute('dir')).toBe('rtl')
    expect(page.querySelector('h1')?.text).toBe(`التعليقات على «${article.title}»`)
    expect(page.querySelector('.back-link a')?.text).toBe(ar['comments.backToArticle'])
    expect(page.querySelector('#comments-heading')?.text).toBe('لا تعليقات')
    expect(page.querySelector('title')?.text).toContain(`التعليقات: ${article.title}`)
  })

  it('says a service’s refusal in Arabic too: comments closed on an Arabic article', async () => {
    const article = await insertArticle({ language: 'ar', commentsClosed: true })
    const fields = { author_name: 'سامي', body: 'رأيي في الخبر.', idempotency_key: key() }
    const response = await post(article.id, { ...fields, edition: 'ar' }, { htmx: true })
    expect(response.status).toBe(403)
    const form = await html(response)
    expect(form.querySelector('.notice--error')?.text).toBe(ar['comments.closed'])
    expect(form.querySelector('textarea')?.text).toBe(fields.body)
  })

  it('answers in Arabic without JavaScript, on a page that is Arabic and right to left', async () => {
    const article = await insertArticle({ language: 'ar' })
    const response = await post(article.id, {
      author_name: 'سامي',
      body: '',
      idempotency_key: key(),
      edition: 'ar',
    })
    expect(response.status).toBe(422)
    const page = await html(response)
    const root = page.querySelector('html')
    expect([root?.getAttribute('lang'), root?.getAttribute('dir')]).toEqual(['ar', 'rtl'])
    expect(page.querySelector('#comment-form-body-error')?.text).toBe(ar['problem.bodyMissing'])
    expect(page.querySelector('#comment-form-author')?.getAttribute('value')).toBe('سامي')
  })

  it('falls back to the default edition for an edition nobody configured', async () => {
    const article = await insertArticle()
    const response = await post(
      article.id,
      { author_name: '', body: 'Text', idempotency_key: key(), edition: 'xx' },
      { htmx: true },
    )
    const form = await html(response)
    expect(form.querySelector('#comment-form-authorName-error')?.text).toBe(
      'Please enter your name.',
    )
  })

  it('shows an Arabic article’s comments page and its next-page fragment in Arabic', async () => {
    const article = await insertArticle({ language: 'ar' })
    const name = 'ليلى'
    await testDb().insert(comments).values({
      articleId: article.id,
      authorName: name,
      body: 'تعليق منشور.',
      status: 'approved',
      createdAt: new Date(),
      ipHash: 'test',
      idempotencyKey: key(),
    })
    const page = await html(await request(`/news/${article.slug}/comments`))
    expect(page.querySelector('html')?.getAttribute('dir')).toBe('rtl')
    expect(page.querySelector('#comment-form input[name="edition"]')?.getAttribute('value')).toBe(
      'ar',
    )
    const fragment = await html(
      await request(`/fragments/articles/${article.id}/comments`, {
        headers: { 'HX-Request': 'true' },
      }),
    )
    expect(fragment.querySelector('li.comment article')?.getAttribute('aria-label')).toBe(
      ar['comments.by'].replace('{name}', name),
    )
  })

  it('asks for an Arabic reply form from an Arabic article, and gets one in Arabic', async () => {
    const article = await insertArticle({ language: 'ar' })
    const [comment] = await testDb()
      .insert(comments)
      .values({
        articleId: article.id,
        authorName: 'سامي',
        body: 'تعليق للرد عليه.',
        status: 'approved',
        createdAt: new Date(),
        ipHash: 'test',
        idempotencyKey: key(),
      })
      .returning({ id: comments.id })
    const page = await html(await request(`/news/${article.slug}`))
    const link = page.querySelector(`#comment-${comment?.id} .comment__reply`)
    const path = link?.getAttribute('data-hx-get') ?? ''
    expect(path).toBe(
      `/fragments/articles/${article.id}/comments/${comment?.id}/reply-form?edition=ar`,
    )
    const form = await html(await request(path, { headers: { 'HX-Request': 'true' } }))
    expect(form.querySelector('input[name="edition"]')?.getAttribute('value')).toBe('ar')
    expect(form.querySelector('h3')?.text).toBe(
      ar['form.replyTo'].replace('{name}', ar['form.thisComment']),
    )
  })
})
