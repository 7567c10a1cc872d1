import { navigateBack } from '../../../../services/platform/navigation';
import { bindView, unbindView } from '../../../../stores/bind';
import { jobSearchStore } from '../../../../stores/job-search';

const KIND_TEXT = { title: '职位', company: '公司' } as const;

const data = {
  text: '',
  suggestions: [] as Array<{ text: string; kindText: string }>,
  history: [] as string[],
};

Page({
  data,
  onLoad(query: Record<string, string | undefined>) {
    this.setData({ text: query.keyword ?? '' });
    bindView(this, () => ({
      suggestions: jobSearchStore.suggestions.map((s) => ({ text: s.text, kindText: KIND_TEXT[s.kind] })),
      history: jobSearchStore.history.slice(),
    }));
  },
  onUnload() {
    jobSearchStore.cancelSuggestions();
    unbindView(this);
  },
  onInput(value: string) {
    this.setData({ text: value });
    jobSearchStore.suggestSoon(value);
  },
  onConfirm(value: string) {
    this.search(value);
  },
  onSubmitTap() {
    this.search(this.data.text);
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
    navigateBack();
  },
});
