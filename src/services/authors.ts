// Author profiles in the newsroom: create and edit (editors), delete when bylineless, merge (admins).
import { isAuthorSlugTaken } from '../db/queries/authors'
import {
  countAuthorArticles,
  deleteAuthor,
  findAuthor,
  insertAuthor,
  mergeAuthors,
  updateAuthor,
} from '../db/queries/editor-authors'
import { AppError } from '../lib/errors'
import type { AuthorInput } from './author-input'
import type { EditorialDeps } from './editorial'
import { InvalidFields } from './editorial-input'
import { type Actor, can } from './editorial-permissions'
import { renderMarkdownWithMedia } from './markdown-media'

function requireEditor(actor: Actor) {
  if (!can(actor, 'articles:edit-any')) {
    throw new AppError('FORBIDDEN', 'Only editors can change author profiles.')
  }
}

async function requireFreeSlug(deps: EditorialDeps, slug: string, exceptId?: number) {
  if (await isAuthorSlugTaken(deps.db, slug, exceptId)) {
    throw new InvalidFields({ slug: `Another author already uses “${slug}”.` })
  }
}

async function rowOf(deps: EditorialDeps, input: AuthorInput) {
  const now = deps.now
  return {
    slug: input.slug,
    name: input.name,
    jobTitle: input.jobTitle,
    bioMd: input.bioMd,
    // The same Markdown sanitiser as article bodies: nothing an editor types reaches a reader raw.
    bioHtml: await renderMarkdownWithMedia(deps.db, input.bioMd),
    photoUrl: input.photoUrl,
    photoAlt: input.photoAlt,
    links: JSON.stringify(input.links),
    userId: input.userId,
    updatedAt: now,
  }
}

export async function createAuthor(deps: EditorialDeps, actor: Actor, input: AuthorInput) {
  requireEditor(actor)
  await requireFreeSlug(deps, input.slug)
  return insertAuthor(deps.db, await rowOf(deps, input), {
    userId: actor.id,
    action: 'author.create',
    targetType: 'author',
    targetId: null,
    detail: { slug: input.slug },
  })
}

export async function editAuthor(
  deps: EditorialDeps,
  actor: Actor,
  id: number,
  input: AuthorInput,
) {
  requireEditor(actor)
  const current = await findAuthor(deps.db, id)
  if (!current) throw new AppError('NOT_FOUND', 'There is no such author.')
  await requireFreeSlug(deps, input.slug, id)
  await updateAuthor(deps.db, id, await rowOf(deps, input), {
    userId: actor.id,
    action: 'author.update',
    targetType: 'author',
    targetId: id,
    detail: current.slug === input.slug ? {} : { previousSlug: current.slug },
  })
  await deps.purge([{ kind: 'author', slugs: [...new Set([current.slug, input.slug])] }])
}

/** Refused while any article names them: reassign or merge first. */
export async function removeAuthor(deps: EditorialDeps, actor: Actor, id: number) {
  requireEditor(actor)
  const author = await findAuthor(deps.db, id)
  if (!author) throw new AppError('NOT_FOUND', 'There is no such author.')
  const articles = await countAuthorArticles(deps.db, id)
  if (articles > 0) {
    throw new AppError(
      'CONFLICT',
      `${author.name} is on the byline of ${articles} article${articles === 1 ? '' : 's'}; reassign them or merge this author into another first.`,
    )
  }
  await deleteAuthor(deps.db, id, {
    userId: actor.id,
    action: 'author.delete',
    targetType: 'author',
    targetId: id,
    detail: { slug: author.slug, name: author.name },
  })
}

/** Admins only: `fromId`'s bylines move to `intoId`, whose page answers the old slug too. */
export async function mergeAuthor(
  deps: EditorialDeps,
  actor: Actor,
  fromId: number,
  intoId: number,
) {
  if (!can(actor, 'users:manage')) throw new AppError('FORBIDDEN', 'Only admins can merge authors.')
  if (fromId === intoId)
    throw new InvalidFields({ into: 'Choose a different author to merge into.' })
  const [from, into] = await Promise.all([findAuthor(deps.db, fromId), findAuthor(deps.db, intoId)])
  if (!from) throw new AppError('NOT_FOUND', 'There is no such author.')
  if (!into) throw new InvalidFields({ into: 'Choose the author to merge into.' })
  const moved = await mergeAuthors(deps.db, fromId, into, from.slug, {
    userId: actor.id,
    action: 'author.merge',
    targetType: 'author',
    targetId: intoId,
    detail: { from: { id: from.id, slug: from.slug, name: from.name }, into: into.slug },
  })
  await deps.purge([{ kind: 'author', slugs: [from.slug, into.slug], articleIds: moved }])
}
