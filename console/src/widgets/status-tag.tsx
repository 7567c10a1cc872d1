import { Tag } from 'antd';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../../../services/contracts/applications';

const COLORS: Record<ApplicationStatus, string> = {
  submitted: 'red',
  viewed: 'blue',
  interview: 'purple',
  offer: 'gold',
  hired: 'green',
  rejected: 'default',
  withdrawn: 'default',
  closed: 'default',
};

export function StatusTag({ status }: { status: ApplicationStatus }) {
  return (
    <Tag color={COLORS[status]} className="status-tag">
      {APPLICATION_STATUS_LABELS[status]}
    </Tag>
  );
}
