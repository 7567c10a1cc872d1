import isEqual from 'fast-deep-equal';
import { duplicateTagMessage } from '../../view-models/resume-view';
import { quietFormItem, type QuietFormItemThis } from '../quiet-form-item';
import { QuietText } from '../quiet-text';
import { TagFieldDefaultProps } from './props';

interface TagFieldThis extends QuietFormItemThis {
  data: QuietFormItemThis['data'] & { tags: string[] };
  box?: QuietText;
  /** The field shows why the last word was refused (a duplicate). */
  refused?: boolean;
}

function tagsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
}

function boxOf(field: TagFieldThis): QuietText {
  if (!field.box) field.box = new QuietText(field, 'typed');
  return field.box;
}

Component({
  mixins: [
    quietFormItem<TagFieldThis>((field, value) => {
      const tags = tagsOf(value);
      if (!isEqual(tags, field.data.tags)) field.setData({ tags });
    }),
  ],
  props: TagFieldDefaultProps,
  data: { tags: [] as string[], typed: '' },
  methods: {
    onType(event: { detail: { value: string } }) {
      const field = this as unknown as TagFieldThis;
      boxOf(field).typedIn(String(event.detail.value ?? ''));
      if (field.refused) {
        field.refused = false;
        field.setFormData({ status: 'default', errors: [] });
      }
    },
    onAdd() {
      const field = this as unknown as TagFieldThis;
      const tag = boxOf(field).text.trim();
      if (!tag) return;
      const tags = tagsOf(field.getFormData().value);
      const duplicate = duplicateTagMessage(tags, tag);
      if (duplicate) {
        // Refused here, naming the word; what was typed stays to be changed.
        field.refused = true;
        field.setFormData({ status: 'error', errors: [duplicate] });
        return;
      }
      boxOf(field).show('');
      field.emit('onChange', [...tags, tag]);
    },
    onRemove(event: { currentTarget: { dataset: { index?: number } } }) {
      const field = this as unknown as TagFieldThis;
      const index = Number(event.currentTarget.dataset.index);
      field.emit(
        'onChange',
        tagsOf(field.getFormData().value).filter((_tag, i) => i !== index),
      );
    },
  },
});
