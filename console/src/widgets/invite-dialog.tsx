import { Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  INTERVIEW_KIND_LABELS,
  INTERVIEW_KINDS,
  INTERVIEW_NOTES_MAX,
  inviteInterviewRules,
  LENGTH_MINUTES,
  MAX_SLOTS,
  slotErrors,
  type InterviewKind,
  type InviteInterviewRequest,
} from '../../../services/contracts/interviews';
import { ApiRequestError } from '../api/client';
import * as api from '../api/employer';
import type { EmployerApplication } from '../api/employer';
import { contractRule, isRequired } from '../forms/contract-rules';
import { useSession } from '../session/session';

interface InviteForm {
  kind: InterviewKind;
  slots: (Dayjs | null)[];
  lengthMinutes: number;
  interviewer: string;
  notes: string;
  address: string;
  phone: string;
}

const startOf = (slot: Dayjs) => slot.second(0).millisecond(0).toISOString();

function toRequest(values: InviteForm): InviteInterviewRequest {
  return {
    kind: values.kind,
    slots: values.slots.filter((slot): slot is Dayjs => !!slot).map(startOf),
    lengthMinutes: values.lengthMinutes,
    interviewer: values.interviewer ?? '',
    notes: values.notes ?? '',
    ...(values.kind === 'onsite' ? { address: values.address ?? '' } : {}),
    ...(values.kind === 'phone' ? { phone: values.phone ?? '' } : {}),
  };
}

/**
 * 邀请面试: the kind, one to five times, the length, the interviewer and notes (with the address or phone the
 * kind needs). Checked with the contract's rules and slot checks before sending; the server's field errors
 * land under their fields, and nothing typed is lost on a failure.
 */
export function InviteDialog(props: {
  application: EmployerApplication;
  open: boolean;
  onClose(): void;
  onInvited(application: EmployerApplication): void;
  onRefused(error: unknown): void;
}) {
  const { hr } = useSession();
  const [form] = Form.useForm<InviteForm>();
  const [sending, setSending] = useState(false);
  const kind = Form.useWatch('kind', form);
  const rule = (field: string) => contractRule(inviteInterviewRules, field, form);
  /** A row's time: picked, not past, not overlapping an earlier row (the contract's slotErrors). */
  const slotRule = (index: number) => ({
    validator: async () => {
      const values = form.getFieldsValue(true) as InviteForm;
      if (!values.slots[index]) throw new Error('请选择时间，或删除这一行');
      const picked = values.slots.map((slot, row) => ({ slot, row })).filter((item) => !!item.slot);
      const errors = slotErrors(
        picked.map((item) => startOf(item.slot as Dayjs)),
        values.lengthMinutes || LENGTH_MINUTES.min,
        Date.now(),
      );
      const mine = errors.find((error) => error.path === `slots.${picked.findIndex((item) => item.row === index)}`);
      if (mine) throw new Error(mine.message);
    },
  });

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setSending(true);
    try {
      props.onInvited(await api.inviteApplication(props.application.id, toRequest(form.getFieldsValue(true))));
      props.onClose();
    } catch (error) {
      if (error instanceof ApiRequestError && error.fields.length) {
        form.setFields(
          error.fields.map((field) => {
            const [name, index] = field.path.split('.');
            return { name: index === undefined ? name : [name, Number(index)], errors: [field.message] };
          }) as Parameters<typeof form.setFields>[0],
        );
      } else {
        props.onRefused(error);
        props.onClose();
      }
    } finally {
      setSending(false);
    }
  };

  const tomorrowTen = dayjs().add(1, 'day').hour(10).minute(0).second(0).millisecond(0);
  return (
    <Modal
      open={props.open}
      title="邀请面试"
      okText="发送邀请"
      cancelText="取消"
      confirmLoading={sending}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
      className="invite-dialog"
      width={560}
    >
      <Form<InviteForm>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'video',
          slots: [tomorrowTen, tomorrowTen.add(1, 'day').hour(15)],
          lengthMinutes: 30,
          interviewer: hr.name,
          notes: '',
          address: '',
          phone: '',
        }}
      >
        <Form.Item name="kind" label="面试方式" required rules={[rule('kind')]}>
          <Radio.Group
            optionType="button"
            options={INTERVIEW_KINDS.map((value) => ({ value, label: INTERVIEW_KIND_LABELS[value] }))}
          />
        </Form.Item>
        <Form.List name="slots">
          {(fields, { add, remove }) => (
            <Form.Item label={`可选时间（求职者从中选一个，最多${MAX_SLOTS}个）`} required>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" className="invite-slot">
                  <Form.Item name={field.name} rules={[slotRule(field.name)]} className="invite-slot-picker">
                    <DatePicker
                      showTime={{ format: 'HH:mm', minuteStep: 15 }}
                      format="YYYY-MM-DD HH:mm"
                      placeholder="选择日期和时间"
                      disabledDate={(day) => day.isBefore(dayjs(), 'day')}
                    />
                  </Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(field.name)}>删除</Button>}
                </Space>
              ))}
              {fields.length < MAX_SLOTS && <Button onClick={() => add(null)}>添加时间</Button>}
            </Form.Item>
          )}
        </Form.List>
        <Space size="large">
          <Form.Item name="lengthMinutes" label="时长（分钟）" required rules={[rule('lengthMinutes')]}>
            <InputNumber min={LENGTH_MINUTES.min} max={LENGTH_MINUTES.max} step={15} />
          </Form.Item>
          <Form.Item
            name="interviewer"
            label="面试官"
            required={isRequired(inviteInterviewRules, 'interviewer')}
            rules={[rule('interviewer')]}
          >
            <Input placeholder="例如：李经理" />
          </Form.Item>
        </Space>
        {kind === 'onsite' && (
          <Form.Item name="address" label="面试地址" required rules={[rule('address')]}>
            <Input placeholder="例如：杭州市西湖区文三路100号 5楼前台" />
          </Form.Item>
        )}
        {kind === 'phone' && (
          <Form.Item name="phone" label="联系电话" required rules={[rule('phone')]}>
            <Input placeholder="例如：0571-88886666" />
          </Form.Item>
        )}
        <Form.Item name="notes" label="备注（求职者可见）" rules={[rule('notes')]}>
          <Input.TextArea rows={3} showCount maxLength={INTERVIEW_NOTES_MAX} placeholder="例如：请准备一段自我介绍" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
