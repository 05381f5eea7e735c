import { z } from 'zod';

/**
 * Chinese default messages for zod issues a schema does not word itself, exactly as the server configures it
 * (packages/api/src/zod-locale.ts). zod's config is global to the one zod instance the domain's schemas use too.
 */
z.config(z.locales.zhCN());
