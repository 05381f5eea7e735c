import type { ThemeConfig } from 'antd';

/** A restrained government-service look: deep blue header and primary actions, neutral page background. */
export const BRAND_BLUE = '#1a4f8b';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: BRAND_BLUE,
      headerHeight: 60,
      headerPadding: '0 24px',
      bodyBg: '#f3f5f8',
      footerBg: '#f3f5f8',
    },
    Menu: {
      darkItemBg: BRAND_BLUE,
      darkItemSelectedBg: '#123a69',
      darkPopupBg: BRAND_BLUE,
      itemSelectedBg: '#e8eff8',
      itemSelectedColor: BRAND_BLUE,
    },
  },
};
