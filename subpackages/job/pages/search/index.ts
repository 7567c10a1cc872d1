import { navigateBack } from '../../../../services/platform/navigation';
import { bindView, unbindView } from '../../../../stores/bind';
import { jobSearchStore } from '../../../../stores/job-search';
import { QuietText } from '../../../../components/quiet-text';

const KIND_TEXT = { title: '职位', company: '公司' } as const;

const data = {
  /** What the box shows when set from here (the keyword it opens with, a clear); typing is not echoed. */
  text: '',
  /** The clear button shows while the box holds something. */
  hasText: false,
  suggestions: [] as Array<{ text: string; kindText: string }>,
  history: [] as string[],
};

Page({
  data,
  box: null as unknown as QuietText,
  onLoad(query: Record<string, string | undefined>) {
    this.box = new QuietText(this, 'text');
    const keyword = query.keyword ?? '';
    this.box.start(keyword);
    this.setData({ hasText: keyword !== '' });
    bindView(this, () => ({
      suggestions: jobSearchStore.suggestions.map((s) => ({ text: s.text, kindText: KIND_TEXT[s.kind] })),
      history: jobSearchStore.history.slice(),
    }));
  },
  onUnload() {
    this.box.dispose();
    jobSearchStore.cancelSuggestions();
    unbindView(this);
  },
  onInput(event: { detail: { value: string } }) {
    const { value } = event.detail;
    this.box.typedIn(value);
    if (this.data.hasText !== (value !== '')) this.setData({ hasText: value !== '' });
    jobSearchStore.suggestSoon(value);
  },
  onClear() {
    this.box.show('');
    this.setData({ hasText: false });
    jobSearchStore.suggestSoon('');
  },
  onConfirm(event: { detail: { value: string } }) {
    this.search(event.detail.value);
  },
  onSubmitTap() {
    this.search(this.box.text);
  },
  onPick(event: { currentTarget: { dataset: { text?: string } } }) {
    this.search(event.currentTarget.dataset.text ?? '');
  },
  onClearHistory() {
    jobSearchStore.clearHistory();
  },
  search(keyword: string) {
    jobSearchStore.cancelSuggestions();
    void jobSearchStore.update({ keyword: keyword.trim() });
    navigateBack('pages/jobs/index');
  },
});
