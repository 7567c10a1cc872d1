import type { CategoryGroup } from '../../services/contracts/jobs';

/**
 * The expected job categories for antd-mini's Form (register with `ref="handleRef"`): the categories by
 * industry, a search across all of them, and the chosen ones on top (tap to remove). The value is the list.
 */
export interface CategoryFieldProps {
  /** Field name in the form (`categories`). */
  name: string;
  label: string;
  groups: CategoryGroup[];
  /** How many may be chosen; one more calls `onSelectMax`. */
  max: number;
  onSelectMax?: () => void;
  required: boolean;
  requiredMark: 'asterisk' | 'text-required' | 'text-optional';
  position: 'horizontal' | 'vertical';
  className: string;
}

export const CategoryFieldDefaultProps: CategoryFieldProps = {
  name: '',
  label: '',
  groups: [],
  max: 5,
  required: false,
  requiredMark: 'asterisk',
  position: 'vertical',
  className: '',
};
