/**
 * A text form field for antd-mini's Form (register with `ref="handleRef"`), in place of FormInput and
 * FormTextarea: the box shows what is typed by itself, so fast typing loses nothing and sends no setData.
 */
export interface TextFieldProps {
  /** Field name in the form (`company`). */
  name: string;
  label: string;
  placeholder: string;
  maxLength: number;
  /** The keyboard: 'text', 'number', 'idcard', 'digit'. */
  type: 'text' | 'number' | 'idcard' | 'digit';
  /** A growing multi-line box (工作内容, 自我介绍) instead of one line. */
  multiline: boolean;
  /** "12/500" under a multi-line box. */
  showCount: boolean;
  required: boolean;
  requiredMark: 'asterisk' | 'text-required' | 'text-optional';
  position: 'horizontal' | 'vertical';
  className: string;
}

export const TextFieldDefaultProps: TextFieldProps = {
  name: '',
  label: '',
  placeholder: '请输入',
  maxLength: 140,
  type: 'text',
  multiline: false,
  showCount: false,
  required: false,
  requiredMark: 'asterisk',
  position: 'horizontal',
  className: '',
};
