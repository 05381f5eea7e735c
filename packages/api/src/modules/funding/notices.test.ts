import { describe, expect, it } from 'vitest';
import { publicEnterpriseName } from './notices.service';

describe('names on the public notice (§8)', () => {
  it('masks a 个体工商户 registered under its owner’s personal name', () => {
    expect(publicEnterpriseName('92430602MA4LF36E60', '张三丰')).toBe('张**');
  });

  it('publishes business names and companies as registered', () => {
    expect(publicEnterpriseName('92430602MA4LF36E60', '岳阳楼区小桥便利店')).toBe('岳阳楼区小桥便利店');
    expect(publicEnterpriseName('91430602MA4L1A2B9Q', '岳阳某某科技有限公司')).toBe('岳阳某某科技有限公司');
  });
});
