/**
 * A list-of-words form field (skills) for antd-mini's Form (register with `ref="handleRef"`): type a word,
 * add it, tap a tag to remove it. The value is the list; the form's rules judge each word.
 */
export interface TagFieldProps {
  /** Field name in the form (`skills`). */
  name: string;
  label: string;
  placeholder: string;
  /** How many tags may be added; the input hides at the limit. */
  max: number;
  /** Input length limit for one tag. */
  maxLength: number;
  required: boolean;
  requiredMark: 'asterisk' | 'text-required' | 'text-optional';
  position: 'horizontal' | 'vertical';
  className: string;
}

export const TagFieldDefaultProps: TagFieldProps = {
  name: '',
  label: '',
  placeholder: '输入后点添加',
  max: 20,
  maxLength: 20,
  required: false,
  requiredMark: 'asterisk',
  position: 'vertical',
  className: '',
};
