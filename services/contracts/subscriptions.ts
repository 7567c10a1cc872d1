/**
 * Subscription messages (订阅消息). The app asks with `my.requestSubscribeMessage({ entityIds })` (at most three
 * one-time templates a call, never mixed with long-term ones) and reports the accepted ids to the backend.
 * Each one-time consent allows one message: every status change of an application (except the seeker's own
 * withdrawal) uses one consent and the backend records what it would send with
 * `alipay.open.app.mini.templatemessage.send`. Only ES2017 built-ins here.
 */
import type { ApplicationStatus } from './applications';
import type { InputRules } from './validation';

export type SubscriptionTemplateKey =
  'applicationStatus' | 'interviewInvite' | 'offer' | 'interviewReminder' | 'chatMessage';

export interface SubscriptionTemplate {
  /** The template id as configured on Alipay's merchant platform (what `entityIds` takes). */
  id: string;
  /** Shown in the consent sheet. */
  title: string;
  /** keyword1, keyword2, … in order. */
  keywords: readonly string[];
}

/** The one-time templates this mini-program uses; the mock accepts only these ids. */
export const SUBSCRIPTION_TEMPLATES: Record<SubscriptionTemplateKey, SubscriptionTemplate> = {
  applicationStatus: {
    id: 'c2f0a9b1e4d74b6a9d3e5f7a1b2c3d01',
    title: '投递进度通知',
    keywords: ['职位名称', '公司名称', '投递状态', '更新时间', '备注'],
  },
  interviewInvite: {
    id: 'c2f0a9b1e4d74b6a9d3e5f7a1b2c3d02',
    title: '面试邀请通知',
    keywords: ['职位名称', '公司名称', '面试安排', '邀请时间'],
  },
  offer: {
    id: 'c2f0a9b1e4d74b6a9d3e5f7a1b2c3d03',
    title: '录用结果通知',
    keywords: ['职位名称', '公司名称', '录用结果', '通知时间'],
  },
  /** Each reminder (24 h and 1 h before) uses one consent: two reminders need two. */
  interviewReminder: {
    id: 'c2f0a9b1e4d74b6a9d3e5f7a1b2c3d04',
    title: '面试提醒',
    keywords: ['职位名称', '公司名称', '面试时间', '面试方式'],
  },
  // Used for an HR message that finds the seeker with no open connection.
  chatMessage: {
    id: 'c2f0a9b1e4d74b6a9d3e5f7a1b2c3d05',
    title: '新消息提醒',
    keywords: ['职位名称', '公司名称', '消息内容', '发送时间'],
  },
};

/** `my.requestSubscribeMessage` takes at most three template ids a call. */
export const SUBSCRIBE_TEMPLATES_PER_CALL = 3;

/**
 * Templates a status change may use, preferred first: an interview invitation uses an interview-invite
 * consent when there is one, else a general progress consent.
 */
export const TEMPLATES_FOR_STATUS: Partial<Record<ApplicationStatus, readonly SubscriptionTemplateKey[]>> = {
  viewed: ['applicationStatus'],
  interview: ['interviewInvite', 'applicationStatus'],
  offer: ['offer', 'applicationStatus'],
  hired: ['offer', 'applicationStatus'],
  rejected: ['applicationStatus'],
  closed: ['applicationStatus'],
};

/** Where an interview reminder opens the app; `?id=` is the interview id. */
export const NOTIFICATION_INTERVIEW_PAGE = 'subpackages/interviews/pages/detail/index';

/** Where a notification opens the app (`page` of templatemessage.send); `?id=` is the application id. */
export const NOTIFICATION_APPLICATION_PAGE = 'subpackages/applications/pages/detail/index';
/** Where a chat notification opens the app; `?id=` is the conversation id. */
export const NOTIFICATION_CONVERSATION_PAGE = 'subpackages/chat/pages/conversation/index';

/** POST /subscriptions: the ids the user accepted (`res.result.subscribedEntityIds`). */
export interface SubscribeRequest {
  templateIds: string[];
  /** Ties the consents to one application; without it they serve any of the seeker's applications. */
  applicationId?: string;
}

/** One unused one-time consent. */
export interface SubscriptionConsent {
  id: string;
  templateId: string;
  applicationId: string | null;
  /** ISO 8601 */
  grantedAt: string;
}

/** POST /subscriptions (201) and GET /subscriptions: every unused consent of the seeker, oldest first. */
export interface SubscriptionConsentList {
  items: SubscriptionConsent[];
}

/** GET /__admin/notifications?userId= item: a message the backend would have sent. */
export interface WouldSendNotification {
  id: string;
  userId: string;
  templateId: string;
  applicationId: string;
  status: ApplicationStatus;
  /** Set for a chat message sent as a notification. */
  conversationId: string | null;
  /** As templatemessage.send takes it: { keyword1: { value }, … }. */
  data: Record<string, { value: string }>;
  page: string;
  /** ISO 8601 simulated time of the status change. */
  at: string;
}

export interface WouldSendNotificationList {
  items: WouldSendNotification[];
}

const KNOWN_TEMPLATE_IDS = Object.keys(SUBSCRIPTION_TEMPLATES).map(
  (key) => SUBSCRIPTION_TEMPLATES[key as SubscriptionTemplateKey].id,
);

export const subscribeRules: InputRules<SubscribeRequest> = {
  templateIds: {
    required: true,
    validator: (_rule, value: unknown) => {
      if (!Array.isArray(value) || value.length === 0) return new Error('请选择要订阅的消息');
      if (value.length > SUBSCRIBE_TEMPLATES_PER_CALL) {
        return new Error(`一次最多订阅${SUBSCRIBE_TEMPLATES_PER_CALL}条消息`);
      }
      for (let i = 0; i < value.length; i++) {
        if (typeof value[i] !== 'string' || KNOWN_TEMPLATE_IDS.indexOf(value[i]) < 0) {
          return new Error('订阅消息模板不存在');
        }
        if (value.indexOf(value[i]) !== i) return new Error('订阅消息模板不能重复');
      }
      return true;
    },
  },
  applicationId: { type: 'string', pattern: /^\d{1,12}$/, message: '投递记录不正确' },
};
