import { Alert, Badge, Button, Checkbox, Empty, List, Skeleton, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { debounce } from 'throttle-debounce';
import type { EmployerConversationSummary } from '../../../services/contracts/conversations';
import { errorMessage } from '../api/client';
import * as api from '../api/employer';
import { useRemote } from '../api/use-remote';
import {
  newerRow,
  placeRow,
  withMessage,
  withMorePage,
  withReload,
  type ConversationListState,
} from '../chat/conversation-rows';
import { formatDateTime } from '../format';
import { lineForHr } from '../chat/card-lines';
import { useEmployerEvents, useEmployerSocket } from '../realtime/employer-socket';

/** A burst of events about one conversation not shown yet is read once, this long after the last. */
const ROW_READ_DELAY_MS = 300;

function preview(row: EmployerConversationSummary): string {
  if (!row.lastMessage) return '还没有消息';
  const line = lineForHr(row.lastMessage);
  return row.lastMessage.from === 'hr' ? `我：${line}` : line;
}

/**
 * The company's conversations: candidate, job, last message and time, unread count; 只看未读 narrows them.
 * A message moves its row from the event itself; a new application, a read receipt or a message for a row not
 * shown reads the row from the server (so counts are the server's); after a reconnect the list reloads.
 */
export function ConversationListPane(props: { selectedId: string | undefined; onSelect(id: string): void }) {
  const { epoch } = useEmployerSocket();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [list, setList] = useState<ConversationListState>({ unreadOnly: false, items: [], nextCursor: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string>();
  const [rowError, setRowError] = useState<string>();
  const first = useRemote(
    () => api.listConversations({ unreadOnly }).then((page) => ({ ...page, unreadOnly })),
    [unreadOnly, epoch],
  );
  /** Latest row read per conversation: an older answer never overwrites a newer one. */
  const rowReads = useRef(new Map<string, number>());
  /** Row reads waiting for a burst of events to end, per conversation. */
  const pendingRowReads = useRef(new Map<string, debounce<() => void>>());

  useEffect(() => {
    if (first.data) {
      const fresh = first.data;
      setList((current) => withReload(current, fresh));
    }
    setMoreError(undefined);
  }, [first.data]);

  useEffect(() => {
    const pending = pendingRowReads.current;
    return () => pending.forEach((read) => read.cancel());
  }, []);

  const refreshRow = async (id: string) => {
    const request = (rowReads.current.get(id) ?? 0) + 1;
    rowReads.current.set(id, request);
    try {
      const row = await api.fetchConversation(id);
      if (rowReads.current.get(id) !== request) return;
      setRowError(undefined);
      setList((current) => {
        const shown = current.items.find((item) => item.id === id);
        // Under 只看未读 a row just read stays until the next reload, rather than vanish under the cursor.
        if (!shown && current.unreadOnly && row.unreadCount === 0) return current;
        // A message event may have moved the row past what this read saw.
        return { ...current, items: placeRow(current.items, shown ? newerRow(shown, row) : row) };
      });
    } catch (error) {
      setRowError(errorMessage(error));
    }
  };

  const refreshRowSoon = (id: string) => {
    let read = pendingRowReads.current.get(id);
    if (!read) {
      read = debounce(ROW_READ_DELAY_MS, () => {
        pendingRowReads.current.delete(id);
        void refreshRow(id);
      });
      pendingRowReads.current.set(id, read);
    }
    read();
  };

  useEmployerEvents((event) => {
    // A new application opens its conversation (with the greeting) without a message event.
    if (event.type === 'application.created') refreshRowSoon(event.application.conversationId);
    else if (event.type === 'read' && event.by === 'hr') refreshRowSoon(event.conversationId);
    else if (event.type === 'message') {
      const { conversationId, message } = event;
      if (list.items.some((item) => item.id === conversationId)) {
        setList((current) => {
          const shown = current.items.find((item) => item.id === conversationId);
          return shown ? { ...current, items: placeRow(current.items, withMessage(shown, message)) } : current;
        });
      } else refreshRowSoon(conversationId);
    }
  });

  const loadMore = async () => {
    if (!list.nextCursor) return;
    const askedFor = { unreadOnly: list.unreadOnly, cursor: list.nextCursor };
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await api.listConversations(askedFor);
      setList((current) => withMorePage(current, askedFor, page));
    } catch (error) {
      setMoreError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="conversation-list-pane">
      <div className="pane-toolbar conversation-list-toolbar">
        <Typography.Text strong>沟通中的求职者</Typography.Text>
        <Checkbox
          className="filter-unread"
          checked={unreadOnly}
          onChange={(event) => setUnreadOnly(event.target.checked)}
        >
          只看未读
        </Checkbox>
      </div>
      <div className="pane-body">
        {rowError && (
          <Alert
            type="warning"
            showIcon
            closable
            message={`会话列表未能及时更新：${rowError}`}
            action={
              <Button size="small" onClick={first.reload}>
                刷新
              </Button>
            }
            className="list-more-error"
          />
        )}
        {first.error ? (
          <Alert
            type="error"
            showIcon
            message="会话列表加载失败"
            description={first.error.message}
            action={
              <Button size="small" onClick={first.reload}>
                重试
              </Button>
            }
          />
        ) : first.loading && list.items.length === 0 ? (
          <Skeleton active avatar paragraph={{ rows: 6 }} />
        ) : list.items.length === 0 ? (
          <Empty description={unreadOnly ? '没有未读消息' : '还没有会话：求职者投递后会出现在这里'} />
        ) : (
          <List
            className="conversation-list"
            dataSource={list.items}
            rowKey="id"
            renderItem={(row) => (
              <List.Item
                className={[
                  'conversation-row',
                  row.id === props.selectedId ? 'conversation-row-selected' : '',
                  row.unreadCount ? 'conversation-row-unread' : '',
                ].join(' ')}
                data-id={row.id}
                onClick={() => props.onSelect(row.id)}
              >
                <List.Item.Meta
                  avatar={
                    <Badge count={row.unreadCount} size="small" className="conversation-unread">
                      <span className="applicant-avatar">{row.candidate.name.slice(0, 1)}</span>
                    </Badge>
                  }
                  title={
                    <div className="conversation-row-title">
                      <Space size={6}>
                        <span className="conversation-row-name">{row.candidate.name}</span>
                        <Typography.Text type="secondary" ellipsis className="conversation-row-job">
                          {row.jobTitle}
                        </Typography.Text>
                      </Space>
                      <Typography.Text type="secondary" className="conversation-row-time">
                        {row.lastMessage ? formatDateTime(row.lastMessage.sentAt) : ''}
                      </Typography.Text>
                    </div>
                  }
                  description={
                    <Typography.Text type="secondary" ellipsis className="conversation-row-preview">
                      {preview(row)}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        )}
        {moreError && (
          <Alert type="error" showIcon message={`加载更多失败：${moreError}`} className="list-more-error" />
        )}
        {list.nextCursor && !first.error && (
          <Button block loading={loadingMore} onClick={() => void loadMore()} className="list-more">
            {moreError ? '重试加载更多' : '加载更多'}
          </Button>
        )}
      </div>
    </div>
  );
}
