/** Industry keys of 《中小企业划型标准规定》 (工信部联企业〔2011〕300号), domain-rules.md §1. */
export const INDUSTRY_KEYS = [
  'agriculture',
  'industry',
  'construction',
  'wholesale',
  'retail',
  'transport',
  'warehousing',
  'postal',
  'accommodation',
  'catering',
  'info-transmission',
  'software-it',
  'real-estate-development',
  'property-management',
  'leasing-business-services',
  'other',
] as const;
export type IndustryKey = (typeof INDUSTRY_KEYS)[number];

export const INDUSTRY_LABELS: Record<IndustryKey, string> = {
  agriculture: '农、林、牧、渔业',
  industry: '工业（采矿、制造、电力热力燃气水）',
  construction: '建筑业',
  wholesale: '批发业',
  retail: '零售业',
  transport: '交通运输业（不含铁路）',
  warehousing: '仓储业',
  postal: '邮政业',
  accommodation: '住宿业',
  catering: '餐饮业',
  'info-transmission': '信息传输业（电信、互联网）',
  'software-it': '软件和信息技术服务业',
  'real-estate-development': '房地产开发经营',
  'property-management': '物业管理',
  'leasing-business-services': '租赁和商务服务业',
  other: '其他未列明行业',
};

export type SizeClass = 'large' | 'medium' | 'small' | 'micro';
export const SIZE_LABELS: Record<SizeClass, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
