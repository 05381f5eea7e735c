import dayjs from 'dayjs';

/** Calendar helpers for the pickers (display only; every rule about months lives in the domain and the API). */
export const thisMonth = () => dayjs().format('YYYY-MM');
export const lastMonth = () => dayjs().subtract(1, 'month').format('YYYY-MM');
export const monthsAgo = (n: number) => dayjs().subtract(n, 'month').format('YYYY-MM');
export const today = () => dayjs().format('YYYY-MM-DD');
/** '2026-10' → '2026年10月' */
export const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
