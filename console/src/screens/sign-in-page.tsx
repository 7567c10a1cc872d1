import { Alert, App, Button, Card, Form, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  employerSignInRules,
  type EmployerHrOption,
  type EmployerSignInRequest,
} from '../../../services/contracts/employer';
import { errorMessage } from '../api/client';
import * as api from '../api/employer';
import { useRemote } from '../api/use-remote';
import { contractRule, isRequired, showServerFieldErrors } from '../forms/contract-rules';
import { useOptionalSession } from '../session/session';

const SEARCH_DELAY_MS = 250;

function optionLabel(option: EmployerHrOption) {
  return (
    <div className="hr-option">
      <div>
        <Typography.Text strong>{option.company.name}</Typography.Text>
        <Typography.Text type="secondary">
          {' '}
          · {option.name}（{option.title}）
        </Typography.Text>
      </div>
      <Space size={4}>
        <Tag>{option.openJobs}个在招职位</Tag>
        {option.unread > 0 && <Tag color="red">{option.unread}份新投递</Tag>}
      </Space>
    </div>
  );
}

/**
 * QA picks one of the seeded companies' HRs (companies with the newest applications first) and acts as
 * that HR. The mock accepts this from this machine only.
 */
export function SignInPage() {
  const { signedIn } = useOptionalSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<EmployerSignInRequest>();
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const options = useRemote(() => api.listHrOptions(keyword), [keyword]);

  useEffect(() => {
    const timer = setTimeout(() => setKeyword(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const submit = async (values: EmployerSignInRequest) => {
    setSubmitting(true);
    try {
      const session = await api.signIn(values.hrId);
      signedIn(session);
      void message.success(`已登录：${session.hr.company.name} · ${session.hr.name}`);
    } catch (error) {
      if (!showServerFieldErrors(form, error)) void message.error(`登录失败：${errorMessage(error)}`);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="sign-in-page">
      <Card className="sign-in-card" title="1号直聘 · 招聘端登录">
        <Typography.Paragraph type="secondary">
          选择一家演示企业的HR账号登录，处理求职者在小程序里的投递。登录后该HR的「自动处理」会关闭，投递只由你来处理。
        </Typography.Paragraph>
        {options.error && (
          <Alert
            type="error"
            showIcon
            className="sign-in-error"
            message={`HR账号加载失败：${options.error.message}`}
            action={
              <Button size="small" onClick={options.reload}>
                重试
              </Button>
            }
          />
        )}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ hrId: undefined }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item
            name="hrId"
            label="HR账号"
            required={isRequired(employerSignInRules, 'hrId')}
            rules={[contractRule(employerSignInRules, 'hrId', form)]}
          >
            <Select
              className="hr-select"
              showSearch
              filterOption={false}
              onSearch={setTyped}
              loading={options.loading}
              placeholder="搜索公司或HR姓名"
              notFoundContent={options.loading ? '加载中…' : '没有匹配的HR账号'}
              options={(options.data?.items ?? []).map((option) => ({
                value: option.id,
                label: `${option.company.name} · ${option.name}`,
                title: option.company.name,
                option,
              }))}
              optionRender={(item) => optionLabel((item.data as { option: EmployerHrOption }).option)}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
