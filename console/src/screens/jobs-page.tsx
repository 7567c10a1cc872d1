import { Alert, App, Badge, Button, Popconfirm, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { ApplicationStatus } from '../../../services/contracts/applications';
import type { EmployerJob } from '../../../services/contracts/employer';
import { JOB_STATUS_LABELS, type JobStatus } from '../../../services/contracts/jobs';
import { formatSalary } from '../format';
import { errorMessage } from '../api/client';
import * as api from '../api/employer';
import type { Remote } from '../api/use-remote';

const STATUS_COLORS: Record<JobStatus, string> = { open: 'green', paused: 'orange', closed: 'default' };

/** The counts an HR acts on, per job: what is new, what is going on, what came of it. */
const COUNT_COLUMNS: Array<{ key: string; title: string; tip: string; statuses: ApplicationStatus[] }> = [
  { key: 'new', title: '新投递', tip: '还没查看的投递', statuses: ['submitted'] },
  { key: 'talking', title: '沟通中', tip: '已查看、还没决定的投递', statuses: ['viewed'] },
  { key: 'interview', title: '面试中', tip: '已邀请面试', statuses: ['interview'] },
  { key: 'offer', title: '已录用', tip: '已发录用通知、还没入职', statuses: ['offer'] },
  { key: 'hired', title: '已入职', tip: '已报到入职', statuses: ['hired'] },
  { key: 'rejected', title: '不合适', tip: '已告知不合适', statuses: ['rejected'] },
  {
    key: 'ended',
    title: '撤回/关闭',
    tip: '求职者撤回的，和超时未处理或职位关闭而关闭的投递',
    statuses: ['withdrawn', 'closed'],
  },
];

const countOf = (job: EmployerJob, statuses: readonly ApplicationStatus[]) =>
  statuses.reduce((sum, status) => sum + job.applicationCounts[status], 0);

/** What closing does to this job's applications, said before the HR confirms. */
function closeConfirmText(job: EmployerJob): string {
  const waiting = countOf(job, ['submitted', 'viewed']);
  const goingOn = countOf(job, ['interview', 'offer']);
  return [
    '关闭后不可恢复，求职者将看到职位已关闭。',
    waiting ? `${waiting}份待处理的投递会随之关闭，并通知求职者。` : '',
    goingOn ? `面试中和已录用的${goingOn}人不受影响，请继续跟进。` : '',
    '确定关闭这个职位？',
  ].join('');
}

const CHANGE_LABELS: Record<JobStatus, { label: string; done: string; confirm(job: EmployerJob): string }> = {
  open: { label: '恢复招聘', done: '职位已恢复招聘', confirm: () => '恢复后求职者可以再次投递，确定恢复？' },
  paused: {
    label: '暂停招聘',
    done: '职位已暂停招聘',
    confirm: () => '暂停后求职者无法投递，已有的投递不受影响，可随时恢复。确定暂停？',
  },
  closed: { label: '关闭职位', done: '职位已关闭', confirm: closeConfirmText },
};

/** 职位管理: the company's jobs, applications counted by status, and pause / reopen / close. */
export function JobsPage(props: { jobs: Remote<{ items: EmployerJob[] }>; onShowApplications(jobId: string): void }) {
  const { jobs } = props;
  const { message } = App.useApp();
  const [changing, setChanging] = useState<string>();

  const change = async (job: EmployerJob, status: JobStatus) => {
    setChanging(job.id);
    try {
      const updated = await api.setJobStatus(job.id, status);
      jobs.setData(
        (current) => current && { items: current.items.map((item) => (item.id === job.id ? updated : item)) },
      );
      const ended = status === 'closed' ? countOf(job, ['submitted', 'viewed']) : 0;
      void message.success(`${CHANGE_LABELS[status].done}${ended ? `，${ended}份待处理的投递已关闭并通知求职者` : ''}`);
    } catch (error) {
      void message.error(`操作失败：${errorMessage(error)}`);
      jobs.reload();
    } finally {
      setChanging(undefined);
    }
  };

  const columns: ColumnsType<EmployerJob> = [
    {
      title: '职位',
      key: 'title',
      render: (_, job) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{job.title}</Typography.Text>
          {/* Each part stays whole (no break inside 11-21.5K or a name); the line breaks between parts. */}
          <Typography.Text type="secondary" className="job-meta">
            <span>
              {job.cityName} {job.district}
            </span>
            {' · '}
            <span>{formatSalary(job.salary)}</span>
            {' · '}
            <span>负责人 {job.hr.name}</span>
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 100,
      render: (_, job) => <Tag color={STATUS_COLORS[job.status]}>{JOB_STATUS_LABELS[job.status]}</Tag>,
    },
    ...COUNT_COLUMNS.map((column) => ({
      title: (
        <Tooltip title={column.tip}>
          <span>{column.title}</span>
        </Tooltip>
      ),
      key: column.key,
      width: column.key === 'ended' ? 84 : 72,
      align: 'center' as const,
      render: (_: unknown, job: EmployerJob) => {
        const count = countOf(job, column.statuses);
        return (
          <span className={`job-count job-count-${column.key}`}>
            {column.key === 'new' && count > 0 ? <Badge count={count} /> : count}
          </span>
        );
      },
    })),
    { title: '总计', key: 'total', width: 72, align: 'center', render: (_, job) => job.applicationTotal },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      render: (_, job) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => props.onShowApplications(job.id)}>
            查看投递
          </Button>
          {(['open', 'paused', 'closed'] as const)
            .filter((to) => to !== job.status && job.status !== 'closed')
            .map((to) => (
              <Popconfirm
                key={to}
                title={<div className="job-change-confirm">{CHANGE_LABELS[to].confirm(job)}</div>}
                okText="确定"
                cancelText="取消"
                // Opens leftwards from the button at the table's right edge, so it stays in the window.
                placement="topRight"
                onConfirm={() => change(job, to)}
              >
                <Button size="small" danger={to === 'closed'} loading={changing === job.id} className={`job-${to}`}>
                  {CHANGE_LABELS[to].label}
                </Button>
              </Popconfirm>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <div className="jobs-page">
      {jobs.error ? (
        <Alert
          type="error"
          showIcon
          message="职位加载失败"
          description={jobs.error.message}
          action={
            <Button size="small" onClick={jobs.reload}>
              重试
            </Button>
          }
        />
      ) : !jobs.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Table
          className="jobs-table"
          rowKey="id"
          sticky
          size="middle"
          columns={columns}
          dataSource={jobs.data.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '公司还没有发布职位' }}
        />
      )}
    </div>
  );
}
