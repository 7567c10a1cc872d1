import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Rate,
  Result,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  ANSWER_SECONDS_MAX,
  ANSWER_SECONDS_MIN,
  DEADLINE_DAYS_MAX,
  QUESTION_TEXT_MAX,
  RECORDED_INTERVIEW_STATUS_LABELS,
  RECORDED_QUESTIONS_MAX,
  recordedQuestionSetRules,
  RETAKES_MAX,
  THINKING_SECONDS_MAX,
  type EmployerRecordedInterview,
  type RecordedQuestionSetInput,
} from '../../../services/contracts/recorded-interviews';
import { errorMessage, mediaUrl } from '../api/client';
import * as api from '../api/employer';
import type { EmployerApplication } from '../api/employer';
import { useRemote } from '../api/use-remote';
import { useEmployerEvents, useEmployerSocket } from '../realtime/employer-socket';
import { contractRule, showServerFieldErrors } from '../forms/contract-rules';
import { formatDateTime, formatDuration } from '../format';
import { AnswerVideo } from '../widgets/answer-video';

/** Statuses an application may be sent a recorded interview in (the server decides; this only hides the form). */
const SENDABLE = ['submitted', 'viewed', 'interview'];

/**
 * 视频面试 for the selected application: before sending, the job's questions (edit them) and the deadline;
 * after, each answer to play and rate. The decisions (录用, 不合适) are the candidate pane's.
 */
export function RecordedInterviewPane(props: { application: EmployerApplication | undefined }) {
  const { application } = props;
  if (!application) {
    return (
      <div className="pane-body pane-empty">
        <Empty description="选择一份投递后，在这里发送视频面试、观看回答" />
      </div>
    );
  }
  return <RecordedInterviewDetail key={application.id} application={application} />;
}

function RecordedInterviewDetail({ application }: { application: EmployerApplication }) {
  const { epoch } = useEmployerSocket();
  // Loaded again after every (re)connect: answers may have arrived while the socket was down.
  const remote = useRemote(() => api.fetchRecordedInterview(application.id), [application.id, epoch]);
  useEmployerEvents((event) => {
    if (event.type === 'recorded-interview.updated' && event.applicationId === application.id) {
      remote.setData(() => event.interview);
    }
  });
  if (remote.error) {
    return (
      <Result
        status="error"
        title="视频面试加载失败"
        subTitle={remote.error.message}
        extra={
          <Button type="primary" onClick={remote.reload}>
            重试
          </Button>
        }
      />
    );
  }
  if (remote.loading && remote.data === undefined) return <Skeleton active className="pane-body" />;
  const interview = remote.data ?? null;
  return (
    <div className="recorded-pane">
      <div className="pane-toolbar">
        <Typography.Title level={5} className="pane-title">
          视频面试
        </Typography.Title>
        {interview && (
          <Space>
            <Tag
              color={interview.status === 'completed' ? 'green' : interview.status === 'expired' ? 'default' : 'blue'}
            >
              {RECORDED_INTERVIEW_STATUS_LABELS[interview.status]}
            </Tag>
            <Button size="small" onClick={remote.reload} loading={remote.loading}>
              刷新
            </Button>
          </Space>
        )}
      </div>
      <div className="pane-body">
        {interview ? (
          <Answers interview={interview} onChanged={(next) => remote.setData(() => next)} />
        ) : (
          <SendForm application={application} onSent={(sent) => remote.setData(() => sent)} />
        )}
      </div>
    </div>
  );
}

function Answers(props: {
  interview: EmployerRecordedInterview;
  onChanged(interview: EmployerRecordedInterview): void;
}) {
  const { interview, onChanged } = props;
  const { message } = App.useApp();
  const [rating, setRating] = useState<string>();

  async function rate(questionId: string, value: number) {
    setRating(questionId);
    try {
      onChanged(await api.rateAnswer(interview.id, questionId, value));
      message.success('评分已保存');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setRating(undefined);
    }
  }

  return (
    <Space direction="vertical" size={12} className="recorded-answers">
      <Typography.Text type="secondary">
        {formatDateTime(interview.sentAt)}发送 · {formatDateTime(interview.deadline)}截止 · 每题可重录
        {interview.retakes}次{interview.completedAt && ` · ${formatDateTime(interview.completedAt)}完成`}
      </Typography.Text>
      {interview.reviewedAt && <Alert type="info" showIcon message="自动助手已观看并评分（你可以修改评分）" />}
      {interview.questions.map((question) => (
        <Card
          key={question.id}
          size="small"
          title={`第${question.index}题 · ${question.text}`}
          className="recorded-answer"
        >
          {question.answer && question.videoUrl ? (
            <Space direction="vertical" className="recorded-answer-body">
              <AnswerVideo src={mediaUrl(question.videoUrl)} questionIndex={question.index} />
              <Typography.Text type="secondary">
                时长 {formatDuration(question.answer.durationMs)} · 录了{question.takesUsed}次 ·{' '}
                {formatDateTime(question.answer.uploadedAt)}提交
              </Typography.Text>
              <Space>
                <span>评分</span>
                <Rate
                  value={question.rating ?? 0}
                  disabled={rating === question.id}
                  onChange={(value) => value > 0 && void rate(question.id, value)}
                />
              </Space>
            </Space>
          ) : (
            <Typography.Text type="secondary">
              {interview.status === 'expired' ? '未作答（已截止）' : '等待求职者作答'}
            </Typography.Text>
          )}
        </Card>
      ))}
    </Space>
  );
}

function SendForm(props: { application: EmployerApplication; onSent(interview: EmployerRecordedInterview): void }) {
  const { application, onSent } = props;
  const jobId = application.job.id;
  const { message } = App.useApp();
  const questionSet = useRemote(() => api.fetchQuestionSet(jobId), [jobId]);
  const [editing, setEditing] = useState(false);
  const [sending, setSending] = useState(false);
  const [deadlineDays, setDeadlineDays] = useState(3);

  if (!SENDABLE.includes(application.status)) {
    return <Empty description="这份投递已结束或已录用，不能再发送视频面试" />;
  }
  if (questionSet.error) {
    return (
      <Result
        status="error"
        title="题目加载失败"
        subTitle={questionSet.error.message}
        extra={<Button onClick={questionSet.reload}>重试</Button>}
      />
    );
  }
  const set = questionSet.data;
  if (!set) return <Skeleton active />;

  async function send() {
    setSending(true);
    try {
      onSent(await api.sendRecordedInterview(application.id, deadlineDays));
      message.success('视频面试已发送，求职者会在消息里收到');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSending(false);
    }
  }

  return (
    <Space direction="vertical" size={12} className="recorded-send">
      <Card
        size="small"
        title={`「${application.job.title}」的题目`}
        extra={
          <Button size="small" onClick={() => setEditing(true)}>
            {set.questions.length ? '修改题目' : '设置题目'}
          </Button>
        }
      >
        {set.questions.length ? (
          <ol className="recorded-questions">
            {set.questions.map((question, index) => (
              <li key={index}>
                {question.text}
                <span className="muted">
                  {' '}
                  思考{question.thinkingSeconds}秒 · 回答{formatDuration(question.answerSeconds * 1000)}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <Typography.Text type="secondary">还没有题目：先设置1–{RECORDED_QUESTIONS_MAX}道题</Typography.Text>
        )}
        {set.questions.length > 0 && <Typography.Text type="secondary">每题可重录{set.retakes}次</Typography.Text>}
      </Card>
      <Space wrap>
        <span>作答期限</span>
        <InputNumber
          min={1}
          max={DEADLINE_DAYS_MAX}
          value={deadlineDays}
          onChange={(value) => setDeadlineDays(value ?? 1)}
          suffix="天"
          aria-label="作答期限（天）"
          className="deadline-input"
        />
        <Button type="primary" disabled={!set.questions.length} loading={sending} onClick={() => void send()}>
          发送视频面试
        </Button>
      </Space>
      {editing && (
        <QuestionEditor
          jobId={jobId}
          initial={set.questions.length ? set : { questions: [emptyQuestion()], retakes: set.retakes }}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            questionSet.setData(() => saved);
            setEditing(false);
          }}
        />
      )}
    </Space>
  );
}

const emptyQuestion = () => ({ text: '', thinkingSeconds: 30, answerSeconds: 60 });

function QuestionEditor(props: {
  jobId: string;
  initial: RecordedQuestionSetInput;
  onClose(): void;
  onSaved(set: Awaited<ReturnType<typeof api.saveQuestionSet>>): void;
}) {
  const [form] = Form.useForm<RecordedQuestionSetInput>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  /**
   * One question's field checked by the contract's rules, so it says what the server would; typed numbers
   * stay as typed (no silent clamping to the limits).
   */
  const questionRule = (index: number, field: keyof RecordedQuestionSetInput['questions'][number]) =>
    contractRule(recordedQuestionSetRules, `questions.${index}.${field}`, form);

  async function save() {
    let values: RecordedQuestionSetInput;
    try {
      values = await form.validateFields();
    } catch {
      return; // each field shows its own message
    }
    setSaving(true);
    setFailure(undefined);
    try {
      props.onSaved(await api.saveQuestionSet(props.jobId, values));
    } catch (error) {
      // A 400 names each field (`questions.0.text`): put it under that field.
      const placed = showServerFieldErrors(form, error);
      if (!placed) setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title="视频面试题目"
      okText="保存"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={props.onClose}
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={props.initial}>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`第${index + 1}题`}
                  className="question-editor"
                  extra={
                    fields.length > 1 && (
                      <Button size="small" type="link" danger onClick={() => remove(field.name)}>
                        删除
                      </Button>
                    )
                  }
                >
                  <Form.Item
                    name={[field.name, 'text']}
                    label="题目"
                    required
                    rules={[questionRule(field.name, 'text')]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2 }} maxLength={QUESTION_TEXT_MAX} showCount />
                  </Form.Item>
                  <Space>
                    <Form.Item
                      name={[field.name, 'thinkingSeconds']}
                      label="思考时间（秒）"
                      required
                      rules={[questionRule(field.name, 'thinkingSeconds')]}
                    >
                      <InputNumber placeholder={`0–${THINKING_SECONDS_MAX}`} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'answerSeconds']}
                      label="回答时长（秒）"
                      required
                      rules={[questionRule(field.name, 'answerSeconds')]}
                    >
                      <InputNumber placeholder={`${ANSWER_SECONDS_MIN}–${ANSWER_SECONDS_MAX}`} />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              {fields.length < RECORDED_QUESTIONS_MAX && (
                <Button block onClick={() => add(emptyQuestion())}>
                  添加一题（最多{RECORDED_QUESTIONS_MAX}题）
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item
          name="retakes"
          label="每题可重录次数"
          className="retakes-field"
          required
          rules={[contractRule(recordedQuestionSetRules, 'retakes', form)]}
        >
          <InputNumber placeholder={`0–${RETAKES_MAX}`} />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon message={failure} />}
    </Modal>
  );
}
