import { createForm } from 'antd-mini/es/Form/form';
import { wholeNumberValue } from '../../utils/resume-view';
import { NumberFieldDefaultProps } from './props';

type FormItemThis = { emit(trigger: string, value?: unknown): void };

Component({
  mixins: [createForm()],
  props: NumberFieldDefaultProps,
  methods: {
    onInput(value: string) {
      (this as unknown as FormItemThis).emit('onChange', wholeNumberValue(String(value ?? '')));
    },
  },
});
