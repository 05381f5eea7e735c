import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { SITE_NAME } from '../shared/Page';

export function NotFound() {
  const navigate = useNavigate();
  return (
    <>
      <title>{`页面不存在 - ${SITE_NAME}`}</title>
      <Result
        status="404"
        title="页面不存在"
        subTitle="您访问的页面不存在或已被移除。"
        extra={
          <Button type="primary" onClick={() => void navigate('/')}>
            返回首页
          </Button>
        }
      />
    </>
  );
}
