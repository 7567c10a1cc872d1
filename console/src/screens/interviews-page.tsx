import { Alert, Badge, Button, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { EmployerInterview } from '../../../services/contracts/interviews';
import { INTERVIEW_KIND_LABELS, INTERVIEW_STATUS_LABELS } from '../../../services/contracts/interviews';
import * as api from '../api/employer';
import { useRemote } from '../api/use-remote';
import { formatDateTime, formatInterviewTime } from '../format';
import { PaneLayout } from '../layout/pane-layout';
import { CallPane } from '../panes/call-pane';
import { useEmployerEvents, useEmployerSocket } from '../realtime/employer-socket';
import { splitSchedule } from './interview-schedule';

/** 面试: who waits in the rooms (候场) and the company's interviews on the left, the call on the right. */
export function InterviewsPage(props: { selectedId: string | undefined; onSelect(interviewId: string): void }) {
  const { epoch } = useEmployerSocket();
  const waiting = useRemote(() => api.listWaitingSeekers(), [epoch]);
  const interviews = useRemote(() => api.listInterviews(), [epoch]);

  useEmployerEvents(
    useCallback(
      (event) => {
        if (event.type === 'room.waiting') waiting.setData(() => ({ items: event.waiting }));
        if (event.type === 'interview.updated') {
          interviews.setData((current) => ({
            items: [event.interview, ...(current?.items ?? []).filter((item) => item.id !== event.interview.id)],
          }));
        }
      },
      [waiting, interviews],
    ),
  );

  const [showPast, setShowPast] = useState(false);
  const { upcoming, past } = splitSchedule(interviews.data?.items ?? [], Date.now());
  const renderInterview = (interview: EmployerInterview) => (
    <List.Item
      className={interview.id === props.selectedId ? 'interview-item interview-item-selected' : 'interview-item'}
      data-interview={interview.id}
      onClick={() => interview.kind === 'video' && props.onSelect(interview.id)}
    >
      <List.Item.Meta
        title={
          <span>
            {interview.candidate.name} · {interview.job.title} <Tag>{INTERVIEW_KIND_LABELS[interview.kind]}</Tag>
            <Tag color="blue">{INTERVIEW_STATUS_LABELS[interview.status]}</Tag>
          </span>
        }
        description={
          interview.scheduledAt
            ? formatInterviewTime(interview.scheduledAt)
            : `待确认：${(interview.proposedSlots.length ? interview.proposedSlots : interview.slots)
                .map(formatInterviewTime)
                .join('、')}`
        }
      />
    </List.Item>
  );
  const list = (
    <div className="pane-body interview-list-pane">
      <Typography.Title level={5}>
        候场 <Badge count={waiting.data?.items.length ?? 0} />
      </Typography.Title>
      {waiting.error && (
        <Alert type="error" message={waiting.error.message} action={<Button onClick={waiting.reload}>重试</Button>} />
      )}
      {waiting.data && !waiting.data.items.length && (
        <Typography.Paragraph type="secondary">暂无求职者候场</Typography.Paragraph>
      )}
      {!!waiting.data?.items.length && (
        <List
          className="waiting-list"
          dataSource={waiting.data?.items ?? []}
          renderItem={(seeker) => (
            <List.Item
              className="waiting-item"
              data-interview={seeker.interviewId}
              actions={[
                <Button key="open" type="primary" size="small" onClick={() => props.onSelect(seeker.interviewId)}>
                  去面试间
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={`${seeker.candidate.name} · ${seeker.jobTitle}`}
                description={`${formatInterviewTime(seeker.scheduledAt)} · ${formatDateTime(seeker.since)}起候场`}
              />
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={5}>面试安排</Typography.Title>
      {interviews.error && (
        <Alert
          type="error"
          message={interviews.error.message}
          action={<Button onClick={interviews.reload}>重试</Button>}
        />
      )}
      {!interviews.data && !interviews.error && <Skeleton active />}
      {interviews.data && !upcoming.length && <Empty description="暂无即将进行的面试" />}
      <List className="interview-schedule" dataSource={upcoming} renderItem={renderInterview} />
      {past.length > 0 && (
        <Button type="link" className="past-interviews-toggle" onClick={() => setShowPast((shown) => !shown)}>
          {showPast ? '收起已结束' : `查看已结束（${past.length}）`}
        </Button>
      )}
      {showPast && <List className="interview-schedule-past" dataSource={past} renderItem={renderInterview} />}
    </div>
  );

  return (
    <PaneLayout
      panes={[
        { key: 'interviews', width: 420, content: list },
        { key: 'call', minWidth: 520, content: <CallPane interviewId={props.selectedId} /> },
      ]}
    />
  );
}
