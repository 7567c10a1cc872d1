import { useCallback, useState } from 'react';
import type { EmployerJob } from '../../../services/contracts/employer';
import type { EmployerApplication } from '../api/employer';
import { PaneLayout } from '../layout/pane-layout';
import type { InboxFilters } from '../panes/application-filters';
import { ApplicationListPane } from '../panes/application-list-pane';
import { CandidatePane } from '../panes/candidate-pane';
import { RecordedInterviewPane } from '../panes/recorded-interview-pane';

/** 投递管理: the inbox on the left, the chosen candidate, then its recorded video interview. */
export function ApplicationsPage(props: {
  selectedId: string | undefined;
  onSelect(id: string): void;
  /** 发消息: the application's conversation in 消息. */
  onOpenChat(conversationId: string): void;
  filters: InboxFilters;
  onFiltersChange(filters: InboxFilters): void;
  jobs: EmployerJob[];
  onOpenRoom(interviewId: string): void;
}) {
  const { selectedId, onSelect } = props;
  const [changed, setChanged] = useState<EmployerApplication>();
  const onChanged = useCallback((application: EmployerApplication) => setChanged(application), []);

  return (
    <PaneLayout
      panes={[
        {
          key: 'list',
          width: 440,
          content: (
            <ApplicationListPane
              filters={props.filters}
              onFiltersChange={props.onFiltersChange}
              jobs={props.jobs}
              selectedId={selectedId}
              onSelect={onSelect}
              changed={changed}
            />
          ),
        },
        {
          key: 'candidate',
          minWidth: 420,
          content: (
            <CandidatePane
              applicationId={selectedId}
              onChanged={onChanged}
              onOpenRoom={props.onOpenRoom}
              onOpenChat={props.onOpenChat}
            />
          ),
        },
        {
          key: 'recorded-interview',
          width: 320,
          content: <RecordedInterviewPane application={changed?.id === selectedId ? changed : undefined} />,
        },
      ]}
    />
  );
}
