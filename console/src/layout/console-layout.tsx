import {
  ApiOutlined,
  FileTextOutlined,
  LogoutOutlined,
  MessageOutlined,
  ProfileOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { App, Badge, Button, Layout, Menu, Space, Switch, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../api/client';
import { useUnreadTotal } from '../chat/use-unread-total';
import * as api from '../api/employer';
import { useEmployerSocket, type SocketState } from '../realtime/employer-socket';
import { useSession } from '../session/session';

export type ConsolePage = 'applications' | 'messages' | 'interviews' | 'jobs';

const PAGES: Array<{ key: ConsolePage; label: string; icon: ReactNode }> = [
  { key: 'applications', label: '投递管理', icon: <FileTextOutlined /> },
  { key: 'messages', label: '消息', icon: <MessageOutlined /> },
  { key: 'interviews', label: '面试', icon: <VideoCameraOutlined /> },
  { key: 'jobs', label: '职位管理', icon: <ProfileOutlined /> },
];

const SOCKET_LABELS: Record<SocketState, { status: 'success' | 'processing' | 'warning'; text: string }> = {
  open: { status: 'success', text: '实时连接正常' },
  connecting: { status: 'processing', text: '正在连接…' },
  reconnecting: { status: 'warning', text: '连接断开，正在重连…' },
};

/** The frame around every signed-in page: the menu, who is signed in, the autopilot switch, live status. */
export function ConsoleLayout(props: { page: ConsolePage; onNavigate(page: ConsolePage): void; children: ReactNode }) {
  const session = useSession();
  const socket = useEmployerSocket();
  const { message } = App.useApp();
  const [switching, setSwitching] = useState(false);
  const unread = useUnreadTotal();
  const { hr } = session;
  const live = SOCKET_LABELS[socket.state];

  const toggleAutopilot = async (enabled: boolean) => {
    setSwitching(true);
    try {
      session.updateHr(await api.setAutopilot(enabled));
      void message.success(enabled ? '已开启自动处理：模拟HR会按规则查看和答复投递' : '已关闭自动处理：投递只由你处理');
    } catch (error) {
      void message.error(`切换失败：${errorMessage(error)}`);
    } finally {
      setSwitching(false);
    }
  };

  return (
    <Layout className="console-layout">
      <Layout.Sider width={180} theme="light" className="console-sider">
        <div className="console-brand">1号直聘 · 招聘端</div>
        <Menu
          mode="inline"
          selectedKeys={[props.page]}
          items={PAGES.map((page) => ({
            key: page.key,
            icon: page.icon,
            label: page.key === 'messages' ? <MessagesLabel unread={unread} /> : page.label,
          }))}
          onClick={({ key }) => {
            message.destroy(); // a toast belongs to the page it was raised on
            props.onNavigate(key as ConsolePage);
          }}
        />
      </Layout.Sider>
      <Layout className="console-main">
        <Layout.Header className="console-header">
          <Space size="large">
            <Typography.Text strong className="console-company">
              {hr.company.name}
            </Typography.Text>
            <Typography.Text className="console-hr">
              {hr.name} · {hr.title}
            </Typography.Text>
          </Space>
          <Space size="large">
            <Badge status={live.status} text={<span className="console-live">{live.text}</span>} />
            <Tooltip title="开启后，模拟HR会按回复率自动查看、邀约或拒绝你的投递；你登录时已自动关闭，避免覆盖你的处理。">
              <Space>
                <ApiOutlined />
                <span>自动处理</span>
                <Switch
                  className="autopilot-switch"
                  checked={hr.autopilot}
                  loading={switching}
                  onChange={(checked) => void toggleAutopilot(checked)}
                />
              </Space>
            </Tooltip>
            <Button icon={<LogoutOutlined />} onClick={() => void session.signOut()}>
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="console-content">{props.children}</Layout.Content>
      </Layout>
    </Layout>
  );
}

/** 消息 with the company's unread count; a failed count says so and is read again with the next message. */
function MessagesLabel({ unread }: { unread: ReturnType<typeof useUnreadTotal> }) {
  return (
    <span className="menu-messages">
      消息
      {unread.error ? (
        <Tooltip title={`未读数获取失败：${unread.error.message}`}>
          <Badge status="error" className="menu-unread-error" />
        </Tooltip>
      ) : (
        <Badge count={unread.data?.unreadCount ?? 0} size="small" className="menu-unread" />
      )}
    </span>
  );
}
