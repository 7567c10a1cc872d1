import { FileTextOutlined, PhoneOutlined } from '@ant-design/icons';
import { Sender } from '@ant-design/x';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { MESSAGE_TEXT_MAX, messageTextProblem } from '../../../services/contracts/chat-text';
import type { ConsentSubject } from '../../../services/contracts/conversations';
import { visibleLength } from '../../../services/contracts/text';

/** Why a consent button cannot be used now, or null. */
export type ConsentBlocker = string | null;

/**
 * Where the HR writes: the shared text rule (a counter as a person counts characters, the field's message
 * under it), Enter sends and Shift+Enter starts a new line, and the consent requests. What was typed stays
 * until it is accepted for sending.
 */
export function ChatComposer(props: {
  disabled: boolean;
  /** Answers the problem to show, or null once the message is on its way. */
  onSend(text: string): string | null;
  onRequestConsent(subject: ConsentSubject): Promise<void>;
  consentBlockers: Record<ConsentSubject, ConsentBlocker>;
}) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState<ConsentSubject>();
  const length = visibleLength(draft.trim());
  const tooLong = length > MESSAGE_TEXT_MAX;

  const submit = (text: string) => {
    const refused = props.onSend(text);
    setProblem(refused);
    if (!refused) setDraft('');
  };

  const ask = async (subject: ConsentSubject) => {
    setAsking(subject);
    try {
      await props.onRequestConsent(subject);
    } finally {
      setAsking(undefined);
    }
  };

  const consentButton = (subject: ConsentSubject, label: string, icon: ReactNode) => {
    const blocker = props.consentBlockers[subject];
    return (
      <Tooltip title={blocker}>
        <Button
          size="small"
          icon={icon}
          className={`chat-ask-${subject}`}
          disabled={props.disabled || !!blocker}
          loading={asking === subject}
          onClick={() => void ask(subject)}
        >
          {label}
        </Button>
      </Tooltip>
    );
  };

  return (
    <div className="chat-composer">
      <Space size={8} className="chat-consent-actions">
        {consentButton('attachment', '索要附件简历', <FileTextOutlined />)}
        {consentButton('phone', '索要手机号', <PhoneOutlined />)}
      </Space>
      <Sender
        className="chat-sender"
        value={draft}
        disabled={props.disabled}
        placeholder={props.disabled ? '无法发送消息' : '输入消息，Enter 发送，Shift+Enter 换行'}
        autoSize={{ minRows: 2, maxRows: 6 }}
        onChange={(value) => {
          setDraft(value);
          // A shown problem goes once the text is fine again (or cleared); over the limit it shows while typing.
          if (problem) setProblem(value.trim() ? messageTextProblem(value) : null);
        }}
        onSubmit={submit}
        // Over the limit the send button is off too (Enter shows the problem and keeps the text).
        actions={(_, { components: { SendButton } }) => (
          <SendButton className="chat-send" disabled={tooLong || undefined} />
        )}
      />
      <div className="chat-composer-foot">
        <Typography.Text type="danger" className="chat-field-error" role="alert">
          {problem ?? (tooLong ? messageTextProblem(draft) : '')}
        </Typography.Text>
        <Typography.Text type={tooLong ? 'danger' : 'secondary'} className="chat-counter">
          {length}/{MESSAGE_TEXT_MAX}
        </Typography.Text>
      </div>
    </div>
  );
}
