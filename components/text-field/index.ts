import { quietFormItem, type QuietFormItemThis } from '../quiet-form-item';
import { QuietText } from '../quiet-text';
import { TextFieldDefaultProps, type TextFieldProps } from './props';

interface TextFieldThis extends QuietFormItemThis {
  props: TextFieldProps;
  box?: QuietText;
}

/** The field's box, made on first use (the Form may register the field before onInit has run). */
function boxOf(field: TextFieldThis): QuietText {
  if (!field.box) {
    const { showCount, multiline, maxLength } = field.props;
    field.box = new QuietText(field, 'text', showCount && multiline ? { key: 'countText', max: maxLength } : undefined);
  }
  return field.box;
}

const textOf = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);

Component({
  mixins: [quietFormItem<TextFieldThis>((field, value) => boxOf(field).show(textOf(value)))],
  props: TextFieldDefaultProps,
  data: { text: '', countText: '' },
  onInit() {
    const field = this as unknown as TextFieldThis;
    boxOf(field).start(textOf(field.getFormData().value));
  },
  didUnmount() {
    (this as unknown as TextFieldThis).box?.dispose();
  },
  methods: {
    onInput(event: { detail: { value: string } }) {
      const field = this as unknown as TextFieldThis;
      boxOf(field).typedIn(event.detail.value);
      field.emit('onChange', event.detail.value);
    },
  },
});
