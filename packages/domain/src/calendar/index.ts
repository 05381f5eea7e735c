export * from './working-days';
export { CN_HOLIDAY_SCHEDULES } from './cn-holidays';
