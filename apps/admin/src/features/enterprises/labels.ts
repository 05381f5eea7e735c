export const SIZE_DATA_SOURCE_LABELS = {
  'self-declared': '企业自报',
  verified: '工作人员核验',
  'statistics-bureau': '统计部门',
} as const satisfies Record<string, string>;
