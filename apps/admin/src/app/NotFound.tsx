import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { CONSOLE_NAME, SITE_NAME } from '../shared/Page';

export function NotFound() {
  const navigate = useNavigate();
  return (
    <>
      <title>{`页面不存在 - ${CONSOLE_NAME} - ${SITE_NAME}`}</title>
      <Result
        status="404"
        title="页面不存在"
        subTitle="您访问的页面不存在或已被移除。"
        extra={
          <Button type="primary" onClick={() => void navigate('/')}>
            返回工作台
          </Button>
        }
      />
    </>
  );
}
