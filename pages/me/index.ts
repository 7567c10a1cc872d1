import { reaction } from 'mobx';
import { bindView, unbindView } from '../../stores/bind';
import { recentViewsStore } from '../../stores/recent-views';
import { sessionStore, type SessionStatus } from '../../stores/session';
import { navigateTo } from '../../services/platform/navigation';
import { formatCount, formatJoinedDate, maskUserId } from '../../format';

const APPLICATIONS_ROUTE = 'subpackages/applications/pages/list/index';

/** One of 我的's counts: what it counts, the number ('-' until known), and the list a tap opens. */
interface CountView {
  key: string;
  label: string;
  value: string;
  route: string;
  /** The 我的投递 tab to open ('' = all). */
  status: string;
}

const data = {
  status: 'signed_out' as SessionStatus,
  errorMessage: '',
  nickname: '',
  avatarText: '',
  maskedUserId: '',
  joinedText: '',
  recentCountText: '',
  counts: [] as CountView[],
  countsError: '',
};

Page({
  data,
  stopOverview: null as (() => void) | null,
  onLoad() {
    // Loaded once signed in (the launch may still be signing in), and again on every show.
    this.stopOverview = reaction(
      () => sessionStore.signedIn,
      (signedIn) => {
        if (signedIn) void sessionStore.loadOverview();
      },
      { fireImmediately: true },
    );
    bindView(this, () => {
      const profile = sessionStore.profile;
      const overview = sessionStore.overview;
      // The seeker's own name once the resume has one; Alipay's nickname until then.
      const name = overview?.resumeName || profile?.nickname || '';
      const count = (n: number | undefined) => (n === undefined ? '-' : formatCount(n));
      return {
        status: sessionStore.status,
        errorMessage: sessionStore.errorMessage,
        nickname: name,
        avatarText: name.slice(0, 1),
        counts: [
          {
            key: 'applications',
            label: '投递',
            value: count(overview?.counts.applications),
            route: APPLICATIONS_ROUTE,
            status: '',
          },
          {
            key: 'interviews',
            label: '面试',
            value: count(overview?.counts.interviews),
            route: APPLICATIONS_ROUTE,
            status: 'interview',
          },
          {
            key: 'favorites',
            label: '收藏',
            value: count(overview?.counts.favorites),
            route: 'subpackages/me/pages/favorites/index',
            status: '',
          },
        ],
        countsError: sessionStore.overviewError,
        maskedUserId: maskUserId(sessionStore.userId),
        joinedText: profile ? formatJoinedDate(profile.createdAt) : '',
        recentCountText: recentViewsStore.entries.length ? `${recentViewsStore.entries.length}个职位` : '',
      };
    });
  },
  /** Counts move while the seeker is elsewhere (applied, invited, saved a job). */
  onShow() {
    if (sessionStore.signedIn) void sessionStore.loadOverview();
  },
  onUnload() {
    unbindView(this);
    this.stopOverview?.();
  },
  onCountTap(event: { currentTarget: { dataset: { route?: string; status?: string } } }) {
    const { route, status } = event.currentTarget.dataset;
    if (route) navigateTo(route, status ? { status } : {});
  },
  onRetryCounts() {
    void sessionStore.loadOverview();
  },
  onMenuTap(event: { currentTarget: { dataset: { route?: string } } }) {
    const route = event.currentTarget.dataset.route;
    if (route) navigateTo(route);
  },
  onRetrySignIn() {
    void sessionStore.signIn();
  },
});
