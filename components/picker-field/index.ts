import { createForm } from 'antd-mini/es/Form/form';
import { PickerFieldDefaultProps, type PickerFieldOption, type PickerFieldProps } from './props';

interface PickerFieldThis {
  props: PickerFieldProps;
  data: { formData: Record<string, unknown> };
  setData(data: Record<string, unknown>): void;
  emit(trigger: string, value?: unknown): void;
}

function optionOf(options: readonly PickerFieldOption[], value: unknown): PickerFieldOption | undefined {
  return value === null || value === undefined ? undefined : options.find((o) => o.value === value);
}

/**
 * What the wheel shows for a field value: the stored option, or `openAt` while there is none (the text then
 * stays the placeholder, and the field's value stays empty).
 */
function wheelFor(props: PickerFieldProps, value: unknown): Record<string, unknown> {
  const picked = optionOf(props.options, value);
  return {
    pickerValue: picked ? picked.value : (optionOf(props.options, props.openAt)?.value ?? null),
    valueText: picked ? picked.label : '',
  };
}

Component({
  mixins: [
    createForm({
      methods: {
        setFormData(this: PickerFieldThis, values: Record<string, unknown>) {
          const formData = { ...this.data.formData, ...values };
          this.setData({ formData, ...('value' in values ? wheelFor(this.props, values.value) : {}) });
        },
      },
    }),
  ],
  props: PickerFieldDefaultProps,
  data: { pickerValue: null, valueText: '' },
  onInit() {
    const self = this as unknown as PickerFieldThis;
    self.setData(wheelFor(self.props, self.data.formData.value));
  },
  didUpdate(prevProps: PickerFieldProps) {
    const self = this as unknown as PickerFieldThis;
    if (prevProps.options !== self.props.options || prevProps.openAt !== self.props.openAt) {
      self.setData(wheelFor(self.props, self.data.formData.value));
    }
  },
  methods: {
    onOk(value: string | number) {
      (this as unknown as PickerFieldThis).emit('onChange', value);
    },
  },
});
