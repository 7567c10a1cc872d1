import { Bubble } from '@ant-design/x';
import type { BubbleListRef } from '@ant-design/x/es/bubble/BubbleList';
import { Alert, Button, Empty, Result, Skeleton, Space, Spin, Typography } from 'antd';
import { useEffect, useLayoutEffect, useMemo, useRef, type UIEvent } from 'react';
import type { ChatMessage, ConsentSubject } from '../../../services/contracts/conversations';
import { ApiRequestError } from '../api/client';
import * as api from '../api/employer';
import { useRemote } from '../api/use-remote';
import {
  attachmentShared,
  consentAnswers,
  deliveryOf,
  DELIVERY_LABELS,
  openConsentRequest,
  threadItems,
  type ThreadItem,
} from '../chat/thread-state';
import { BLOCKED_MESSAGE, useConversationThread } from '../chat/use-conversation-thread';
import { formatDateTime, formatSalary } from '../format';
import { useEmployerEvents } from '../realtime/employer-socket';
import { ChatCard, type CandidateContact } from '../widgets/chat-card';
import { ChatComposer, type ConsentBlocker } from '../widgets/chat-composer';
import { StatusTag } from '../widgets/status-tag';

/** Older history loads once the HR scrolls this close to the top. */
const OLDER_THRESHOLD_PX = 48;

/** The HR's side of one conversation: who and which job on top, the thread, and the composer. */
export function ConversationPane(props: { conversationId: string | undefined; onOpenApplication(id: string): void }) {
  if (!props.conversationId) {
    return (
      <div className="pane-body pane-empty">
        <Empty description="在左侧选择一个会话，与求职者沟通" />
      </div>
    );
  }
  return (
    <ConversationThreadView
      key={props.conversationId}
      conversationId={props.conversationId}
      onOpenApplication={props.onOpenApplication}
    />
  );
}

function ConversationThreadView(props: { conversationId: string; onOpenApplication(id: string): void }) {
  const { conversationId } = props;
  const chat = useConversationThread(conversationId);
  const { summary, thread } = chat;
  const listRef = useRef<BubbleListRef>(null);
  /** Scroll height before an older page went in front, to keep the same messages on screen. */
  const beforeOlder = useRef<{ height: number; top: number }>();

  // The application behind the chat: its status and the phone, masked until the seeker shares it.
  const applicationId = summary?.applicationId;
  const application = useRemote(
    () => (applicationId ? api.fetchApplication(applicationId) : Promise.resolve(undefined)),
    [applicationId],
  );
  useEmployerEvents((event) => {
    if (event.type === 'application.updated' && event.application.id === applicationId) {
      application.setData(() => event.application);
    }
  });
  const resume = application.data?.applicantResume;
  const contact: CandidateContact | undefined =
    resume && !resume.redacted ? { phone: resume.phone, shared: resume.contactShared } : undefined;

  const items = useMemo(() => threadItems(thread), [thread]);
  const answers = useMemo(() => consentAnswers(thread.messages), [thread.messages]);
  const blocked = !!summary?.blocked;

  // An older page went in front: keep what the HR was reading where it was.
  const firstSeq = thread.messages[0]?.seq;
  useLayoutEffect(() => {
    const list = listRef.current?.nativeElement;
    const before = beforeOlder.current;
    if (!list || !before) return;
    beforeOlder.current = undefined;
    list.scrollTop = list.scrollHeight - before.height + before.top;
  }, [firstSeq]);

  // The HR's own new message: show it, wherever the HR had scrolled.
  const pendingCount = thread.pending.length;
  useEffect(() => {
    const list = listRef.current?.nativeElement;
    if (list && pendingCount > 0) list.scrollTo({ top: list.scrollHeight });
  }, [pendingCount]);

  if (chat.status === 'error') {
    const gone = chat.loadError instanceof ApiRequestError && chat.loadError.status === 404;
    return (
      <Result
        status={gone ? '404' : 'error'}
        title={gone ? '会话不存在' : '会话加载失败'}
        subTitle={chat.loadError?.message}
        extra={
          !gone && (
            <Button type="primary" onClick={chat.reload}>
              重试
            </Button>
          )
        }
      />
    );
  }
  if (chat.status === 'loading' || !summary) {
    return <Skeleton active avatar paragraph={{ rows: 8 }} className="pane-body" />;
  }

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const list = event.currentTarget;
    if (list.scrollTop > OLDER_THRESHOLD_PX || !thread.hasOlder || chat.loadingOlder || chat.olderError) return;
    beforeOlder.current = { height: list.scrollHeight, top: list.scrollTop };
    chat.loadOlder();
  };

  const consentBlocker = (subject: ConsentSubject): ConsentBlocker => {
    if (subject === 'phone' && contact?.shared) return '求职者已分享手机号';
    if (subject === 'attachment' && attachmentShared(thread.messages)) return '求职者已分享附件简历';
    return openConsentRequest(thread.messages, subject) ? '已发出请求，等待求职者回复' : null;
  };

  const bubble = (item: ThreadItem) => {
    const message: Pick<ChatMessage, 'from' | 'text' | 'sentAt' | 'card'> = item.stored ?? {
      from: 'hr',
      text: item.pending.text,
      sentAt: item.pending.sentAt,
      card: null,
    };
    const delivery = deliveryOf(thread, item);
    const side = message.from === 'hr' ? 'hr' : message.from === 'seeker' ? 'seeker' : 'system';
    const content =
      item.stored?.card != null ? (
        <ChatCard
          message={item.stored}
          conversationId={conversationId}
          answer={answers.get(item.stored.seq)}
          contact={contact}
        />
      ) : (
        message.text
      );
    return {
      key: item.key,
      className: `chat-line chat-line-${side}${message.card ? ' chat-line-card' : ''}`,
      'data-seq': item.stored?.seq,
      placement: side === 'hr' ? ('end' as const) : ('start' as const),
      variant: message.card || side === 'system' ? ('borderless' as const) : ('filled' as const),
      avatar:
        side === 'seeker' ? { children: summary.candidate.name.slice(0, 1), className: 'chat-avatar' } : undefined,
      content,
      footer: (
        <Space size={6} className="chat-line-foot">
          <span className="muted">{formatDateTime(message.sentAt)}</span>
          {/* One label: a failure says why (发送太频繁…) in place of the bare 发送失败. */}
          {delivery && !item.pending?.failure && (
            <span className={`chat-state chat-state-${delivery}`}>{DELIVERY_LABELS[delivery]}</span>
          )}
          {item.pending?.failure && (
            <>
              <Typography.Text type="danger" className="chat-state chat-state-failed chat-failure">
                {item.pending.failure}
              </Typography.Text>
              {!blocked && (
                <Button size="small" type="link" className="chat-resend" onClick={() => chat.retry(item.key)}>
                  重发
                </Button>
              )}
            </>
          )}
        </Space>
      ),
    };
  };

  const phoneText = contact?.phone ? contact.phone : null;
  return (
    <div className="conversation-pane">
      <div className="pane-toolbar conversation-head">
        <Space direction="vertical" size={2}>
          <Space>
            <Typography.Title level={4} className="conversation-candidate">
              {summary.candidate.name}
            </Typography.Title>
            <StatusTag status={summary.applicationStatus} />
            {phoneText && (
              <Typography.Text className="conversation-phone" copyable={contact?.shared}>
                {phoneText}
              </Typography.Text>
            )}
            {application.error && (
              <Button
                size="small"
                type="link"
                danger
                onClick={application.reload}
                className="conversation-contact-retry"
              >
                联系方式加载失败，重试
              </Button>
            )}
          </Space>
          <Typography.Text type="secondary" className="conversation-job">
            沟通职位「{summary.jobTitle}」· {formatSalary(summary.salary)}
          </Typography.Text>
        </Space>
        <Button
          className="conversation-open-application"
          onClick={() => props.onOpenApplication(summary.applicationId)}
        >
          查看投递
        </Button>
      </div>
      <div className="conversation-thread">
        {thread.hasOlder && (
          <div className="chat-older">
            {chat.olderError ? (
              <Button size="small" type="link" onClick={chat.loadOlder}>
                更早的消息加载失败：{chat.olderError}，点击重试
              </Button>
            ) : chat.loadingOlder ? (
              <Spin size="small" />
            ) : (
              <Button size="small" type="link" onClick={chat.loadOlder} className="chat-older-button">
                查看更早的消息
              </Button>
            )}
          </div>
        )}
        {items.length === 0 ? (
          <Empty className="chat-empty" description="还没有消息，打个招呼吧" />
        ) : (
          <Bubble.List ref={listRef} className="chat-messages" items={items.map(bubble)} onScroll={onScroll} />
        )}
      </div>
      {chat.syncError && (
        <Alert
          type="warning"
          showIcon
          className="chat-sync-error"
          message={`新消息同步失败：${chat.syncError}`}
          action={
            <Button size="small" onClick={chat.resync}>
              重试
            </Button>
          }
        />
      )}
      {blocked && <Alert type="error" showIcon className="chat-blocked" message={BLOCKED_MESSAGE} />}
      <ChatComposer
        disabled={blocked}
        onSend={chat.send}
        onRequestConsent={chat.requestConsent}
        consentBlockers={{ attachment: consentBlocker('attachment'), phone: consentBlocker('phone') }}
      />
    </div>
  );
}
