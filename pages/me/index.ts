import { bindView, unbindView } from '../../stores/bind';
import { recentViewsStore } from '../../stores/recent-views';
import { sessionStore, type SessionStatus } from '../../stores/session';
import { navigateTo } from '../../services/platform/navigation';
import { formatJoinedDate, maskUserId } from '../../utils/format';

const data = {
  status: 'signed_out' as SessionStatus,
  errorMessage: '',
  nickname: '',
  avatarText: '',
  maskedUserId: '',
  joinedText: '',
  recentCountText: '',
};

Page({
  data,
  onLoad() {
    bindView(this, () => {
      const profile = sessionStore.profile;
      return {
        status: sessionStore.status,
        errorMessage: sessionStore.errorMessage,
        nickname: profile?.nickname ?? '',
        avatarText: profile?.nickname.slice(0, 1) ?? '',
        maskedUserId: maskUserId(sessionStore.userId),
        joinedText: profile ? formatJoinedDate(profile.createdAt) : '',
        recentCountText: recentViewsStore.entries.length ? `${recentViewsStore.entries.length}个职位` : '',
      };
    });
  },
  onUnload() {
    unbindView(this);
  },
  onMenuTap(event: { currentTarget: { dataset: { route?: string } } }) {
    const route = event.currentTarget.dataset.route;
    if (route) navigateTo(route);
  },
  onRetrySignIn() {
    void sessionStore.signIn();
  },
});
