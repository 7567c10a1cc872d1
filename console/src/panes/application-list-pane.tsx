import {
  Alert,
  App,
  Badge,
  Button,
  DatePicker,
  Empty,
  List,
  Radio,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import {
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUSES,
  type ApplicationStatus,
} from '../../../services/contracts/applications';
import type { EmployerJob } from '../../../services/contracts/employer';
import { formatDateTime, formatMatchScore } from '../format';
import { errorMessage } from '../api/client';
import * as api from '../api/employer';
import type { EmployerApplication } from '../api/employer';
import { useRemote } from '../api/use-remote';
import { StatusTag } from '../widgets/status-tag';
import { useEmployerEvents, useEmployerSocket } from '../realtime/employer-socket';
import { insertInOrder, isNewArrival, matchesFilters, toListQuery, type InboxFilters } from './application-filters';

interface ListState {
  items: EmployerApplication[];
  nextCursor: string | null;
}

function applicantName(application: EmployerApplication): string {
  const resume = application.applicantResume;
  return !resume.redacted && resume.name ? resume.name : application.applicant.nickname;
}

/**
 * The inbox: the company's applications under the HR's filters, newest or best match first, unread marked.
 * New ones arrive over the socket and slot in without a reload; after a reconnect the list reloads.
 */
export function ApplicationListPane(props: {
  filters: InboxFilters;
  onFiltersChange(filters: InboxFilters): void;
  jobs: EmployerJob[];
  selectedId: string | undefined;
  onSelect(id: string): void;
  /** The candidate pane's latest copy of an application (after an action), to show in the row. */
  changed: EmployerApplication | undefined;
}) {
  const { filters, onFiltersChange, changed } = props;
  const { notification } = App.useApp();
  const { epoch } = useEmployerSocket();
  const [list, setList] = useState<ListState>({ items: [], nextCursor: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string>();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const query = toListQuery(filters);
  const first = useRemote(() => api.listApplications(query), [JSON.stringify(query), epoch]);

  useEffect(() => {
    if (first.data) setList(first.data);
    setMoreError(undefined);
  }, [first.data]);

  useEffect(() => {
    if (changed)
      setList((current) => ({
        ...current,
        items: current.items.map((item) => (item.id === changed.id ? changed : item)),
      }));
  }, [changed]);

  useEmployerEvents((event) => {
    if (event.type === 'application.created') {
      const application = event.application;
      void notification.info({
        message: '收到新投递',
        description: `${applicantName(application)} 投递了「${application.job.title}」`,
        placement: 'bottomRight',
      });
      if (!matchesFilters(application, filters)) return;
      setList((current) => ({ ...current, items: insertInOrder(current.items, application, filters.sort) }));
      setFresh((current) => new Set(current).add(application.id));
    } else if (event.type === 'application.updated') {
      const application = event.application;
      setList((current) => ({
        ...current,
        items: current.items.map((item) => (item.id === application.id ? application : item)),
      }));
    }
  });

  const loadMore = async () => {
    if (!list.nextCursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await api.listApplications({ ...query, cursor: list.nextCursor });
      setList((current) => ({
        items: [...current.items, ...page.items.filter((item) => !current.items.some((shown) => shown.id === item.id))],
        nextCursor: page.nextCursor,
      }));
    } catch (error) {
      setMoreError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const statusOptions = APPLICATION_STATUSES.map((status: ApplicationStatus) => ({
    value: status,
    label: APPLICATION_STATUS_LABELS[status],
  }));

  return (
    <div className="application-list-pane">
      <div className="pane-toolbar">
        <Space wrap size={[8, 8]}>
          <Select
            className="filter-job"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部职位"
            style={{ width: 220 }}
            value={filters.jobId}
            onChange={(jobId?: string) => onFiltersChange({ ...filters, jobId })}
            options={props.jobs.map((job) => ({
              value: job.id,
              label: `${job.title} · ${job.cityName}${job.unread ? `（${job.unread}新）` : ''}`,
            }))}
          />
          <Select
            className="filter-status"
            allowClear
            placeholder="全部状态"
            style={{ width: 120 }}
            value={filters.status}
            onChange={(status?: ApplicationStatus) => onFiltersChange({ ...filters, status })}
            options={statusOptions}
          />
          <DatePicker.RangePicker
            className="filter-dates"
            style={{ width: 240 }}
            value={filters.dates ? [dayjs(filters.dates[0]), dayjs(filters.dates[1])] : null}
            onChange={(range) =>
              onFiltersChange({
                ...filters,
                dates:
                  range && range[0] && range[1]
                    ? [range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')]
                    : undefined,
              })
            }
          />
          <Radio.Group
            className="filter-sort"
            optionType="button"
            value={filters.sort}
            onChange={(event) => onFiltersChange({ ...filters, sort: event.target.value as InboxFilters['sort'] })}
            options={[
              { value: 'latest', label: '最新' },
              { value: 'match', label: '最匹配' },
            ]}
          />
        </Space>
      </div>
      <div className="pane-body">
        {first.error ? (
          <Alert
            type="error"
            showIcon
            message="投递列表加载失败"
            description={first.error.message}
            action={
              <Button size="small" onClick={first.reload}>
                重试
              </Button>
            }
          />
        ) : first.loading && list.items.length === 0 ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : list.items.length === 0 ? (
          <Empty description="暂无符合条件的投递" />
        ) : (
          <List
            className="application-list"
            dataSource={list.items}
            rowKey="id"
            renderItem={(application) => (
              <List.Item
                className={[
                  'application-row',
                  application.id === props.selectedId ? 'application-row-selected' : '',
                  application.unread ? 'application-row-unread' : '',
                ].join(' ')}
                data-id={application.id}
                onClick={() => props.onSelect(application.id)}
              >
                <List.Item.Meta
                  avatar={
                    <Badge dot={application.unread} offset={[-2, 2]}>
                      <span className="applicant-avatar">{applicantName(application).slice(0, 1)}</span>
                    </Badge>
                  }
                  title={
                    <Space size={6}>
                      <span className="applicant-name">{applicantName(application)}</span>
                      {application.unread && <Tag color="red">未读</Tag>}
                      {isNewArrival(application, fresh) && <Tag color="blue">新</Tag>}
                    </Space>
                  }
                  description={
                    <div className="application-row-meta">
                      <Typography.Text ellipsis className="application-row-job">
                        {application.job.title} · {application.job.cityName}
                      </Typography.Text>
                      <Typography.Text type="secondary" className="application-row-time">
                        {formatDateTime(application.createdAt)}
                      </Typography.Text>
                    </div>
                  }
                />
                <Space direction="vertical" align="end" size={4}>
                  <StatusTag status={application.status} />
                  <Typography.Text type="secondary" className="application-row-match">
                    {formatMatchScore(application.matchScore)}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
        {moreError && (
          <Alert type="error" showIcon message={`加载更多失败：${moreError}`} className="list-more-error" />
        )}
        {list.nextCursor && !first.error && (
          <Button block loading={loadingMore} onClick={() => void loadMore()} className="list-more">
            {moreError ? '重试加载更多' : '加载更多'}
          </Button>
        )}
      </div>
    </div>
  );
}
