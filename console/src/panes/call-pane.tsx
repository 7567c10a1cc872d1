import { Alert, Button, Empty, Result, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callClockText, RTC_SIGNAL_PATH, type RoomTicket } from '../../../services/contracts/rtc';
import { InterviewCall, type CallState } from '../../../webrtc/interview-call';
import { errorMessage } from '../api/client';
import * as api from '../api/employer';

declare global {
  interface Window {
    /** The call on screen, for QA and the browser journeys (stats, drop). */
    __interviewCall?: InterviewCall;
  }
}

const PHASE_TEXT: Record<CallState['phase'], string> = {
  connecting: '正在进入面试间…',
  waiting: '候场中',
  alone: '等待求职者进入',
  in_call: '通话中',
  reconnecting: '重连中…',
  ended: '通话已结束',
  failed: '通话中断',
};

/** The HR's side of the video call: enter the room, admit the waiting seeker, talk, hang up. */
export function CallPane(props: { interviewId: string | undefined }) {
  if (!props.interviewId) {
    return (
      <div className="pane-body pane-empty">
        <Empty description="在左侧选择一场视频面试，进入面试间" />
      </div>
    );
  }
  return <CallRoom key={props.interviewId} interviewId={props.interviewId} />;
}

function CallRoom(props: { interviewId: string }) {
  const [ticket, setTicket] = useState<RoomTicket>();
  const [error, setError] = useState('');
  const [entering, setEntering] = useState(false);
  const [state, setState] = useState<CallState>();
  const [micOn, setMicOn] = useState(true);
  const [cameraOn, setCameraOn] = useState(true);
  const [now, setNow] = useState(Date.now());
  /** Server time the call first connected, for 通话时长 (kept through a reconnect); null before. */
  const callStartedAt = useRef<number | null>(null);
  const call = useRef<InterviewCall>();
  const [localStream, setLocalStream] = useState<MediaStream>();
  // The preview appears with the room, after the stream exists.
  const showLocal = useCallback(
    (video: HTMLVideoElement | null) => {
      if (video && localStream && video.srcObject !== localStream) video.srcObject = localStream;
    },
    [localStream],
  );
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const clockOffset = useRef(0);

  useEffect(() => () => call.current?.dispose(), []);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const enter = async () => {
    setEntering(true);
    setError('');
    try {
      const next = await api.enterInterviewRoom(props.interviewId);
      clockOffset.current = Date.parse(next.now) - Date.now();
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      setLocalStream(stream);
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      const started = new InterviewCall({
        role: 'hr',
        signalUrl: `${scheme}://${location.host}${RTC_SIGNAL_PATH}?token=${encodeURIComponent(next.token)}`,
        localStream: stream,
        onState: (next) => {
          if (next.phase === 'in_call') callStartedAt.current ??= Date.now() + clockOffset.current;
          setState(next);
        },
        onRemoteStream: (remote) => {
          if (remoteVideo.current) remoteVideo.current.srcObject = remote;
        },
      });
      call.current = started;
      window.__interviewCall = started;
      started.start();
      setTicket(next);
    } catch (failure) {
      setError(
        failure instanceof DOMException
          ? '无法使用摄像头或麦克风，请在浏览器地址栏允许访问后重试'
          : errorMessage(failure),
      );
    } finally {
      setEntering(false);
    }
  };

  if (!ticket) {
    return (
      <div className="pane-body call-enter">
        {error && <Alert type="error" message={error} className="call-error" />}
        <Button type="primary" size="large" loading={entering} onClick={() => void enter()}>
          进入面试间
        </Button>
        <Typography.Paragraph type="secondary">面试开始前15分钟开放，结束后30分钟关闭。</Typography.Paragraph>
      </div>
    );
  }

  const serverNow = now + clockOffset.current;
  const phase = state?.phase ?? 'connecting';
  const over = phase === 'ended' || phase === 'failed';
  // Alone after the call began: the seeker hung up (a dropped seeker shows as 对方重连中 instead).
  const seekerLeft = phase === 'alone' && callStartedAt.current !== null;
  const clock = callClockText(ticket, serverNow, { phase, startedAt: callStartedAt.current });
  return (
    <div className="pane-body call-room" data-phase={phase}>
      <Space className="call-status" wrap>
        <Tag color={phase === 'in_call' ? 'green' : phase === 'reconnecting' ? 'orange' : 'blue'}>
          {seekerLeft ? '求职者已挂断' : PHASE_TEXT[phase]}
        </Tag>
        {state?.peer === 'reconnecting' && <Tag color="orange">对方重连中</Tag>}
        {clock && <span className="call-clock">{clock}</span>}
      </Space>
      {state?.message && <Alert type={phase === 'failed' ? 'error' : 'info'} message={state.message} />}
      {seekerLeft && state?.peer === 'absent' && (
        <Alert
          type="info"
          className="call-seeker-left"
          message="求职者已挂断"
          description="求职者离开了面试间。可以等TA重新进入，或结束这次面试。"
          action={
            <Button className="call-end" onClick={() => call.current?.hangup()}>
              结束面试
            </Button>
          }
        />
      )}
      {state?.peer === 'waiting' && (
        <Alert
          type="warning"
          message="求职者正在候场"
          action={
            <Button type="primary" className="call-admit" onClick={() => call.current?.admit()}>
              让TA进入
            </Button>
          }
        />
      )}
      <div className="call-videos">
        <video ref={remoteVideo} className="call-remote" autoPlay playsInline />
        <video ref={showLocal} className="call-local" autoPlay playsInline muted />
        {!cameraOn && !over && <div className="call-local-off">摄像头已关闭</div>}
      </div>
      {over ? (
        <Result status={phase === 'failed' ? 'warning' : 'success'} title={PHASE_TEXT[phase]} />
      ) : (
        <Space className="call-controls">
          <Button
            type={micOn ? 'default' : 'primary'}
            className={micOn ? 'call-control' : 'call-control call-control-off'}
            onClick={() => {
              call.current?.setMicrophone(!micOn);
              setMicOn(!micOn);
            }}
          >
            {micOn ? '静音' : '取消静音'}
          </Button>
          <Button
            type={cameraOn ? 'default' : 'primary'}
            className={cameraOn ? 'call-control' : 'call-control call-control-off'}
            onClick={() => {
              call.current?.setCamera(!cameraOn);
              setCameraOn(!cameraOn);
            }}
          >
            {cameraOn ? '关闭摄像头' : '打开摄像头'}
          </Button>
          <Button danger type="primary" onClick={() => call.current?.hangup()}>
            挂断
          </Button>
        </Space>
      )}
    </div>
  );
}
