import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { canTransition, type ApplicationStatus } from '../../../services/contracts/applications';
import { REASON_MAX, rejectApplicationRules } from '../../../services/contracts/employer';
import type { Rules } from '../../../services/contracts/validation';
import { ApiRequestError, errorMessage } from '../api/client';
import * as api from '../api/employer';
import type { EmployerApplication } from '../api/employer';
import { contractRule, isRequired, showServerFieldErrors } from '../forms/contract-rules';
import { InviteDialog } from './invite-dialog';

type NoteAction = 'reject';

interface NoteDialog {
  title: string;
  field: 'reason' | 'note';
  label: string;
  placeholder: string;
  max: number;
  rules: Rules;
  ok: string;
  send(id: string, text: string): Promise<EmployerApplication>;
  done: string;
}

const DIALOGS: Record<NoteAction, NoteDialog> = {
  reject: {
    title: '标记为不合适',
    field: 'reason',
    label: '不合适的原因（求职者可见）',
    placeholder: '例如：岗位要求3年以上相关经验，暂不匹配',
    max: REASON_MAX,
    rules: rejectApplicationRules,
    ok: '确认不合适',
    send: (id, text) => api.rejectApplication(id, text),
    done: '已标记为不合适，求职者会看到原因',
  },
};

/**
 * The moves the state machine allows from the application's status, each with its form (the offer, and
 * everything after it, is the onboarding pane's). A refusal (the
 * seeker withdrew meanwhile, 409) is shown as a message and the pane reloads; field errors sit under the field.
 */
export function DecisionActions(props: {
  application: EmployerApplication;
  onChanged(application: EmployerApplication): void;
  onRefused(): void;
  /** Opens the offer form (the 录用与入职 tab). */
  onOffer(): void;
}) {
  const { application } = props;
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<NoteAction>();
  const [inviting, setInviting] = useState(false);
  const [sending, setSending] = useState(false);
  const [form] = Form.useForm<Record<string, string>>();
  const can = (to: ApplicationStatus) => canTransition(application.status, to);

  const refused = (error: unknown) => {
    void message.error(errorMessage(error));
    if (error instanceof ApiRequestError && (error.status === 409 || error.status === 404)) props.onRefused();
  };

  const run = async (action: () => Promise<EmployerApplication>, done: string) => {
    setSending(true);
    try {
      props.onChanged(await action());
      void message.success(done);
      return true;
    } catch (error) {
      refused(error);
      return false;
    } finally {
      setSending(false);
    }
  };

  // The dialog's form mounts afresh on each opening (destroyOnHidden, preserve={false}): nothing to reset.
  const open = (action: NoteAction) => setDialog(action);

  const submit = async () => {
    if (!dialog) return;
    const spec = DIALOGS[dialog];
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setSending(true);
    try {
      props.onChanged(await spec.send(application.id, String(form.getFieldValue(spec.field) ?? '')));
      void message.success(spec.done);
      setDialog(undefined);
    } catch (error) {
      if (!showServerFieldErrors(form, error)) {
        refused(error);
        setDialog(undefined);
      }
    } finally {
      setSending(false);
    }
  };

  const spec = dialog && DIALOGS[dialog];
  const actions = [
    application.status === 'submitted' && (
      <Button key="view" onClick={() => void run(() => api.viewApplication(application.id), '已标记为已查看')}>
        标记已查看
      </Button>
    ),
    can('interview') && (
      <Button key="invite" type="primary" onClick={() => setInviting(true)}>
        邀请面试
      </Button>
    ),
    can('offer') && (
      <Button key="offer" type="primary" onClick={props.onOffer}>
        发放录用
      </Button>
    ),
    (application.status === 'submitted' || can('rejected')) && (
      <Button key="reject" danger onClick={() => open('reject')}>
        不合适
      </Button>
    ),
  ].filter(Boolean);

  return (
    <>
      <Space wrap className="decision-actions">
        {actions.length ? (
          actions
        ) : (
          <span className="muted">
            {application.status === 'offer'
              ? '已发录用通知：签约、入职材料和报到在「录用与入职」中跟进'
              : application.status === 'hired'
                ? '已入职'
                : '该投递已结束，无需操作'}
          </span>
        )}
      </Space>
      <InviteDialog
        application={application}
        open={inviting}
        onClose={() => setInviting(false)}
        onInvited={(next) => {
          props.onChanged(next);
          void message.success('面试邀请已发送，求职者可在「我的面试」中选择时间');
        }}
        onRefused={refused}
      />
      <Modal
        open={!!spec}
        title={spec?.title}
        okText={spec?.ok}
        cancelText="取消"
        confirmLoading={sending}
        onOk={() => void submit()}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
        className="decision-dialog"
      >
        {spec && (
          <Form form={form} layout="vertical" preserve={false} initialValues={{ [spec.field]: '' }}>
            <Form.Item
              name={spec.field}
              label={spec.label}
              required={isRequired(spec.rules, spec.field)}
              rules={[contractRule(spec.rules, spec.field, form)]}
            >
              <Input.TextArea rows={4} showCount maxLength={spec.max} placeholder={spec.placeholder} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
