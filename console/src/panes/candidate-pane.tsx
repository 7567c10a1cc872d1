import { MessageOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Result,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { APPLICATION_STATUS_LABELS } from '../../../services/contracts/applications';
import { formatDateTime, formatHandleBy, formatMatchScore, formatSalary } from '../format';
import { ApiRequestError } from '../api/client';
import * as api from '../api/employer';
import type { EmployerApplication } from '../api/employer';
import { useRemote } from '../api/use-remote';
import { DecisionActions } from '../widgets/decision-actions';
import { InterviewCard } from '../widgets/interview-card';
import { OnboardingPanel } from '../widgets/onboarding-panel';
import { ResumeView } from '../widgets/resume-view';
import { StatusTag } from '../widgets/status-tag';
import { useEmployerEvents } from '../realtime/employer-socket';

/**
 * One application: who applied to what, how well they fit, the resume as this employer may see it, the
 * timeline, and the decisions allowed now. Opening an unread application opens the resume for real: the
 * seeker sees 已查看 (the state machine's view).
 */
export function CandidatePane(props: {
  applicationId: string | undefined;
  onChanged(application: EmployerApplication): void;
  onOpenRoom(interviewId: string): void;
  onOpenChat(conversationId: string): void;
}) {
  const { applicationId, onChanged, onOpenRoom, onOpenChat } = props;
  if (!applicationId) {
    return (
      <div className="pane-body pane-empty">
        <Empty description="在左侧选择一份投递，查看简历并处理" />
      </div>
    );
  }
  return (
    <CandidateDetail
      key={applicationId}
      applicationId={applicationId}
      onChanged={onChanged}
      onOpenRoom={onOpenRoom}
      onOpenChat={onOpenChat}
    />
  );
}

type CandidateTab = 'resume' | 'onboarding';

function CandidateDetail(props: {
  applicationId: string;
  onChanged(application: EmployerApplication): void;
  onOpenRoom(interviewId: string): void;
  onOpenChat(conversationId: string): void;
}) {
  const { applicationId, onChanged } = props;
  const opened = useRef(false);
  const [chosenTab, setTab] = useState<CandidateTab>();
  const detail = useRemote(async () => {
    const application = await api.fetchApplication(applicationId);
    if (!application.unread || opened.current) return application;
    opened.current = true;
    // Opening an unread resume is the HR's view; if the seeker withdrew meanwhile, show it as it is.
    return api.viewApplication(applicationId).catch(() => api.fetchApplication(applicationId));
  }, [applicationId]);

  const application = detail.data;
  useEffect(() => {
    if (application) onChanged(application);
  }, [application, onChanged]);

  useEmployerEvents((event) => {
    if (event.type === 'application.updated' && event.application.id === applicationId) {
      detail.setData(() => event.application);
    }
  });

  if (detail.error) {
    const gone = detail.error instanceof ApiRequestError && detail.error.status === 404;
    return (
      <Result
        status={gone ? '404' : 'error'}
        title={gone ? '投递不存在' : '投递加载失败'}
        subTitle={detail.error.message}
        extra={
          !gone && (
            <Button type="primary" onClick={detail.reload}>
              重试
            </Button>
          )
        }
      />
    );
  }
  if (!application) return <Skeleton active paragraph={{ rows: 12 }} className="pane-body" />;

  const resume = application.applicantResume;
  const name = !resume.redacted && resume.name ? resume.name : application.applicant.nickname;
  // From the interview on, the offer and everything after it sit in their own tab, opened first once offered.
  const hasOnboarding =
    ['interview', 'offer', 'hired'].includes(application.status) ||
    application.timeline.some((step) => step.status === 'offer');
  const tab = chosenTab ?? (['offer', 'hired'].includes(application.status) ? 'onboarding' : 'resume');
  const resumeTab = (
    <>
      {detail.loading && <Alert type="info" message="正在刷新…" className="candidate-refreshing" />}
      <Card size="small" title={formatMatchScore(application.matchScore)} className="candidate-match">
        {application.matchReasons.length ? (
          <Space size={4} wrap>
            {application.matchReasons.map((reason) => (
              <Tag key={reason} color="blue">
                {reason}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">简历与职位要求暂无明显匹配项</Typography.Text>
        )}
      </Card>
      {application.timeline.some((step) => step.status === 'interview') && (
        <InterviewCard
          application={application}
          onApplicationChanged={(next) => detail.setData(() => next)}
          onOpenRoom={props.onOpenRoom}
        />
      )}
      {application.greeting && (
        <Card size="small" title="打招呼" className="candidate-greeting">
          {application.greeting}
        </Card>
      )}
      <Card size="small" title="简历" className="candidate-resume">
        <ResumeView applicationId={application.id} resume={resume} />
      </Card>
      <Card size="small" title="投递进度" className="candidate-timeline">
        <Timeline
          items={application.timeline.map((step, index) => ({
            key: `${step.status}-${index}`,
            color: step.status === 'rejected' || step.status === 'closed' ? 'gray' : 'blue',
            children: (
              <div>
                <Typography.Text strong>{APPLICATION_STATUS_LABELS[step.status]}</Typography.Text>
                <span className="muted"> {formatDateTime(step.at)}</span>
                {step.note && <div className="timeline-note">{step.note}</div>}
              </div>
            ),
          }))}
        />
        {application.reason && (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="结束原因">{application.reason}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
    </>
  );
  return (
    <div className="candidate-pane">
      <div className="pane-toolbar candidate-head">
        <Space direction="vertical" size={2}>
          <Space>
            <Typography.Title level={4} className="candidate-name">
              {name}
            </Typography.Title>
            <StatusTag status={application.status} />
            {application.respondBy && (
              <Tag color="orange" className="candidate-deadline">
                {formatHandleBy(application.respondBy)}
              </Tag>
            )}
          </Space>
          <Typography.Text type="secondary">
            投递「{application.job.title}」· {formatSalary(application.job.salary)} · {application.job.cityName} ·{' '}
            {formatDateTime(application.createdAt)}
          </Typography.Text>
        </Space>
        <Space align="start" wrap>
          <Button
            icon={<MessageOutlined />}
            className="candidate-open-chat"
            onClick={() => props.onOpenChat(application.conversationId)}
          >
            发消息
          </Button>
          <DecisionActions
            application={application}
            onChanged={(next) => detail.setData(() => next)}
            onRefused={detail.reload}
            onOffer={() => setTab('onboarding')}
          />
        </Space>
      </div>
      <div className="pane-body">
        <Tabs
          className="candidate-tabs"
          activeKey={tab}
          onChange={(key) => setTab(key as CandidateTab)}
          items={[
            { key: 'resume', label: '简历与进度', children: resumeTab },
            ...(hasOnboarding
              ? [{ key: 'onboarding', label: '录用与入职', children: <OnboardingPanel application={application} /> }]
              : []),
          ]}
        />
      </div>
    </div>
  );
}
