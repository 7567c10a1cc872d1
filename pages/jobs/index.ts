import {
  COMPANY_SIZE_LABELS,
  COMPANY_SIZES,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  EXPERIENCE_LABELS,
  EXPERIENCE_LEVELS,
  JOB_TYPE_LABELS,
  JOB_TYPES,
} from '../../services/contracts/jobs';
import { navigateTo } from '../../services/platform/navigation';
import { whenOnline } from '../../services/platform/network';
import { withQuery } from '../../services/platform/query-string';
import { showToast, stopPullDownRefresh } from '../../services/platform/ui';
import { bindView, unbindView } from '../../stores/bind';
import { jobFeedStore } from '../../stores/job-feed';
import { jobSearchStore } from '../../stores/job-search';
import type { LoadStatus } from '../../stores/load-status';
import {
  EMPTY_SEARCH,
  JOB_SORT_LABELS,
  JOB_SORTS,
  SALARY_BANDS,
  activeFilterCount,
  searchFromPageQuery,
  searchToPageQuery,
  type JobSearch,
  type JobSort,
} from '../../stores/job-query';
import { toJobCardView, type JobCardView } from '../../view-models/job-view';

type FilterDraft = Omit<JobSearch, 'keyword' | 'cityCode' | 'cityName' | 'sort'>;

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, text: labels[value] }));

const draftOf = (search: JobSearch): FilterDraft => ({
  district: search.district,
  salaryBand: search.salaryBand,
  experience: search.experience,
  education: search.education,
  jobType: search.jobType,
  industry: search.industry,
  companySize: search.companySize,
  directOnly: search.directOnly,
});

const data = {
  status: 'idle' as LoadStatus,
  jobs: [] as JobCardView[],
  hasMore: false,
  errorMessage: '',
  loadMoreError: '',
  keyword: '',
  cityCode: '',
  cityText: '全国',
  sort: 'match' as JobSort,
  filterCount: 0,
  industryOptions: [] as Array<{ value: string; text: string }>,
  districtOptions: [] as Array<{ value: string; text: string }>,
  sheetVisible: false,
  draft: draftOf(EMPTY_SEARCH),
  sortTabs: JOB_SORTS.map((key) => ({ key, label: JOB_SORT_LABELS[key] })),
  salaryOptions: SALARY_BANDS.map((band) => ({ value: band.value, text: band.text })),
  jobTypeOptions: options(JOB_TYPES, JOB_TYPE_LABELS),
  experienceOptions: options(
    EXPERIENCE_LEVELS.filter((level) => level !== 'any'),
    EXPERIENCE_LABELS,
  ),
  educationOptions: options(
    EDUCATION_LEVELS.filter((level) => level !== 'any'),
    EDUCATION_LABELS,
  ),
  companySizeOptions: options(COMPANY_SIZES, COMPANY_SIZE_LABELS),
  skeletonRows: [1, 2, 3, 4],
  skeletonParagraph: { rows: 2 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  widenButton: { layout: 'horizontal', list: [{ text: '清除筛选和城市', type: 'primary' }] },
  emptyButtons: { layout: 'horizontal', list: [{ text: '看看全部职位', type: 'primary' }] },
};

Page({
  data,
  stopWatchingNetwork: null as (() => void) | null,
  onLoad(query: Record<string, string | undefined>) {
    // A search that failed (offline, weak signal) runs again as soon as the network is back, so the list
    // matches the city, filters and sort shown above it.
    this.stopWatchingNetwork = whenOnline(() => {
      if (jobFeedStore.errorMessage) void jobSearchStore.apply(jobSearchStore.search);
    });
    bindView(this, () => {
      const search = jobSearchStore.search;
      return {
        status: jobFeedStore.status,
        jobs: jobFeedStore.items.map((job) => toJobCardView(job)),
        hasMore: jobFeedStore.hasMore,
        errorMessage: jobFeedStore.errorMessage,
        loadMoreError: jobFeedStore.loadMoreError,
        keyword: search.keyword,
        cityCode: search.cityCode,
        cityText: search.cityName || '全国',
        sort: search.sort,
        filterCount: activeFilterCount(search),
        industryOptions: jobSearchStore.industries.map((name) => ({ value: name, text: name })),
        districtOptions: jobSearchStore.districts.map((name) => ({ value: name, text: name })),
      };
    });
    // A shared link carries its search in the query; opening the tab restores it.
    void jobSearchStore.apply(searchFromPageQuery(query ?? {}));
  },
  onUnload() {
    unbindView(this);
    this.stopWatchingNetwork?.();
  },
  async onPullDownRefresh() {
    await jobFeedStore.refresh();
    stopPullDownRefresh();
  },
  onReachBottom() {
    void jobFeedStore.loadMore();
  },
  onShareAppMessage() {
    return {
      title: '这里有适合你的好工作',
      desc: '支付宝里找工作，投递进度全程可查',
      path: withQuery('pages/jobs/index', searchToPageQuery(jobSearchStore.search)),
    };
  },
  onRetry() {
    void jobSearchStore.apply(jobSearchStore.search);
  },
  onLoadMore() {
    void jobFeedStore.loadMore();
  },
  onJobTap(jobId: string) {
    navigateTo('subpackages/job/pages/detail/index', { id: jobId });
  },
  onCityTap() {
    void jobSearchStore.pickCity();
  },
  onSearchTap() {
    navigateTo('subpackages/job/pages/search/index', { keyword: jobSearchStore.search.keyword });
  },
  onClearKeyword() {
    void jobSearchStore.update({ keyword: '' });
  },
  async onSortTap(event: { currentTarget: { dataset: { sort?: JobSort } } }) {
    const sort = event.currentTarget.dataset.sort;
    if (!sort) return;
    await jobSearchStore.setSort(sort);
    if (sort === 'nearest' && !jobSearchStore.position) showToast(jobSearchStore.locationError);
  },
  onWidenSearch() {
    void jobSearchStore.apply({
      ...EMPTY_SEARCH,
      keyword: this.data.filterCount || this.data.cityCode ? this.data.keyword : '',
    });
  },
  onFilterTap() {
    this.setData({ sheetVisible: true, draft: draftOf(jobSearchStore.search) });
    void jobSearchStore.loadIndustries();
    void jobSearchStore.loadDistricts();
  },
  onFilterChange(
    value: string | string[] | undefined,
    _item: unknown,
    event: { currentTarget: { dataset: { group?: string } } },
  ) {
    const group = event.currentTarget.dataset.group as keyof FilterDraft | undefined;
    if (!group) return;
    const single = group === 'salaryBand' || group === 'district';
    this.setData({ [`draft.${group}`]: value ?? (single ? '' : []) });
  },
  onDirectOnlyChange(checked: boolean) {
    const path: string = 'draft.directOnly';
    this.setData({ [path]: checked });
  },
  onFilterReset() {
    this.setData({ draft: draftOf(EMPTY_SEARCH) });
  },
  onFilterConfirm() {
    this.setData({ sheetVisible: false });
    void jobSearchStore.update(this.data.draft);
  },
  onSheetClose() {
    this.setData({ sheetVisible: false });
  },
});
