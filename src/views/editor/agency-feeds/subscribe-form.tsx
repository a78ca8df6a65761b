// The form that subscribes the newsroom to an agency feed: address, section, byline and mode.
import { CsrfField } from '../components/csrf-field'
import { Field, fieldAria } from '../components/field'

export interface SubscribeFormValues {
  url: string
  section: string
  byline: string
  mode: string
}

export const EMPTY_SUBSCRIPTION: SubscribeFormValues = {
  url: '',
  section: '',
  byline: 'Staff, Agencies',
  mode: 'draft',
}

export function SubscribeForm(props: {
  csrf: string
  sections: { slug: string; name: string }[]
  values: SubscribeFormValues
  errors: Record<string, string>
}) {
  const { csrf, sections, values, errors } = props
  return (
    <section class="panel" aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">Subscribe to a feed</h2>
      <form method="post" action="/editor/agency-feeds" class="editor-form" novalidate>
        <CsrfField token={csrf} />
        <Field
          id="feed-url"
          label="Feed address"
          error={errors.url}
          hint="An RSS or Atom feed on the public internet, e.g. https://wire.example/world.xml."
        >
          <input
            {...fieldAria('feed-url', errors.url, true)}
            name="url"
            type="url"
            inputmode="url"
            required
            maxlength={2000}
            value={values.url}
          />
        </Field>
        <Field id="feed-section" label="Section" error={errors.section}>
          <select {...fieldAria('feed-section', errors.section)} name="section" required>
            <option value="">Choose a section</option>
            {sections.map((section) => (
              <option value={section.slug} selected={values.section === section.slug}>
                {section.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="feed-byline"
          label="Byline"
          error={errors.byline}
          hint="Printed on every item, e.g. “Staff, Agencies”. Left empty, each item keeps its own author."
        >
          <input
            {...fieldAria('feed-byline', errors.byline, true)}
            name="byline"
            type="text"
            maxlength={200}
            value={values.byline}
          />
        </Field>
        <fieldset
          class="field-group"
          aria-invalid={errors.mode ? 'true' : undefined}
          aria-describedby={errors.mode ? 'feed-mode-error' : undefined}
        >
          <legend>New items</legend>
          <div class="field field--checkbox">
            <input
              id="feed-mode-draft"
              name="mode"
              type="radio"
              value="draft"
              checked={values.mode === 'draft'}
            />
            <label for="feed-mode-draft">Arrive as drafts for an editor to check</label>
          </div>
          <div class="field field--checkbox">
            <input
              id="feed-mode-publish"
              name="mode"
              type="radio"
              value="publish"
              checked={values.mode === 'publish'}
            />
            <label for="feed-mode-publish">Are published straight away</label>
          </div>
          {errors.mode ? (
            <p class="field-error" id="feed-mode-error">
              {errors.mode}
            </p>
          ) : null}
        </fieldset>
        <button type="submit">Subscribe</button>
      </form>
    </section>
  )
}
