import type { ConversationSummary } from '../services/contracts/conversations';
import { formatCount, formatMessageTime } from '../format';

export interface ConversationRowView {
  id: string;
  title: string;
  subtitle: string;
  preview: string;
  timeText: string;
  unreadText: string;
  avatarText: string;
}

export function toConversationRowView(c: ConversationSummary, now: number = Date.now()): ConversationRowView {
  const prefix = c.lastMessage?.from === 'seeker' ? '我：' : '';
  return {
    id: c.id,
    title: `${c.hr.name} · ${c.companyName}`,
    subtitle: `沟通职位：${c.jobTitle}`,
    preview: c.lastMessage ? prefix + c.lastMessage.text : '还没有消息',
    timeText: formatMessageTime(c.lastMessage?.sentAt ?? c.updatedAt, now),
    unreadText: c.unreadCount > 0 ? formatCount(c.unreadCount) : '',
    avatarText: c.hr.name.slice(0, 1),
  };
}
