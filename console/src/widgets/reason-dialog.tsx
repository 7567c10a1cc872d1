import { Form, Input, Modal } from 'antd';
import type { Rules } from '../../../services/contracts/validation';
import { contractRule } from '../forms/contract-rules';

/**
 * Asks why before a refusal (退回 a document, 驳回 a shift): the reason is checked by the contract's rule, so
 * an empty one is named under the box, and the dialog stays open with what was typed until the refusal went
 * through (`onSubmit` answers true).
 */
export function ReasonDialog(props: {
  open: boolean;
  title: string;
  okText: string;
  placeholder: string;
  /** The request's rules; `reason` is checked with `decision` beside it. */
  rules: Rules;
  decision: string;
  busy: boolean;
  onSubmit(reason: string): Promise<boolean>;
  onCancel(): void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    if (await props.onSubmit((form.getFieldValue('reason') as string).trim())) form.resetFields();
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={props.busy}
      onOk={() => void submit()}
      onCancel={props.onCancel}
      className="reason-dialog"
    >
      <Form form={form} layout="vertical" initialValues={{ reason: '' }}>
        <Form.Item
          name="reason"
          label="原因（求职者可见）"
          required
          rules={[
            contractRule(props.rules, 'reason', form, (values) => ({
              decision: props.decision,
              reason: values.reason,
            })),
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={props.placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
