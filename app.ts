import { sessionStore } from './stores/session';

App({
  onLaunch() {
    // Silent auth_base sign-in: no consent sheet on the first screen; jobs load without waiting for it.
    void sessionStore.signIn();
  },
  onShow() {
    if (sessionStore.status === 'failed') void sessionStore.signIn();
  },
});
