import { App, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  offerDateErrors,
  offerRules,
  PAY_KIND_LABELS,
  PAY_KINDS,
  type OfferInput,
  type Onboarding,
} from '../../../services/contracts/onboarding';
import { errorMessage } from '../api/client';
import * as api from '../api/employer';
import { contractRule, isRequired, showServerFieldErrors } from '../forms/contract-rules';
import { chinaToday, formatDateTime } from '../format';
import { offerExpiry } from './offer-expiry';

const VALID_DAYS = [1, 3, 7] as const;

/** The start date the form suggests: far enough ahead for the seeker to answer, sign and upload. */
const DEFAULT_START_IN_DAYS = 7;

type OfferFormValues = Omit<OfferInput, 'expiresAt'> & { validDays: number };

/**
 * The offer: position, pay, first day and place, probation, hours, what to bring, the documents to upload,
 * a contact and how long it stands. Prefilled from the job; every field checked by the contract's rules.
 */
export function OfferForm(props: {
  applicationId: string;
  jobTitle: string;
  /** The job's place: the form starts from it, so the HR corrects rather than types. */
  jobPlace: Onboarding['jobPlace'];
  payIsDaily: boolean;
  onSent(onboarding: Onboarding): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<OfferFormValues>();
  const [sending, setSending] = useState(false);
  const validDays = Form.useWatch('validDays', form);
  const startDate = Form.useWatch('startDate', form);
  // The deadline as it will be sent (shortened to the first day's start when that is sooner), once the
  // start date is one the rules can accept.
  const deadline =
    validDays && typeof startDate === 'string' && startDate > chinaToday()
      ? formatDateTime(offerExpiry({ validDays, startDate }, Date.now()))
      : null;

  const toInput = (values: OfferFormValues): OfferInput => {
    const { validDays, ...rest } = values;
    return { ...rest, expiresAt: offerExpiry({ validDays, startDate: rest.startDate }, Date.now()) };
  };

  const submit = async () => {
    try {
      await form.validateFields();
    } catch (error) {
      // The errors may be far up a long form: bring the first one into view.
      const first = (error as { errorFields?: Array<{ name: (string | number)[] }> }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return;
    }
    setSending(true);
    try {
      props.onSent(await api.sendOffer(props.applicationId, toInput(form.getFieldsValue(true) as OfferFormValues)));
      void message.success('录用通知已发送，求职者会在聊天和投递详情里看到');
    } catch (error) {
      if (!showServerFieldErrors(form, error)) void message.error(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  const item = (name: keyof OfferInput, label: string) => ({
    name,
    label,
    required: isRequired(offerRules, name),
    rules: [contractRule(offerRules, name, form, (values) => toInput(values as OfferFormValues))],
  });
  /** The start date: its format by the rules, then after today (as the server checks it). */
  const startDateItem = {
    ...item('startDate', '入职日期'),
    validateFirst: true,
    rules: [
      ...item('startDate', '入职日期').rules,
      {
        validator: async (_rule: unknown, value: string) => {
          const now = Date.now();
          const validDays = form.getFieldValue('validDays') as number;
          const startDate = value ?? '';
          const [error] = offerDateErrors({ startDate, expiresAt: offerExpiry({ validDays, startDate }, now) }, now);
          if (error) throw new Error(error.message);
        },
      },
    ],
  };

  return (
    <Form
      form={form}
      layout="vertical"
      className="offer-form"
      // 日结 gigs have no probation; a monthly job starts from 3 months. Only when the HR has not set it.
      onValuesChange={(changed: Partial<OfferFormValues>) => {
        if (changed.payKind && !form.isFieldTouched('probationMonths')) {
          form.setFieldsValue({ probationMonths: changed.payKind === 'daily' ? 0 : 3 });
        }
      }}
      initialValues={{
        position: props.jobTitle,
        payKind: props.payIsDaily ? 'daily' : 'monthly',
        payYuan: '',
        startDate: chinaToday(Date.now() + DEFAULT_START_IN_DAYS * 86400 * 1000),
        reportTime: '09:00',
        address: props.jobPlace?.address ?? '',
        latitude: props.jobPlace?.latitude,
        longitude: props.jobPlace?.longitude,
        probationMonths: props.payIsDaily ? 0 : 3,
        workingHours: '09:00-18:00',
        dayHours: 8,
        bring: '身份证原件、一寸照片两张',
        documents: ['idCardFront', 'idCardBack', 'health'],
        contactName: '',
        contactPhone: '',
        note: '',
        validDays: 3,
      }}
    >
      <Form.Item {...item('position', '岗位')}>
        <Input maxLength={40} />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item {...item('payKind', '薪资方式')}>
          <Radio.Group options={PAY_KINDS.map((kind) => ({ value: kind, label: PAY_KIND_LABELS[kind] }))} />
        </Form.Item>
        <Form.Item {...item('payYuan', '金额（元）')}>
          <Input placeholder="日结填日薪，月薪填月薪" inputMode="decimal" />
        </Form.Item>
        <Form.Item {...item('dayHours', '每日工时')}>
          <InputNumber min={1} max={12} suffix="小时" />
        </Form.Item>
      </Space>
      <Space align="start" wrap>
        <Form.Item {...startDateItem}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item {...item('reportTime', '报到时间')}>
          <Input placeholder="HH:mm" />
        </Form.Item>
        <Form.Item {...item('probationMonths', '试用期')}>
          <InputNumber min={0} max={6} suffix="个月" />
        </Form.Item>
      </Space>
      <Form.Item {...item('address', '报到地点')}>
        <Input maxLength={100} />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item {...item('latitude', '纬度')}>
          <InputNumber step={0.0001} />
        </Form.Item>
        <Form.Item {...item('longitude', '经度')}>
          <InputNumber step={0.0001} />
        </Form.Item>
      </Space>
      <Form.Item {...item('workingHours', '工作时间')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item {...item('bring', '报到需携带')}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
      <Form.Item {...item('documents', '需上传的入职材料')}>
        <Checkbox.Group options={DOCUMENT_KINDS.map((kind) => ({ value: kind, label: DOCUMENT_KIND_LABELS[kind] }))} />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item {...item('contactName', '报到联系人')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item {...item('contactPhone', '联系人手机')}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="validDays" label="有效期" extra={deadline && `求职者需在${deadline}前确认`}>
          <Select
            style={{ width: 120 }}
            options={VALID_DAYS.map((days) => ({ value: days, label: `${days}天内确认` }))}
          />
        </Form.Item>
      </Space>
      <Form.Item {...item('note', '录用说明（选填）')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Button type="primary" loading={sending} onClick={() => void submit()}>
        发送录用通知
      </Button>
    </Form>
  );
}
