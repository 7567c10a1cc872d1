import isEqual from 'fast-deep-equal';
import { wholeNumberValue } from '../../view-models/resume-view';
import { quietFormItem, type QuietFormItemThis } from '../quiet-form-item';
import { QuietText } from '../quiet-text';
import { NumberFieldDefaultProps } from './props';

interface NumberFieldThis extends QuietFormItemThis {
  box?: QuietText;
}

function boxOf(field: NumberFieldThis): QuietText {
  if (!field.box) field.box = new QuietText(field, 'text');
  return field.box;
}

const textOf = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

Component({
  mixins: [
    quietFormItem<NumberFieldThis>((field, value) => {
      // '08' typed is the number 8: the box keeps what was typed.
      if (!isEqual(wholeNumberValue(boxOf(field).text), value ?? null)) boxOf(field).show(textOf(value));
    }),
  ],
  props: NumberFieldDefaultProps,
  data: { text: '' },
  onInit() {
    const field = this as unknown as NumberFieldThis;
    boxOf(field).start(textOf(field.getFormData().value));
  },
  methods: {
    onInput(event: { detail: { value: string } }) {
      const field = this as unknown as NumberFieldThis;
      boxOf(field).typedIn(event.detail.value);
      field.emit('onChange', wholeNumberValue(String(event.detail.value ?? '')));
    },
  },
});
