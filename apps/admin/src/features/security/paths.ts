/** Where the 账号安全 pages live (the route guard and the user menu link to the same paths). */
export const SECURITY_PATH = '/account/security';
export const SECOND_FACTOR_SETUP_PATH = '/account/second-factor';
