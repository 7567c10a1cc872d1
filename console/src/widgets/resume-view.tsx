import { DownloadOutlined, LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Empty, Result, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { JOB_TYPE_LABELS } from '../../../services/contracts/jobs';
import { DEGREE_LABELS, GENDER_LABELS, WORK_STATUS_LABELS } from '../../../services/contracts/resume';
import type { EmployerResumeView } from '../../../services/contracts/employer';
import { TRUST_KIND_LABELS, TRUST_KINDS, type TrustBadges } from '../../../services/contracts/trust';
import { formatBirthYear, formatExpectedSalary, formatFileSize, formatMonthRange, formatUploadedAt } from '../format';
import { errorMessage } from '../api/client';
import * as api from '../api/employer';

export function TrustBadgeTags({ trust }: { trust: TrustBadges }) {
  const verified = TRUST_KINDS.filter((kind) => trust[kind]);
  if (verified.length === 0) return <Typography.Text type="secondary">暂无认证</Typography.Text>;
  return (
    <Space size={4} wrap className="trust-badges">
      {verified.map((kind) => (
        <Tag key={kind} color="success" icon={<SafetyCertificateOutlined />}>
          {TRUST_KIND_LABELS[kind]}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * The resume exactly as the employer may see it: contact details masked until the seeker shares them for
 * this application, nothing at all for a company the seeker hid from.
 */
export function ResumeView(props: { applicationId: string; resume: EmployerResumeView }) {
  const { resume } = props;
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  if (resume.redacted) {
    return <Result className="resume-redacted" icon={<LockOutlined />} title="简历不可见" subTitle={resume.message} />;
  }
  const attachment = resume.attachment;
  const download = async () => {
    if (!attachment) return;
    setDownloading(true);
    try {
      await api.downloadAttachment(props.applicationId, attachment.fileName);
    } catch (error) {
      void message.error(`附件下载失败：${errorMessage(error)}`);
    } finally {
      setDownloading(false);
    }
  };
  const contactHint = resume.contactShared ? null : (
    <Typography.Text type="secondary" className="contact-hint">
      （求职者同意后可见完整号码）
    </Typography.Text>
  );
  const wants = resume.expectations;
  return (
    <div className="resume-view">
      <Descriptions size="small" column={2} title="基本信息" className="resume-basic">
        <Descriptions.Item label="姓名">{resume.name ?? '未填写'}</Descriptions.Item>
        <Descriptions.Item label="性别">{resume.gender ? GENDER_LABELS[resume.gender] : '未填写'}</Descriptions.Item>
        <Descriptions.Item label="出生">
          {resume.birthYear ? formatBirthYear(resume.birthYear) : '未填写'}
        </Descriptions.Item>
        <Descriptions.Item label="现居">{resume.cityName ?? '未填写'}</Descriptions.Item>
        <Descriptions.Item label="求职状态">
          {resume.status ? WORK_STATUS_LABELS[resume.status] : '未填写'}
        </Descriptions.Item>
        <Descriptions.Item label="认证">
          <TrustBadgeTags trust={resume.trust} />
        </Descriptions.Item>
        <Descriptions.Item label="手机" span={2}>
          <span className="resume-phone">{resume.phone ?? '未填写'}</span>
          {resume.phone && contactHint}
        </Descriptions.Item>
        <Descriptions.Item label="邮箱" span={2}>
          {resume.email ?? '未填写'}
          {resume.email && contactHint}
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5}>求职期望</Typography.Title>
      {wants ? (
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="职位">{wants.categories.join('、')}</Descriptions.Item>
          <Descriptions.Item label="城市">{wants.cityNames.join('、')}</Descriptions.Item>
          <Descriptions.Item label="薪资">{formatExpectedSalary(wants.salaryMin, wants.salaryMax)}</Descriptions.Item>
          <Descriptions.Item label="类型">
            {wants.jobTypes.map((type) => JOB_TYPE_LABELS[type]).join('、')}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary">未填写</Typography.Paragraph>
      )}

      <Typography.Title level={5}>工作经历</Typography.Title>
      {resume.workExperiences.length ? (
        <Timeline
          items={resume.workExperiences.map((work) => ({
            key: work.id,
            children: (
              <div>
                <Typography.Text strong>
                  {work.company} · {work.title}
                </Typography.Text>
                <div className="muted">{formatMonthRange(work.startMonth, work.endMonth)}</div>
                {work.description && <Typography.Paragraph>{work.description}</Typography.Paragraph>}
              </div>
            ),
          }))}
        />
      ) : (
        <Typography.Paragraph type="secondary">未填写</Typography.Paragraph>
      )}

      <Typography.Title level={5}>教育经历</Typography.Title>
      {resume.educations.length ? (
        resume.educations.map((education) => (
          <div key={education.id} className="resume-education">
            <Typography.Text strong>{education.school}</Typography.Text> · {DEGREE_LABELS[education.degree]}
            {education.major && ` · ${education.major}`}
            <span className="muted"> {formatMonthRange(education.startMonth, education.endMonth, '在读')}</span>
          </div>
        ))
      ) : (
        <Typography.Paragraph type="secondary">未填写</Typography.Paragraph>
      )}

      <Typography.Title level={5}>技能</Typography.Title>
      {resume.skills.length ? (
        <Space size={4} wrap>
          {resume.skills.map((skill) => (
            <Tag key={skill}>{skill}</Tag>
          ))}
        </Space>
      ) : (
        <Typography.Paragraph type="secondary">未填写</Typography.Paragraph>
      )}

      <Typography.Title level={5}>自我介绍</Typography.Title>
      <Typography.Paragraph type={resume.selfIntro ? undefined : 'secondary'}>
        {resume.selfIntro || '未填写'}
      </Typography.Paragraph>

      <Typography.Title level={5}>附件简历</Typography.Title>
      {attachment ? (
        <Space className="resume-attachment">
          <span>
            {attachment.fileName}（{formatFileSize(attachment.sizeBytes)}，{formatUploadedAt(attachment.uploadedAt)}）
          </span>
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()}>
            下载
          </Button>
        </Space>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本次投递未附带附件简历" />
      )}
    </div>
  );
}
