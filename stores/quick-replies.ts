import './mobx-config';
import { makeAutoObservable } from 'mobx';
import { QUICK_REPLY_MAX, QUICK_REPLY_TEXT_MAX } from '../services/contracts/conversations';
import { messageTextProblem } from '../services/contracts/chat-text';
import { readStorage, writeStorage } from '../services/platform/storage';

export const QUICK_REPLIES_STORAGE_KEY = 'chat.quickReplies';

const DEFAULT_QUICK_REPLIES = [
  '您好，请问这个职位还在招吗？',
  '我对这个职位很感兴趣，方便发一下详细的工作内容吗？',
  '请问面试是线上还是线下？',
  '好的，谢谢！',
];

/** 常用语: the seeker's own quick replies, kept on the device, at most 20. */
export class QuickRepliesStore {
  items: string[];

  constructor() {
    const stored = readStorage<string[]>(QUICK_REPLIES_STORAGE_KEY);
    this.items = Array.isArray(stored) ? stored.filter((item) => typeof item === 'string') : DEFAULT_QUICK_REPLIES;
    makeAutoObservable(this);
  }

  /** Answers the problem to show, or null when saved. */
  add(text: string): string | null {
    if (this.items.length >= QUICK_REPLY_MAX) return `常用语最多${QUICK_REPLY_MAX}条`;
    const problem = this.check(text);
    return problem ?? this.save([...this.items, text.trim()]);
  }

  edit(index: number, text: string): string | null {
    if (index < 0 || index >= this.items.length) return '这条常用语已不存在';
    const problem = this.check(text);
    if (problem) return problem;
    const next = this.items.slice();
    next[index] = text.trim();
    return this.save(next);
  }

  remove(index: number): string | null {
    return this.save(this.items.filter((_, i) => i !== index));
  }

  /** Moves one up (-1) or down (+1). */
  move(index: number, by: -1 | 1): string | null {
    const target = index + by;
    if (index < 0 || target < 0 || target >= this.items.length) return null;
    const next = this.items.slice();
    [next[index], next[target]] = [next[target], next[index]];
    return this.save(next);
  }

  private check(text: string): string | null {
    const problem = messageTextProblem(text);
    if (problem) return problem.replace('消息内容', '常用语');
    if (text.trim().length > QUICK_REPLY_TEXT_MAX) return `常用语不能超过${QUICK_REPLY_TEXT_MAX}个字`;
    return null;
  }

  /** Stored first, shown after: the list on screen is always what the device keeps. */
  private save(next: string[]): string | null {
    if (!writeStorage(QUICK_REPLIES_STORAGE_KEY, next)) return '保存失败，请稍后重试';
    this.items = next;
    return null;
  }
}

export const quickRepliesStore = new QuickRepliesStore();
