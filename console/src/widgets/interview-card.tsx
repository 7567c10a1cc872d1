import { Alert, App, Button, Card, Empty, Form, Input, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import {
  cancelInterviewRules,
  canMoveInterview,
  DECLINE_REASON_MAX,
  INTERVIEW_KIND_LABELS,
  INTERVIEW_STATUS_LABELS,
  MAX_RESCHEDULES,
  refuseRescheduleRules,
  type EmployerInterview,
  type InterviewStatus,
} from '../../../services/contracts/interviews';
import { errorMessage } from '../api/client';
import * as api from '../api/employer';
import type { EmployerApplication } from '../api/employer';
import { useRemote } from '../api/use-remote';
import { contractRule } from '../forms/contract-rules';
import { formatInterviewTime } from '../format';
import { useEmployerEvents, useEmployerSocket } from '../realtime/employer-socket';
import { InviteDialog } from './invite-dialog';

const STATUS_COLORS: Record<InterviewStatus, string> = {
  invited: 'blue',
  reschedule_requested: 'orange',
  scheduled: 'green',
  declined: 'default',
  cancelled: 'default',
};

/** The two moves that ask the HR why (the seeker reads the reason). */
const REASON_MOVES = {
  refuse: {
    title: '不同意改期',
    label: '不同意的原因（求职者可见）',
    rules: refuseRescheduleRules,
    send: api.refuseReschedule,
    done: '已告知求职者：不同意改期',
  },
  cancel: {
    title: '取消面试',
    label: '取消原因（求职者可见）',
    rules: cancelInterviewRules,
    send: api.cancelInterview,
    done: '面试已取消',
  },
} as const;

/**
 * The application's interviews as the HR sees them: times offered or agreed, the seeker's answers, confirming
 * a reschedule (one of the seeker's times) or refusing it, cancelling with a reason, the way into the video
 * room, and a new round once the last one is over.
 */
export function InterviewCard(props: {
  application: EmployerApplication;
  onApplicationChanged(application: EmployerApplication): void;
  onOpenRoom(interviewId: string): void;
}) {
  const { application } = props;
  const { message } = App.useApp();
  const { epoch } = useEmployerSocket();
  const interviews = useRemote(() => api.listInterviews(application.id), [application.id, epoch]);
  const [asking, setAsking] = useState<{ interview: EmployerInterview; move: keyof typeof REASON_MOVES }>();
  const [inviting, setInviting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  useEmployerEvents(
    useCallback(
      (event) => {
        if (event.type !== 'interview.updated' || event.interview.applicationId !== application.id) return;
        interviews.setData((current) => {
          const items = current?.items ?? [];
          const others = items.filter((item) => item.id !== event.interview.id);
          return { items: [event.interview, ...others] };
        });
      },
      [application.id, interviews],
    ),
  );

  const act = async (send: () => Promise<EmployerInterview>, done: string) => {
    setBusy(true);
    try {
      const next = await send();
      interviews.setData((current) => ({
        items: (current?.items ?? []).map((item) => (item.id === next.id ? next : item)),
      }));
      void message.success(done);
      return true;
    } catch (error) {
      void message.error(errorMessage(error));
      interviews.reload();
      return false;
    } finally {
      setBusy(false);
    }
  };

  const ask = (interview: EmployerInterview, move: keyof typeof REASON_MOVES) => {
    form.resetFields();
    setAsking({ interview, move });
  };

  const sendWithReason = async () => {
    if (!asking) return;
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const move = REASON_MOVES[asking.move];
    const reason = form.getFieldValue('reason') as string;
    if (await act(() => move.send(asking.interview.id, reason), move.done)) setAsking(undefined);
  };
  const askingMove = asking && REASON_MOVES[asking.move];

  const items = interviews.data?.items ?? [];
  const open = items.some((item) => ['invited', 'reschedule_requested', 'scheduled'].includes(item.status));
  const canInviteAgain = application.status === 'interview' && !open && interviews.data !== undefined;

  return (
    <Card
      size="small"
      title="面试"
      className="interview-card"
      extra={
        canInviteAgain && (
          <Button size="small" onClick={() => setInviting(true)}>
            {items.length ? '再次邀请' : '邀请面试'}
          </Button>
        )
      }
    >
      {interviews.error && (
        <Alert
          type="error"
          message={`面试加载失败：${interviews.error.message}`}
          action={<Button onClick={interviews.reload}>重试</Button>}
        />
      )}
      {!interviews.data && !interviews.error && <Skeleton active paragraph={{ rows: 2 }} />}
      {interviews.data && !items.length && <Empty description="还没有面试邀请" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {items.map((interview) => (
        <div key={interview.id} className="interview-entry" data-interview={interview.id}>
          <Space wrap>
            <Tag color={STATUS_COLORS[interview.status]}>{INTERVIEW_STATUS_LABELS[interview.status]}</Tag>
            <Typography.Text strong>{INTERVIEW_KIND_LABELS[interview.kind]}</Typography.Text>
            <Typography.Text type="secondary">
              面试官 {interview.interviewer} · {interview.lengthMinutes}分钟
            </Typography.Text>
          </Space>
          <div className="interview-times">
            {interview.scheduledAt
              ? `已确定：${formatInterviewTime(interview.scheduledAt)}`
              : `${interview.status === 'reschedule_requested' ? '原定' : '可选'}：${interview.slots.map(formatInterviewTime).join('、')}`}
          </div>
          {interview.status === 'reschedule_requested' && (
            <div className="interview-proposed">
              求职者提议改到：{interview.proposedSlots.map(formatInterviewTime).join('、')}
            </div>
          )}
          {interview.address && <div className="muted">地址：{interview.address}</div>}
          {interview.phone && <div className="muted">电话：{interview.phone}</div>}
          {interview.declineReason && <div className="muted">求职者拒绝：{interview.declineReason}</div>}
          {interview.cancelReason && <div className="muted">已取消：{interview.cancelReason}</div>}
          {interview.rescheduleRefusal && <div className="muted">未同意改期：{interview.rescheduleRefusal}</div>}
          {interview.rescheduleCount > 0 && (
            <div className="muted">
              求职者已申请改期 {interview.rescheduleCount} 次（最多 {MAX_RESCHEDULES} 次）
            </div>
          )}
          {interview.feedback && (
            <div className="muted">
              求职者反馈：{interview.feedback.tookPlace ? '面试已进行' : '面试未进行'}，
              {interview.feedback.interviewerCame ? '面试官到场' : '面试官未到场'}
            </div>
          )}
          <Space wrap className="interview-actions">
            {canMoveInterview(interview.status, 'confirm') &&
              interview.proposedSlots.map((slot) => (
                <Button
                  key={slot}
                  type="primary"
                  size="small"
                  loading={busy}
                  onClick={() =>
                    void act(() => api.confirmInterview(interview.id, slot), '已确认改期，求职者会收到通知')
                  }
                >
                  确认改到 {formatInterviewTime(slot)}
                </Button>
              ))}
            {canMoveInterview(interview.status, 'refuse') && (
              <Button size="small" onClick={() => ask(interview, 'refuse')}>
                不同意改期
              </Button>
            )}
            {interview.kind === 'video' && interview.status === 'scheduled' && (
              <Button size="small" onClick={() => props.onOpenRoom(interview.id)}>
                去面试间
              </Button>
            )}
            {canMoveInterview(interview.status, 'cancel') && (
              <Button size="small" danger onClick={() => ask(interview, 'cancel')}>
                取消面试
              </Button>
            )}
          </Space>
        </div>
      ))}
      <Modal
        open={!!asking}
        title={askingMove?.title}
        okText={askingMove?.title}
        cancelText="返回"
        confirmLoading={busy}
        onOk={() => void sendWithReason()}
        onCancel={() => setAsking(undefined)}
        className="interview-reason-dialog"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ reason: '' }}>
          <Form.Item
            name="reason"
            label={askingMove?.label}
            required
            rules={[contractRule(askingMove?.rules ?? cancelInterviewRules, 'reason', form)]}
          >
            <Input.TextArea rows={3} showCount maxLength={DECLINE_REASON_MAX} />
          </Form.Item>
        </Form>
      </Modal>
      <InviteDialog
        application={application}
        open={inviting}
        onClose={() => setInviting(false)}
        onInvited={(next) => {
          props.onApplicationChanged(next);
          interviews.reload();
          void message.success('面试邀请已发送');
        }}
        onRefused={(error) => void message.error(errorMessage(error))}
      />
    </Card>
  );
}
