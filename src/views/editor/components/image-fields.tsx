// The article's image: its address, a description for readers who cannot see it, and its size.

import { IMAGE_ALT_MAX, IMAGE_URL_MAX } from '../../../lib/article-input-limits'
import type { ArticleFormValues } from '../../../services/editorial-form'
import { HeroUploadControl } from '../media/hero-upload'
import { Field, fieldAria } from './field'

export function ImageFields(props: { values: ArticleFormValues; errors: Record<string, string> }) {
  const { values, errors } = props
  const aria = (id: string, key: string, hint = false) => fieldAria(id, errors[key], hint)
  return (
    <fieldset class="field-group">
      <legend>Image</legend>
      <HeroUploadControl />
      <Field
        id="article-image-url"
        label="Image address"
        error={errors.imageUrl}
        hint="https://… or a path on this site, such as /images/…"
      >
        <input
          {...aria('article-image-url', 'imageUrl', true)}
          name="image_url"
          type="text"
          inputmode="url"
          maxlength={IMAGE_URL_MAX}
          value={values.imageUrl}
        />
      </Field>
      <Field
        id="article-image-alt"
        label="Description for readers who cannot see it"
        error={errors.imageAlt}
      >
        <input
          {...aria('article-image-alt', 'imageAlt')}
          name="image_alt"
          type="text"
          maxlength={IMAGE_ALT_MAX}
          value={values.imageAlt}
        />
      </Field>
      <div class="field-row">
        <Field id="article-image-width" label="Width (px)" error={errors.imageWidth}>
          <input
            {...aria('article-image-width', 'imageWidth')}
            name="image_width"
            type="number"
            min={1}
            max={10000}
            value={values.imageWidth}
          />
        </Field>
        <Field id="article-image-height" label="Height (px)" error={errors.imageHeight}>
          <input
            {...aria('article-image-height', 'imageHeight')}
            name="image_height"
            type="number"
            min={1}
            max={10000}
            value={values.imageHeight}
          />
        </Field>
      </div>
    </fieldset>
  )
}
