import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import {
  CONTRACT_STATUS_LABELS,
  documentReviewRules,
  revokeContractRules,
  shiftReviewRules,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATUS_LABELS,
  OFFER_STATUS_LABELS,
  PAY_KIND_LABELS,
  SHIFT_STATUS_LABELS,
  formatWorkDay,
  verifyContractProof,
  type Onboarding,
  type OnboardingDocument,
  type Shift,
} from '../../../services/contracts/onboarding';
import { errorMessage } from '../api/client';
import * as api from '../api/employer';
import type { EmployerApplication } from '../api/employer';
import { useRemote } from '../api/use-remote';
import { contractRule, showServerFieldErrors } from '../forms/contract-rules';
import { formatDateTime, formatMetres, formatFen, formatMinutes } from '../format';
import { useEmployerEvents, useEmployerSocket } from '../realtime/employer-socket';
import { useSession } from '../session/session';
import { DocumentPreview } from '../widgets/document-preview';
import { OfferForm } from '../widgets/offer-form';
import { ReasonDialog } from '../widgets/reason-dialog';

/** SHA-256 in hex with the browser's WebCrypto. */
async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const STATUS_COLORS: Record<string, string> = {
  pending: 'orange',
  accepted: 'green',
  declined: 'red',
  expired: 'default',
  signing: 'orange',
  signed: 'green',
  revoked: 'default',
  missing: 'default',
  uploaded: 'orange',
  rejected: 'red',
  working: 'blue',
  submitted: 'orange',
  approved: 'cyan',
  paid: 'green',
};

/**
 * 录用与入职 (a tab of the candidate pane): the offer (or its form), the contract to countersign, the
 * documents to review, the first day, 日结 shifts to approve and pay. Live over the employer socket.
 */
export function OnboardingPanel({ application }: { application: EmployerApplication }) {
  const { epoch } = useEmployerSocket();
  const remote = useRemote(() => api.fetchOnboarding(application.id), [application.id, application.status, epoch]);
  useEmployerEvents((event) => {
    if (event.type === 'onboarding.updated' && event.onboarding.applicationId === application.id) {
      remote.setData(() => event.onboarding);
    }
  });

  if (remote.error) {
    return (
      <Result
        status="error"
        title="入职信息加载失败"
        subTitle={remote.error.message}
        extra={
          <Button type="primary" onClick={remote.reload}>
            重试
          </Button>
        }
      />
    );
  }
  const onboarding = remote.data;
  if (!onboarding) return <Skeleton active paragraph={{ rows: 10 }} />;
  const update = (next: Onboarding) => remote.setData(() => next);

  return (
    <div className="onboarding-panel">
      {!onboarding.offer ? (
        application.status === 'interview' ? (
          <Card size="small" title="发送录用通知">
            <OfferForm
              applicationId={application.id}
              jobPlace={onboarding.jobPlace}
              jobTitle={application.job.title}
              payIsDaily={application.job.salary.unit === 'day'}
              onSent={update}
            />
          </Card>
        ) : (
          <Empty description="这份投递没有录用通知" />
        )
      ) : (
        <>
          {onboarding.remaining.length > 0 && (
            <Alert
              type="info"
              className="onboarding-remaining"
              message="入职还差"
              description={onboarding.remaining.join('、')}
            />
          )}
          <OfferCard onboarding={onboarding} />
          {onboarding.contract && <ContractCard onboarding={onboarding} onChanged={update} />}
          {onboarding.documents.length > 0 && <DocumentsCard onboarding={onboarding} onChanged={update} />}
          <FirstDayCard onboarding={onboarding} />
          {onboarding.offer.payKind === 'daily' && onboarding.checkIn && (
            <ShiftsCard shifts={onboarding.shifts} onChanged={remote.reload} />
          )}
        </>
      )}
    </div>
  );
}

function StatusOf(props: { status: string; label: string }) {
  return <Tag color={STATUS_COLORS[props.status] ?? 'default'}>{props.label}</Tag>;
}

function OfferCard({ onboarding }: { onboarding: Onboarding }) {
  const offer = onboarding.offer!;
  return (
    <Card
      size="small"
      title="录用通知"
      className="onboarding-offer"
      extra={<StatusOf status={offer.status} label={OFFER_STATUS_LABELS[offer.status]} />}
    >
      <Descriptions size="small" column={2}>
        <Descriptions.Item label="岗位">{offer.position}</Descriptions.Item>
        <Descriptions.Item label={PAY_KIND_LABELS[offer.payKind]}>
          {formatFen(offer.payFen)}/{offer.payKind === 'daily' ? '天' : '月'}
        </Descriptions.Item>
        <Descriptions.Item label="报到">{formatWorkDay(offer.startDate, offer.reportTime)}</Descriptions.Item>
        <Descriptions.Item label="有效期至">{formatDateTime(offer.expiresAt)}</Descriptions.Item>
        <Descriptions.Item label="地点" span={2}>
          {offer.place.address}
        </Descriptions.Item>
        {offer.declineReason && (
          <Descriptions.Item label="拒绝原因" span={2}>
            {offer.declineReason}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function ContractCard(props: { onboarding: Onboarding; onChanged(next: Onboarding): void }) {
  const contract = props.onboarding.contract!;
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'countersign' | 'revoke'>();
  const [sending, setSending] = useState(false);
  const [proofCheck, setProofCheck] = useState<string>();
  const { hr } = useSession();
  const [form] = Form.useForm<{ reason: string }>();
  const seekerSigned = contract.signers[0].status === 'signed';
  // The HR has the contract in front of them: its record says so (once); nothing to show if that fails.
  useEffect(() => {
    api.viewContract(contract.flowId).catch(() => undefined);
  }, [contract.flowId]);
  const employerSigned = contract.signers[1].status === 'signed';

  const submit = async () => {
    try {
      if (dialog === 'revoke') await form.validateFields();
    } catch {
      return;
    }
    setSending(true);
    try {
      if (dialog === 'revoke') {
        props.onChanged(await api.revokeContract(contract.flowId, form.getFieldValue('reason') as string));
        void message.success('已撤销并重新生成合同，等待求职者重新签署');
      } else {
        props.onChanged(await api.countersign(contract.flowId));
        void message.success('已会签，合同签署完成');
      }
      setDialog(undefined);
    } catch (error) {
      if (!showServerFieldErrors(form, error)) void message.error(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  const download = () =>
    api.downloadContract(contract.flowId).catch((error: unknown) => void message.error(errorMessage(error)));
  /** Fetches the chain and checks it here, in the browser, as any third party could. */
  const showProof = async () => {
    try {
      const proof = await api.fetchContractProof(contract.flowId);
      const verdict = await verifyContractProof(proof, sha256Hex);
      setProofCheck(
        verdict.valid
          ? `共${proof.events.length}条签约记录（哈希链）校验通过，链头 ${proof.head.slice(0, 12)}…`
          : `校验失败：第${verdict.seq}条记录与存证不符（${verdict.problem}）`,
      );
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <Card
      size="small"
      title={`电子合同 · ${contract.title}`}
      className="onboarding-contract"
      extra={<StatusOf status={contract.status} label={CONTRACT_STATUS_LABELS[contract.status]} />}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="合同编号">{contract.flowId}</Descriptions.Item>
        {contract.signers.map((signer) => (
          <Descriptions.Item key={signer.role} label={signer.role === 'seeker' ? '乙方' : '甲方'}>
            {signer.name} ·{' '}
            {signer.status === 'signed' && signer.signedAt ? `已签署 ${formatDateTime(signer.signedAt)}` : '待签署'}
          </Descriptions.Item>
        ))}
        {proofCheck && <Descriptions.Item label="存证">{proofCheck}</Descriptions.Item>}
      </Descriptions>
      <Space wrap>
        {seekerSigned && !employerSigned && (
          <Button type="primary" onClick={() => setDialog('countersign')}>
            企业会签
          </Button>
        )}
        {contract.status === 'signing' && (
          <Button danger onClick={() => setDialog('revoke')}>
            撤销并重发
          </Button>
        )}
        {!seekerSigned && <Typography.Text type="secondary">等待求职者实名认证并签署</Typography.Text>}
        <Button onClick={() => void download()}>下载合同PDF</Button>
        <Button onClick={() => void showProof()}>校验存证</Button>
      </Space>
      <Modal
        open={!!dialog}
        title={dialog === 'revoke' ? '撤销合同并重新生成' : '企业会签'}
        okText={dialog === 'revoke' ? '撤销并重发' : '确认会签'}
        cancelText="取消"
        confirmLoading={sending}
        onOk={() => void submit()}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ reason: '' }}>
          {dialog === 'revoke' ? (
            <Form.Item
              name="reason"
              label="撤销原因（求职者可见）"
              required
              rules={[contractRule(revokeContractRules, 'reason', form)]}
            >
              <Input maxLength={200} placeholder="例如：岗位名称有误，已更正" />
            </Form.Item>
          ) : (
            <Typography.Paragraph className="countersign-signer">
              将以「{hr.company.name}（{hr.name}）」的名义会签，合同随即生效。
            </Typography.Paragraph>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

function DocumentsCard(props: { onboarding: Onboarding; onChanged(next: Onboarding): void }) {
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState<OnboardingDocument>();
  const [previewing, setPreviewing] = useState<OnboardingDocument>();
  const [busy, setBusy] = useState(false);

  /** Answers whether the review went through (a refused one keeps the reason dialog open). */
  const review = async (document: OnboardingDocument, decision: 'accepted' | 'rejected', why?: string) => {
    setBusy(true);
    try {
      props.onChanged(await api.reviewDocument(document.id!, { decision, reason: why }));
      const name = DOCUMENT_KIND_LABELS[document.kind];
      void message.success(decision === 'accepted' ? `${name}已通过` : `${name}已退回，求职者会看到原因`);
      setRejecting(undefined);
      return true;
    } catch (error) {
      void message.error(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="入职材料" className="onboarding-documents">
      <List
        size="small"
        dataSource={props.onboarding.documents}
        renderItem={(document) => (
          <List.Item
            data-document={document.kind}
            actions={
              document.status === 'uploaded'
                ? [
                    <Button key="view" size="small" onClick={() => setPreviewing(document)}>
                      查看
                    </Button>,
                    <Button key="ok" size="small" type="primary" onClick={() => void review(document, 'accepted')}>
                      通过
                    </Button>,
                    <Button key="no" size="small" danger onClick={() => setRejecting(document)}>
                      退回
                    </Button>,
                  ]
                : []
            }
          >
            <Space wrap>
              <span className="document-name">{DOCUMENT_KIND_LABELS[document.kind]}</span>
              <StatusOf status={document.status} label={DOCUMENT_STATUS_LABELS[document.status]} />
              {document.rejectReason && <Typography.Text type="secondary">{document.rejectReason}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      <ReasonDialog
        open={!!rejecting}
        title={rejecting ? `退回${DOCUMENT_KIND_LABELS[rejecting.kind]}` : ''}
        okText="退回"
        placeholder="写明原因，例如：照片模糊，请在光线充足处重拍"
        rules={documentReviewRules}
        decision="rejected"
        busy={busy}
        onSubmit={(why) => (rejecting ? review(rejecting, 'rejected', why) : Promise.resolve(false))}
        onCancel={() => setRejecting(undefined)}
      />
      <DocumentPreview document={previewing} onClose={() => setPreviewing(undefined)} />
    </Card>
  );
}

function FirstDayCard({ onboarding }: { onboarding: Onboarding }) {
  const offer = onboarding.offer!;
  return (
    <Card size="small" title="报到" className="onboarding-first-day">
      {onboarding.checkIn ? (
        <Space>
          <Tag color="green">已入职</Tag>
          {`${formatDateTime(onboarding.checkIn.at)}签到，距报到地点${formatMetres(onboarding.checkIn.distanceM)}`}
        </Space>
      ) : (
        <Typography.Text type="secondary">
          {formatWorkDay(offer.startDate, offer.reportTime)} 在「{offer.place.address}
          」报到，到场500米内签到后即为已入职
        </Typography.Text>
      )}
    </Card>
  );
}

function ShiftsCard(props: { shifts: Shift[]; onChanged(): void }) {
  const { message } = App.useApp();
  const [approving, setApproving] = useState<Shift>();
  const [rejecting, setRejecting] = useState<Shift>();
  const [minutes, setMinutes] = useState<number | null>(null);
  const [busy, setBusy] = useState<string>();

  useEffect(() => setMinutes(approving?.workedMinutes ?? null), [approving]);

  const act = async (shift: Shift, action: () => Promise<unknown>, done: string) => {
    setBusy(shift.id);
    try {
      await action();
      void message.success(done);
      return true;
    } catch (error) {
      void message.error(errorMessage(error));
      return false;
    } finally {
      setBusy(undefined);
      props.onChanged();
    }
  };

  /** Approving fixes the pay and pays at once; a failed transfer leaves 待发薪 with 重新发薪. */
  /** What is wrong with the minutes typed (kept as typed: no silent clamping), or ''. */
  const minutesProblem = (shift: Shift): string => {
    const worked = shift.workedMinutes ?? 0;
    if (minutes === null) return '请填写核定工时';
    return Number.isInteger(minutes) && minutes >= 1 && minutes <= worked ? '' : `核定工时为1到${worked}分钟`;
  };

  const approveAndPay = async (shift: Shift) => {
    if (minutesProblem(shift)) return;
    const approved = await act(
      shift,
      () => api.reviewShift(shift.id, { decision: 'approved', minutes: minutes ?? undefined }),
      '工时已核定',
    );
    // A refused approval keeps the dialog open with the minutes typed.
    if (!approved) return;
    setApproving(undefined);
    await act(shift, () => api.payShift(shift.id), '工资已转入求职者支付宝');
  };

  const reject = async (shift: Shift, reason: string) => {
    const rejected = await act(shift, () => api.reviewShift(shift.id, { decision: 'rejected', reason }), '已驳回');
    if (rejected) setRejecting(undefined);
    return rejected;
  };

  return (
    <Card size="small" title="日结班次" className="onboarding-shifts">
      <Table<Shift>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={props.shifts}
        locale={{ emptyText: '还没有打卡记录' }}
        columns={[
          { title: '日期', render: (_, shift) => formatWorkDay(shift.day) },
          {
            title: '工时',
            render: (_, shift) =>
              shift.workedMinutes === null ? '上班中' : formatMinutes(shift.approvedMinutes ?? shift.workedMinutes),
          },
          {
            title: '工资',
            render: (_, shift) => (shift.payFen === null ? '—' : formatFen(shift.payFen)),
          },
          {
            title: '状态',
            render: (_, shift) => <StatusOf status={shift.status} label={SHIFT_STATUS_LABELS[shift.status]} />,
          },
          {
            title: '操作',
            render: (_, shift) => (
              <Space>
                {shift.status === 'submitted' && (
                  <>
                    <Button size="small" type="primary" onClick={() => setApproving(shift)}>
                      核定并发薪
                    </Button>
                    <Button size="small" danger loading={busy === shift.id} onClick={() => setRejecting(shift)}>
                      驳回
                    </Button>
                  </>
                )}
                {shift.status === 'approved' && (
                  <Button
                    size="small"
                    loading={busy === shift.id}
                    onClick={() => void act(shift, () => api.payShift(shift.id), '工资已转入求职者支付宝')}
                  >
                    重新发薪
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ReasonDialog
        open={!!rejecting}
        title={rejecting ? `驳回${formatWorkDay(rejecting.day)}的班次` : ''}
        okText="驳回"
        placeholder="写明原因，例如：打卡时间与排班不符"
        rules={shiftReviewRules}
        decision="rejected"
        busy={!!busy}
        onSubmit={(why) => (rejecting ? reject(rejecting, why) : Promise.resolve(false))}
        onCancel={() => setRejecting(undefined)}
      />
      <Modal
        open={!!approving}
        title="核定工时并发薪"
        okText="确认并发薪"
        cancelText="取消"
        confirmLoading={!!busy}
        okButtonProps={{ disabled: !!approving && !!minutesProblem(approving) }}
        onOk={() => approving && void approveAndPay(approving)}
        onCancel={() => setApproving(undefined)}
        destroyOnHidden
      >
        {approving && (
          <Space direction="vertical">
            <Typography.Text>实际工时：{formatMinutes(approving.workedMinutes ?? 0)}</Typography.Text>
            <InputNumber
              aria-label="核定工时"
              status={minutesProblem(approving) ? 'error' : undefined}
              value={minutes}
              onChange={(value) => setMinutes(value)}
              suffix="分钟"
            />
            {minutesProblem(approving) && <Typography.Text type="danger">{minutesProblem(approving)}</Typography.Text>}
            <Typography.Text type="secondary">按录用通知的日薪与每日工时折算，精确到分</Typography.Text>
          </Space>
        )}
      </Modal>
    </Card>
  );
}
