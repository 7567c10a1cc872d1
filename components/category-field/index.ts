import { categoryChoices, type CategoryChoice } from '../../view-models/resume-view';
import { quietFormItem, type QuietFormItemThis } from '../quiet-form-item';
import { QuietText } from '../quiet-text';
import { CategoryFieldDefaultProps, type CategoryFieldProps } from './props';

/** Typing in the search box filters after this pause: a few updates a second at most. */
const SEARCH_PAUSE_MS = 250;

interface CategoryFieldThis extends QuietFormItemThis {
  props: CategoryFieldProps;
  data: QuietFormItemThis['data'] & { industryIndex: number; query: string };
  search?: QuietText;
  /** The industry list has been opened on the saved value's industry. */
  opened?: boolean;
  searchTimer?: ReturnType<typeof setTimeout> | null;
}

function chosenOf(field: CategoryFieldThis): string[] {
  const value = field.getFormData().value;
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function searchBox(field: CategoryFieldThis): QuietText {
  if (!field.search) field.search = new QuietText(field, 'searchText');
  return field.search;
}

/** What the field shows: the chosen categories, and the choices of one industry or of the search. */
function render(field: CategoryFieldThis, changes: { industryIndex?: number; query?: string } = {}): void {
  const chosen = chosenOf(field);
  const industryIndex = changes.industryIndex ?? field.data.industryIndex;
  const query = changes.query ?? field.data.query;
  field.setData({
    chosen,
    industryIndex,
    query,
    industries: field.props.groups.map((group) => group.industry),
    choices: categoryChoices(field.props.groups, chosen, query.trim() ? { query } : { industryIndex }),
  });
}

Component({
  mixins: [
    quietFormItem<CategoryFieldThis>((field, value) => {
      // The first value given (a saved resume) opens the list on the industry of its first category.
      const first = Array.isArray(value) ? (value[0] as string | undefined) : undefined;
      const industryIndex = field.props.groups.findIndex((group) => group.categories.indexOf(first ?? '') >= 0);
      if (!field.opened && industryIndex >= 0) {
        field.opened = true;
        render(field, { industryIndex });
      } else {
        render(field);
      }
    }),
  ],
  props: CategoryFieldDefaultProps,
  data: {
    chosen: [] as string[],
    industries: [] as string[],
    industryIndex: 0,
    choices: [] as CategoryChoice[],
    query: '',
    searchText: '',
  },
  onInit() {
    render(this as unknown as CategoryFieldThis);
  },
  didUpdate(prevProps: Partial<CategoryFieldProps>) {
    const field = this as unknown as CategoryFieldThis;
    if (prevProps.groups !== field.props.groups) render(field);
  },
  didUnmount() {
    const field = this as unknown as CategoryFieldThis;
    if (field.searchTimer) clearTimeout(field.searchTimer);
  },
  methods: {
    onIndustryTap(event: { currentTarget: { dataset: { index?: number } } }) {
      render(this as unknown as CategoryFieldThis, { industryIndex: Number(event.currentTarget.dataset.index) });
    },
    onSearchInput(event: { detail: { value: string } }) {
      const field = this as unknown as CategoryFieldThis;
      searchBox(field).typedIn(event.detail.value);
      if (field.searchTimer) clearTimeout(field.searchTimer);
      field.searchTimer = setTimeout(() => {
        field.searchTimer = null;
        render(field, { query: searchBox(field).text });
      }, SEARCH_PAUSE_MS);
    },
    onClearSearch() {
      const field = this as unknown as CategoryFieldThis;
      searchBox(field).show('');
      render(field, { query: '' });
    },
    onToggle(event: { currentTarget: { dataset: { category?: string } } }) {
      const field = this as unknown as CategoryFieldThis;
      const category = event.currentTarget.dataset.category;
      if (!category) return;
      const chosen = chosenOf(field);
      if (chosen.indexOf(category) >= 0) {
        field.emit(
          'onChange',
          chosen.filter((item) => item !== category),
        );
      } else if (chosen.length >= field.props.max) {
        field.props.onSelectMax?.();
      } else {
        field.emit('onChange', [...chosen, category]);
      }
    },
  },
});
