import { Spin } from 'antd';
import { useCallback, useState } from 'react';
import * as api from './api/employer';
import { useRemote } from './api/use-remote';
import { ConsoleLayout, type ConsolePage } from './layout/console-layout';
import { ApplicationsPage } from './screens/applications-page';
import { InterviewsPage } from './screens/interviews-page';
import { JobsPage } from './screens/jobs-page';
import { MessagesPage } from './screens/messages-page';
import { SignInPage } from './screens/sign-in-page';
import type { InboxFilters } from './panes/application-filters';
import { EmployerSocketProvider, useEmployerEvents } from './realtime/employer-socket';
import { useOptionalSession } from './session/session';

/** Signed out: the sign-in page. Signed in: the console, with its socket. */
export function ConsoleApp() {
  const { session } = useOptionalSession();
  if (!session) return <SignInPage />;
  return (
    <EmployerSocketProvider key={session.token} token={session.token} onRefused={() => void session.signOut()}>
      <SignedInConsole />
    </EmployerSocketProvider>
  );
}

function SignedInConsole() {
  const [page, setPage] = useState<ConsolePage>('applications');
  const [roomInterviewId, setRoomInterviewId] = useState<string>();
  const [applicationId, setApplicationId] = useState<string>();
  const [conversationId, setConversationId] = useState<string>();
  const [filters, setFilters] = useState<InboxFilters>({ sort: 'latest' });
  const jobs = useRemote(() => api.listJobs(), []);
  const { reload } = jobs;

  // Counts per job change with every application.
  useEmployerEvents(
    useCallback(
      (event) => {
        if (event.type === 'application.created' || event.type === 'application.updated') reload();
      },
      [reload],
    ),
  );

  return (
    <ConsoleLayout page={page} onNavigate={setPage}>
      {page === 'applications' ? (
        <ApplicationsPage
          selectedId={applicationId}
          onSelect={setApplicationId}
          onOpenChat={(id) => {
            setConversationId(id);
            setPage('messages');
          }}
          filters={filters}
          onFiltersChange={setFilters}
          jobs={jobs.data?.items ?? []}
          onOpenRoom={(interviewId) => {
            setRoomInterviewId(interviewId);
            setPage('interviews');
          }}
        />
      ) : page === 'messages' ? (
        <MessagesPage
          selectedId={conversationId}
          onSelect={setConversationId}
          onOpenApplication={(id) => {
            setApplicationId(id);
            setPage('applications');
          }}
        />
      ) : page === 'interviews' ? (
        <InterviewsPage selectedId={roomInterviewId} onSelect={setRoomInterviewId} />
      ) : (
        <JobsPage
          jobs={jobs}
          onShowApplications={(jobId) => {
            setFilters({ ...filters, jobId });
            setPage('applications');
          }}
        />
      )}
      {jobs.loading && !jobs.data && <Spin fullscreen />}
    </ConsoleLayout>
  );
}
