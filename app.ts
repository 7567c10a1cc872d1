import { resumeStore } from './stores/resume';
import { sessionStore } from './stores/session';

async function startSession(): Promise<void> {
  await sessionStore.signIn();
  if (!sessionStore.signedIn) return;
  // The resume's expectations rank the 推荐 feed (the search store reacts); the first page does not wait.
  await resumeStore.load();
}

App({
  onLaunch() {
    // Silent auth_base sign-in: no consent sheet on the first screen; jobs load without waiting for it.
    void startSession();
  },
  onShow() {
    if (sessionStore.status === 'failed') void startSession();
  },
});
