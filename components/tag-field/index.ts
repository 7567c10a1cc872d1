import { createForm } from 'antd-mini/es/Form/form';
import { TagFieldDefaultProps } from './props';

type FormItemThis = {
  data: { formData: { value?: unknown }; typed: string };
  setData(data: Record<string, unknown>): void;
  emit(trigger: string, value?: unknown): void;
};

function tagsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
}

Component({
  mixins: [createForm()],
  props: TagFieldDefaultProps,
  data: { typed: '' },
  methods: {
    onType(value: string) {
      (this as unknown as FormItemThis).setData({ typed: String(value ?? '') });
    },
    onAdd() {
      const self = this as unknown as FormItemThis;
      const tag = self.data.typed.trim();
      if (!tag) return;
      self.setData({ typed: '' });
      self.emit('onChange', [...tagsOf(self.data.formData.value), tag]);
    },
    onRemove(event: { currentTarget: { dataset: { index?: number } } }) {
      const self = this as unknown as FormItemThis;
      const index = Number(event.currentTarget.dataset.index);
      self.emit(
        'onChange',
        tagsOf(self.data.formData.value).filter((_tag, i) => i !== index),
      );
    },
  },
});
