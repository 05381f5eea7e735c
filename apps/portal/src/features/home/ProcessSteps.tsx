import { RightOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { Fragment } from 'react';
import { STEPS } from './offers';

const circle = {
  width: 32,
  height: 32,
  borderRadius: '50%',
  background: '#1a4f8b',
  color: '#fff',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  fontWeight: 600,
  flex: 'none',
} as const;

/** The path from registration to payment; a description, not a progress indicator. */
export function ProcessSteps() {
  return (
    <Flex component="ol" gap={8} align="flex-start" wrap style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {STEPS.map((s, i) => (
        <Fragment key={s.title}>
          {i > 0 && <RightOutlined aria-hidden style={{ color: '#bfbfbf', marginTop: 10 }} />}
          <li style={{ flex: '1 1 160px', display: 'flex', gap: 10 }}>
            <span style={circle} aria-hidden>
              {i + 1}
            </span>
            <div>
              <Typography.Text strong>{s.title}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                {s.description}
              </Typography.Paragraph>
            </div>
          </li>
        </Fragment>
      ))}
    </Flex>
  );
}
