import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './app';
import { SessionProvider } from './session/session';
import './styles.css';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1677ff' } }}>
      {/* Toasts are short and few: at most 3 at once, gone after 2.5 s (and on a page switch). */}
      <AntApp className="console-root" message={{ maxCount: 3, duration: 2.5 }}>
        <SessionProvider>
          <ConsoleApp />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
