// The author profile form's fields: name, slug, role, bio, photo, links and the linked account.
import type { UserListItem } from '../../../db/queries/users'
import { Field, fieldAria } from './field'

export interface AuthorFormValues {
  name: string
  slug: string
  jobTitle: string
  bio: string
  photoUrl: string
  photoAlt: string
  links: string
  userId: string
}

export const EMPTY_AUTHOR: AuthorFormValues = {
  name: '',
  slug: '',
  jobTitle: '',
  bio: '',
  photoUrl: '',
  photoAlt: '',
  links: '',
  userId: '',
}

export function AuthorFields(props: {
  values: AuthorFormValues
  errors: Record<string, string>
  users: UserListItem[]
}) {
  const { values, errors, users } = props
  return (
    <>
      <Field id="author-name" label="Name" error={errors.name}>
        <input
          {...fieldAria('author-name', errors.name)}
          name="name"
          value={values.name}
          required
        />
      </Field>
      <Field
        id="author-slug"
        label="Slug"
        error={errors.slug}
        hint="Their page's address, /author/<slug>. Left empty, it is made from the name."
      >
        <input {...fieldAria('author-slug', errors.slug, true)} name="slug" value={values.slug} />
      </Field>
      <Field id="author-role" label="Role or title" error={errors.jobTitle}>
        <input
          {...fieldAria('author-role', errors.jobTitle)}
          name="job_title"
          value={values.jobTitle}
        />
      </Field>
      <Field id="author-bio" label="Short bio" error={errors.bio} hint="Markdown, like articles.">
        <textarea {...fieldAria('author-bio', errors.bio, true)} name="bio" rows={5}>
          {values.bio}
        </textarea>
      </Field>
      <Field
        id="author-photo"
        label="Photo address"
        error={errors.photoUrl}
        hint="An image from the media library (/media/…) or an https:// address."
      >
        <input
          {...fieldAria('author-photo', errors.photoUrl, true)}
          name="photo_url"
          value={values.photoUrl}
        />
      </Field>
      <Field id="author-photo-alt" label="Photo description" error={errors.photoAlt}>
        <input
          {...fieldAria('author-photo-alt', errors.photoAlt)}
          name="photo_alt"
          value={values.photoAlt}
        />
      </Field>
      <Field
        id="author-links"
        label="Links"
        error={errors.links}
        hint="One a line: a label, then the address, e.g. “Website https://example.org”."
      >
        <textarea {...fieldAria('author-links', errors.links, true)} name="links" rows={3}>
          {values.links}
        </textarea>
      </Field>
      <Field
        id="author-user"
        label="Newsroom account"
        error={errors.userId}
        hint="Optional: agency and contributor bylines have none."
      >
        <select {...fieldAria('author-user', errors.userId, true)} name="user_id">
          <option value="">No account</option>
          {users.map((user) => (
            <option value={String(user.id)} selected={values.userId === String(user.id)}>
              {`${user.name} (${user.role})`}
            </option>
          ))}
        </select>
      </Field>
    </>
  )
}
