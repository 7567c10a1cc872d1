import { Alert, App, Badge, Button, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
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

const COUNT_COLUMNS: Array<[ApplicationStatus, string]> = [
  ['submitted', '未读'],
  ['viewed', '已查看'],
  ['interview', '面试'],
  ['offer', '录用'],
  ['hired', '入职'],
  ['rejected', '不合适'],
];

const CHANGE_LABELS: Record<JobStatus, { label: string; done: string; confirm: string }> = {
  open: { label: '恢复招聘', done: '职位已恢复招聘', confirm: '恢复后求职者可以再次投递，确定恢复？' },
  paused: { label: '暂停招聘', done: '职位已暂停招聘', confirm: '暂停后求职者无法投递，可随时恢复。确定暂停？' },
  closed: { label: '关闭职位', done: '职位已关闭', confirm: '关闭后不可恢复，求职者将看到职位已关闭。确定关闭？' },
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
      void message.success(CHANGE_LABELS[status].done);
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
          <Typography.Text type="secondary">
            {job.cityName} {job.district} · {formatSalary(job.salary)} · 负责人 {job.hr.name}
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
    ...COUNT_COLUMNS.map(([status, title]) => ({
      title,
      key: status,
      width: 72,
      align: 'center' as const,
      render: (_: unknown, job: EmployerJob) =>
        status === 'submitted' && job.applicationCounts.submitted > 0 ? (
          <Badge count={job.applicationCounts.submitted} />
        ) : (
          job.applicationCounts[status]
        ),
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
                title={CHANGE_LABELS[to].confirm}
                okText="确定"
                cancelText="取消"
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
