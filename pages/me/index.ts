import { bindView } from '../../stores/bind';
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

Page<typeof data, { unbind?: () => void }>({
  data,
  onLoad() {
    this.unbind = bindView(this, () => {
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
    this.unbind?.();
  },
  onRetrySignIn() {
    void sessionStore.signIn();
  },
});
