import { DownloadOutlined, PhoneOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ChatMessage } from '../../../services/contracts/conversations';
import { errorMessage } from '../api/client';
import * as api from '../api/employer';
import { cardTitleForHr, lineForHr } from '../chat/card-lines';

/** The candidate's phone as this employer may see it: masked until they share it. */
export interface CandidateContact {
  phone: string | null;
  shared: boolean;
}

/**
 * A card message in the thread: consent requests with their answer, consent answers (the phone, revealed once
 * shared; the attachment, downloadable), status changes, interviews, offers and whatever kinds come next.
 */
export function ChatCard(props: {
  message: ChatMessage;
  conversationId: string;
  /** For a consent request: the seeker's answer, if any. */
  answer?: ChatMessage;
  contact?: CandidateContact;
}) {
  const { message: chatMessage, answer, contact } = props;
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const card = chatMessage.card;
  const kind = card?.kind ?? 'unknown';

  let detail: ReactNode = null;
  if (card?.kind === 'consent_request') {
    const agreed = answer?.card?.kind === 'consent_answer' && answer.card.agreed;
    detail = (
      <Typography.Text type={answer ? undefined : 'secondary'} className="chat-card-answer-state">
        {!answer ? '等待求职者回复' : agreed ? '求职者已同意' : '求职者已拒绝'}
        {!answer && card.subject === 'phone' && contact?.phone && !contact.shared
          ? `，同意前号码显示为 ${contact.phone}`
          : ''}
      </Typography.Text>
    );
  } else if (card?.kind === 'consent_answer' && card.agreed && card.subject === 'phone' && contact?.phone) {
    detail = (
      <Space className="chat-card-phone">
        <PhoneOutlined />
        <Typography.Text strong copyable={contact.shared}>
          {contact.phone}
        </Typography.Text>
        {!contact.shared && <Typography.Text type="secondary">正在获取完整号码…</Typography.Text>}
      </Space>
    );
  } else if (card?.kind === 'consent_answer' && card.agreed && card.attachment) {
    const attachment = card.attachment;
    const download = async () => {
      setDownloading(true);
      try {
        await api.downloadSharedAttachment(props.conversationId, attachment.id, attachment.fileName);
      } catch (error) {
        void message.error(`附件下载失败：${errorMessage(error)}`);
      } finally {
        setDownloading(false);
      }
    };
    detail = (
      <Button
        icon={<DownloadOutlined />}
        loading={downloading}
        onClick={() => void download()}
        className="chat-card-download"
      >
        下载「{attachment.fileName}」
      </Button>
    );
  }

  return (
    <Card
      size="small"
      title={cardTitleForHr(card ?? null)}
      className={`chat-card chat-card-${kind.replace(/_/g, '-')}`}
      data-kind={kind}
    >
      <div className="chat-card-text">{lineForHr(chatMessage)}</div>
      {detail && <div className="chat-card-detail">{detail}</div>}
    </Card>
  );
}
