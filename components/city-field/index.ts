import { createForm } from 'antd-mini/es/Form/form';
import { pickCity } from '../../stores/city-picker';
import { CityFieldDefaultProps, type CityFieldProps } from './props';

type FormItemThis = {
  props: CityFieldProps;
  data: { formData: { value?: unknown } };
  emit(trigger: string, value?: unknown): void;
};

function codesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((code): code is string => typeof code === 'string') : [];
}

Component({
  mixins: [createForm()],
  props: CityFieldDefaultProps,
  methods: {
    async onChoose() {
      const self = this as unknown as FormItemThis;
      const { multiple, max, onPick, onPickFail } = self.props;
      const codes = codesOf(self.data.formData.value);
      if (multiple && codes.length >= max) {
        if (onPickFail) onPickFail(`最多选择${max}个城市`);
        return;
      }
      let city;
      try {
        city = await pickCity();
      } catch {
        if (onPickFail) onPickFail('城市选择器打开失败，请稍后重试');
        return;
      }
      if (!city) return;
      // The name first, so the page can show it when the value arrives.
      if (onPick) onPick({ cityCode: city.cityCode, cityName: city.cityName });
      if (!multiple) self.emit('onChange', city.cityCode);
      else if (codes.indexOf(city.cityCode) < 0) self.emit('onChange', [...codes, city.cityCode]);
    },
    onRemove(event: { currentTarget: { dataset: { code?: string } } }) {
      const self = this as unknown as FormItemThis;
      const code = event.currentTarget.dataset.code;
      self.emit(
        'onChange',
        codesOf(self.data.formData.value).filter((c) => c !== code),
      );
    },
  },
});
