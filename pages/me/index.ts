import { bindView, unbindView } from '../../stores/bind';
import { sessionStore, type SessionStatus } from '../../stores/session';
import { formatJoinedDate, maskUserId } from '../../utils/format';

const data = {
  status: 'signed_out' as SessionStatus,
  errorMessage: '',
  nickname: '',
  avatarText: '',
  maskedUserId: '',
  joinedText: '',
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
      };
    });
  },
  onUnload() {
    unbindView(this);
  },
  onRetrySignIn() {
    void sessionStore.signIn();
  },
});
